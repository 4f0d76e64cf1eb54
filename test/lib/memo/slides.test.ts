import { describe, expect, it } from "vitest";
import { money } from "../../../src/lib/memo/document.js";
import { memoSlides } from "../../../src/lib/memo/slides.js";
import { federalContractor, privateCompany } from "./fixtures.js";

describe("present mode's slides", () => {
  it("carry the memo's own figures, and the next deadline in the one outlook vocabulary", () => {
    const figures = [{ id: "by-unit", svg: "<svg></svg>" }];
    const slides = memoSlides(federalContractor, figures);
    const e = federalContractor.evaluation;
    expect(slides[0]).toMatchObject({ title: "Where Kaspersky runs", figure: `${federalContractor.fleet.kasperskyDevices.toLocaleString("en-US")} devices` });
    expect(slides.find((s) => s.title.startsWith("Expected loss"))?.figure).toBe(money(e.lossWithPlan.mean));
    expect(slides.find((s) => s.title.startsWith("Cost of"))?.figure).toBe(money(e.cost.p[50]));
    expect(slides.some((s) => s.svg === "<svg></svg>")).toBe(true);
    // A deadline's slide says how likely it is, and its state in the words every page uses.
    const deadline = slides.find((s) => s.title === "Prime contract recompete: no Kaspersky attested")!;
    expect(deadline.figure).toMatch(/^\d+% likely$/);
    expect(deadline.context).toMatch(/^(Met|At risk) \(P [\d.]+%/);
  });
  it("has a progress slide only when the memo has snapshots, with the latest count, the band and the re-forecast", () => {
    expect(memoSlides(privateCompany, []).some((s) => s.title.startsWith("Progress"))).toBe(false);
    const snapshot = (date: string, kasperskyDevices: number) => ({ date, label: date, kasperskyDevices, unseen: 0, kept: 0, devices: 10, migrated: [], migratedWithReplacement: 0, cameBack: [], new: [], missing: [], byWave: [], standing: "inside" as const, standingText: null, band: { date, p10: 2, p50: 4, p90: 6 } });
    const forecast = { from: "2027-04-15", started: true, devicesLeft: 5, capacity: { priorMean: 85, priorLikely: 80, posteriorMean: 70, migrated: 5, effectiveWeeks: 2, observedPerWeek: 2.5 }, completion: { p50: "2027-07-17", p80: "2027-07-31" }, deadlines: [{ id: "d", label: "Insurance renewal", date: "2027-06-30", probability: 0.099, standardError: 0.002, passed: false }], capacityFor80: null, trials: 1000, seed: 1 };
    const slides = memoSlides({ ...privateCompany, progress: { snapshots: [snapshot("2026-11-25", 10), snapshot("2027-04-15", 5)], forecast, leftOut: [] } }, []);
    const progress = slides.find((s) => s.title === "Progress: 15 April 2027")!;
    expect(progress.figure).toBe("5 devices left");
    expect(progress.context).toBe("The plan expected 2 to 6 (median 4). Re-forecast: every device off by 17 July 2027 at the median; Insurance renewal: P(meet) 9.9% ± 0.2%.");
  });
  it("has no chart slide without its chart, and no recommendation without a decision", () => {
    const slides = memoSlides({ ...privateCompany, decision: null }, []);
    expect(slides.some((s) => s.svg)).toBe(false);
    expect(slides.some((s) => s.title === "Recommendation")).toBe(false);
  });
});

describe("the memo's subtitle", () => {
  it("names the sector when the profile states one", async () => {
    const { buildMemo } = await import("../../../src/lib/memo/build.js");
    const s = privateCompany.scenario;
    expect(buildMemo({ ...privateCompany, scenario: { ...s, profile: { ...s.profile, sector: "freight and logistics" } } }).subtitle).toBe(`Decision memo for the board (freight and logistics), scenario "${s.name}"`);
    expect(buildMemo(privateCompany).subtitle).toBe(`Decision memo for the board, scenario "${s.name}"`);
  });
});
