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
