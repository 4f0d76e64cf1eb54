/**
 * Migration tracking (issue 17): snapshot diffs worked by hand, the plan's band, and the
 * re-forecast's response to progress on, below and above the plan.
 */
import { describe, expect, it } from "vitest";
import { timelineReport } from "../../../src/lib/model/timeline-report.js";
import { bandAt, standing } from "../../../src/lib/progress/band.js";
import { trackSnapshots } from "../../../src/lib/progress/diff.js";
import { capacityPosterior, reforecast } from "../../../src/lib/progress/reforecast.js";
import type { Deadline } from "../../../src/lib/schema/index.js";
import { FLEET, PLAN, row, snapshot } from "./support.js";

const hosts = (list: { hostname: string }[]) => list.map((d) => d.hostname);

describe("trackSnapshots", () => {
  // a, b: Finance; c, d, e: Operations. Worked by hand below each snapshot.
  const first = snapshot("2027-02-01", [row("a", true, { businessUnit: "Finance" }), row("b", true, { businessUnit: "Finance" }), row("c", true), row("d", false), row("e", true, { aliases: ["defender:e1"] })]);
  const second = snapshot("2027-03-01", [
    row("A.corp.example.com", false, { businessUnit: "Finance" }), // a, by its short name: migrated
    row("b", true, { businessUnit: "Finance" }),
    // c is not in this snapshot: missing
    row("d", true), // never had Kaspersky: new
    row("e-renamed", false, { aliases: ["defender:e1"] }), // e, by its Defender id: migrated
    row("f", true), // a device not seen before: new
  ]);
  const third = snapshot("2027-04-01", [row("a", true, { businessUnit: "Finance" }), row("b", false, { businessUnit: "Finance" }), row("c", true), row("d", true), row("e-renamed", false, { aliases: ["defender:e1"] }), row("f", true)]);
  const [s1, s2, s3] = trackSnapshots([third, first, second], PLAN);

  it("counts Kaspersky devices per snapshot, in date order, a missing device as last seen (never progress)", () => {
    expect([s1!.date, s2!.date, s3!.date]).toEqual(["2027-02-01", "2027-03-01", "2027-04-01"]);
    // s2: b, d and f seen with it, and c not seen (last seen with it): 4, of which 1 unseen.
    expect([s1!.kasperskyDevices, s2!.kasperskyDevices, s3!.kasperskyDevices]).toEqual([4, 4, 4]);
    expect([s1!.unseen, s2!.unseen, s3!.unseen]).toEqual([0, 1, 0]);
    expect(s1!.migrated).toEqual([]);
  });

  it("finds migrated, missing and new devices against the snapshot before, by host name or source id", () => {
    expect(hosts(s2!.migrated)).toEqual(["A.corp.example.com", "e-renamed"]);
    expect(hosts(s2!.missing)).toEqual(["c"]);
    expect(hosts(s2!.new)).toEqual(["d", "f"]);
    expect(s2!.cameBack).toEqual([]);
  });

  it("finds devices that came back (Kaspersky again after being seen without it); a device back from missing is in no list", () => {
    expect(hosts(s3!.cameBack)).toEqual(["a"]);
    expect(hosts(s3!.migrated)).toEqual(["b"]);
    expect(s3!.new).toEqual([]); // c had Kaspersky before it went missing
    expect(s3!.missing).toEqual([]);
  });

  it("follows each wave by the plan's rules, against the first snapshot", () => {
    const finance = (s: typeof s1) => s!.byWave.find((w) => w.id === "finance")!;
    const rest = (s: typeof s1) => s!.byWave.find((w) => w.id === "rest")!;
    expect([finance(s1).baseline, finance(s1).remaining, rest(s1).remaining]).toEqual([2, 2, 2]);
    expect([finance(s2).remaining, finance(s2).done]).toEqual([1, 0.5]); // b left of a and b
    expect([rest(s2).remaining, rest(s2).done]).toEqual([3, -0.5]); // e migrated; d and f come; c unseen, still counted
    expect([finance(s3).remaining, rest(s3).remaining]).toEqual([1, 3]);
    expect(rest(s3).done).toBeCloseTo(-0.5, 12);
  });

  it("measures waves against the plan's devices per wave when given", () => {
    const [s] = trackSnapshots([first], PLAN, new Map([["finance", 4], ["rest", 10]]));
    expect(s!.byWave.map((w) => [w.id, w.baseline, w.remaining, w.done])).toEqual([["finance", 4, 2, 0.5], ["rest", 10, 2, 0.8], ["unassigned", 0, 0, 1]]);
  });
});

describe("devices the option keeps, and the re-forecast's edge cases", () => {
  it("counts a device the option keeps on Kaspersky apart: never in the count, a wave or a list", () => {
    const ot = (kaspersky: boolean) => row("plc-1", kaspersky, { deviceType: "ot" });
    const notOt = (d: { deviceType: string }) => d.deviceType !== "ot";
    const [a, b] = trackSnapshots([snapshot("2027-02-01", [row("a", true), ot(true)]), snapshot("2027-03-01", [row("a", false), ot(true)])], PLAN, undefined, notOt);
    expect([a!.kasperskyDevices, a!.kept, b!.kasperskyDevices, b!.kept]).toEqual([1, 1, 0, 1]);
    expect(hosts(b!.migrated)).toEqual(["a"]);
  });

  it("judges a deadline already passed by the snapshots: met if one before it shows none left, missed if devices were left on both sides of it", () => {
    const deadline: Deadline = { id: "d", label: "Board", date: "2027-03-31", kind: "internal" };
    const at = (history: { date: string; remaining: number }[], left: number) =>
      reforecast({ plan: PLAN, waves: [{ id: "rest", label: "Everything else", baseline: 10, remaining: left }], migrated: 10 - left, history, from: "2027-04-15", deadlines: [deadline], trials: 500, seed: 1 }).deadlines[0]!;
    expect(at([{ date: "2027-01-04", remaining: 10 }, { date: "2027-03-15", remaining: 4 }, { date: "2027-04-15", remaining: 4 }], 4).outcome).toBe("missed");
    expect(at([{ date: "2027-01-04", remaining: 10 }, { date: "2027-03-15", remaining: 0 }, { date: "2027-04-15", remaining: 1 }], 1).outcome).toBe("met");
    // Nothing left on 2027-04-15 but 4 on 2027-03-15: the snapshots cannot say (never "met").
    const late = at([{ date: "2027-01-04", remaining: 10 }, { date: "2027-03-15", remaining: 4 }, { date: "2027-04-15", remaining: 0 }], 0);
    expect([late.outcome, late.probability]).toEqual(["unknown", 0]);
  });

  it("with no device left: done on the snapshot's date, every deadline ahead met, no capacity needed", () => {
    const done = reforecast({ plan: PLAN, waves: [{ id: "rest", label: "Everything else", baseline: 10, remaining: 0 }], migrated: 10, history: [{ date: PLAN.start, remaining: 10 }, { date: "2027-05-01", remaining: 0 }], from: "2027-05-01", deadlines: [{ id: "d", label: "Board", date: "2027-06-30", kind: "internal" }], trials: 500, seed: 1 });
    expect(done.completion).toEqual({ p50: "2027-05-01", p80: "2027-05-01" });
    expect(done.deadlines[0]!.probability).toBe(1);
    expect(done.capacityFor80).toBeNull();
  });
});

describe("the plan's band", () => {
  const report = { start: "2027-01-04", devices: 100, burnDown: [{ week: 1, date: "2027-01-11", p10: 80, p50: 90, p90: 100 }, { week: 2, date: "2027-01-18", p10: 40, p50: 60, p90: 80 }] };
  it("is every device at the start, linear between weeks, and the last week's after it", () => {
    expect(bandAt(report, "2027-01-01")).toEqual({ date: "2027-01-01", p10: 100, p50: 100, p90: 100 });
    expect(bandAt(report, "2027-01-14")).toEqual({ date: "2027-01-14", p10: 80 - (40 * 3) / 7, p50: 90 - (30 * 3) / 7, p90: 100 - (20 * 3) / 7 });
    expect(bandAt(report, "2027-03-01").p50).toBe(60);
  });
  it("says ahead below the fast end, behind above the slow end, else inside", () => {
    const band = bandAt(report, "2027-01-18");
    expect([standing(39, band), standing(40, band), standing(80, band), standing(81, band)]).toEqual(["ahead", "inside", "inside", "behind"]);
  });
});

describe("the re-forecast", () => {
  it("keeps the plan's capacity range without evidence, and moves toward the observed rate with it", () => {
    const none = capacityPosterior(PLAN, 0, 0);
    expect(none.posteriorMean).toBeCloseTo(none.priorMean, 9);
    // PERT(40, 80, 150): mean (40 + 4·80 + 150) / 6 = 85.
    expect(none.priorMean).toBeCloseTo(85, 0);
    expect(capacityPosterior(PLAN, 600, 10).posteriorMean).toBeCloseTo(60, -0.5); // 60 a week, well inside the range
    expect(capacityPosterior(PLAN, 0, 10).posteriorMean).toBeLessThan(45);
  });

  const deadlines: Deadline[] = [{ id: "board", label: "Board target", date: "2027-07-06", kind: "internal" }];
  const trials = 10_000;
  const original = timelineReport({ plan: PLAN, rows: FLEET, updatesStopped: "2024-09-29", rule: { usPerson: true, assumeFrozen: true }, deadlines, trials, seed: 7 });
  const from = "2027-03-29";
  const after = (left: number) => {
    const remaining = Math.round(left);
    return reforecast({ plan: PLAN, waves: [{ id: "finance", label: "Finance", baseline: 300, remaining: Math.max(0, remaining - 900) }, { id: "rest", label: "Everything else", baseline: 900, remaining: Math.min(900, remaining) }], migrated: 1200 - remaining, history: [{ date: PLAN.start, remaining: 1200 }, { date: from, remaining }], from, deadlines, trials, seed: 7 });
  };
  const onMedian = after(bandAt(original, from).p50);

  it("on the plan's median path, forecasts the plan's own median completion and chance of its median date", () => {
    // The deadline is the original's median completion (P about 0.5).
    expect(original.completion.p50).toBe("2027-07-06");
    expect(onMedian.started).toBe(true);
    expect(Math.abs(onMedian.capacity.posteriorMean - onMedian.capacity.priorMean)).toBeLessThan(5);
    const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
    expect(days(onMedian.completion.p50!, original.completion.p50!)).toBeLessThanOrEqual(7);
    expect(Math.abs(onMedian.deadlines[0]!.probability - original.deadlines[0]!.probability)).toBeLessThan(0.12);
  });

  it("with no progress, P(meet) falls and the capacity needed rises; with double the throughput, it rises", () => {
    const none = after(1200);
    const double = after(1200 - 2 * (1200 - bandAt(original, from).p50));
    expect(none.deadlines[0]!.probability).toBeLessThan(onMedian.deadlines[0]!.probability - 3 * onMedian.deadlines[0]!.standardError);
    expect(double.deadlines[0]!.probability).toBeGreaterThan(onMedian.deadlines[0]!.probability + 3 * onMedian.deadlines[0]!.standardError);
    expect(none.capacity.posteriorMean).toBeLessThan(onMedian.capacity.posteriorMean);
    expect(double.capacity.posteriorMean).toBeGreaterThan(onMedian.capacity.posteriorMean);
    expect(none.completion.p50! > onMedian.completion.p50!).toBe(true);
    expect(none.capacityFor80!.capacityPerWeek!).toBeGreaterThan(onMedian.capacityFor80!.capacityPerWeek!);
  });

  it("is seeded: the same request gives the same forecast, and every device gone means done", () => {
    expect(after(bandAt(original, from).p50)).toEqual(onMedian);
    expect(after(0).devicesLeft).toBe(0);
  });

  it("before the plan's migration starts, simulates the whole plan again with the devices there are", () => {
    const early = reforecast({ plan: PLAN, waves: [{ id: "finance", label: "Finance", baseline: 300, remaining: 300 }, { id: "rest", label: "Everything else", baseline: 900, remaining: 900 }], migrated: 0, history: [{ date: PLAN.start, remaining: 1200 }], from: "2027-01-10", deadlines, trials, seed: 7 });
    expect(early.started).toBe(false);
    expect(early.completion.p50).toBe(original.completion.p50);
    expect(early.deadlines[0]!.probability).toBeCloseTo(original.deadlines[0]!.probability, 10);
  });
});

describe("replacement software", () => {
  it("is seen in Defender's tokens, Configuration Manager's names and Linux packages, and never counted as the vendor's", async () => {
    const { readInput } = await import("../../support/ingest.js");
    const { combine } = await import("../../../src/lib/ingest/combine.js");
    const defender = readInput(
      "DeviceId,DeviceName,OSPlatform,SoftwareVendor,SoftwareName,SoftwareVersion\n" +
        "d1,fin-ws-1.corp.example.com,Windows11,crowdstrike,falcon_sensor,7.18\n" +
        "d2,lnx-1.corp.example.com,Linux,microsoft,defender_for_endpoint,101.2\n" +
        "d3,fin-ws-3.corp.example.com,Windows11,kaspersky,endpoint_security_for_windows,12.1\n" +
        "d4,fin-ws-4.corp.example.com,Windows11,crowdstrike_fans,falcon_wallpaper,1\n",
      { file: "tvm.csv" },
    );
    const mecm = readInput("Netbios_Name0,DisplayName0,Publisher0\nFIN-WS-5,CrowdStrike Windows Sensor,\"CrowdStrike, Inc.\"\n", { file: "arp.csv" });
    const inventory = combine([defender, mecm], "2027-03-01T00:00:00Z");
    const byHost = Object.fromEntries(inventory.devices.map((d) => [d.hostname, inventory.replacements[d.id] ?? []]));
    expect(byHost).toEqual({ "fin-ws-1": ["CrowdStrike Falcon sensor"], "lnx-1": ["Microsoft Defender for Endpoint"], "fin-ws-3": [], "fin-ws-4": [], "fin-ws-5": ["CrowdStrike Falcon sensor"] });
    expect(inventory.kaspersky.devices).toBe(1);
  });
});

describe("the snapshots' counts add up", () => {
  it("each count is the one before, less those migrated, plus those that came back and the new (missing ones carried as last seen)", async () => {
    const fc = (await import("fast-check")).default;
    // Up to 12 devices over up to 6 snapshots, each absent, clean or with Kaspersky.
    const states = fc.array(fc.array(fc.constantFrom(0, 1, 2), { minLength: 12, maxLength: 12 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(states, (rows) => {
        const snapshots = rows.map((devices, i) => snapshot(`2027-0${i + 1}-01`, devices.flatMap((st, d) => (st === 0 ? [] : [row(`h${d}`, st === 2)]))));
        const tracked = trackSnapshots(snapshots, PLAN);
        for (let i = 1; i < tracked.length; i++) {
          const [a, b] = [tracked[i - 1]!, tracked[i]!];
          expect(b.kasperskyDevices).toBe(a.kasperskyDevices - b.migrated.length + b.cameBack.length + b.new.length);
          expect(b.byWave.reduce((n, w) => n + w.remaining, 0)).toBe(b.kasperskyDevices);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the standing in words", () => {
  it("says ahead of or behind the plan outside the band, and which side of the median inside it", async () => {
    const { standingPhrase } = await import("../../../src/lib/progress/band.js");
    const band = { date: "2027-04-15", p10: 245, p50: 611, p90: 918 };
    expect([standingPhrase(200, band), standingPhrase(673, band), standingPhrase(500, band), standingPhrase(611, band), standingPhrase(950, band)]).toEqual([
      "ahead of the plan",
      "within the plan's range, behind its median",
      "within the plan's range, ahead of its median",
      "within the plan's range, on its median",
      "behind the plan",
    ]);
  });
});
