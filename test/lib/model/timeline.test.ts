import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import type { FrozenRule } from "../../../src/lib/model/frozen.js";
import { schedule, waveRemaining, wavesFor, type ScheduleValues, type WaveDevices } from "../../../src/lib/model/schedule.js";
import { capacityFor, timelineReport } from "../../../src/lib/model/timeline-report.js";
import type { MigrationPlan } from "../../../src/lib/schema/index.js";

const options = { pilotDevices: 10, learningWeeks: 0, freezes: [] as [number, number][], horizonWeeks: 12 };
const waves: WaveDevices[] = [
  { id: "a", label: "A", devices: 100, frozen: 100 },
  { id: "b", label: "B", devices: 200, frozen: 0 },
];
const values: ScheduleValues = { procurementDays: 14, preparationDays: 7, pilotDays: 7, capacityPerWeek: 50, stragglerShare: 0.1, stragglerDays: 14, decommissionDays: 7, slippage: 1 };

describe("schedule, worked by hand", () => {
  // Stragglers 10%: flows A 90, B 180; the pilot takes 10 of A. Waves start on day 28 at 50 a week:
  // A's 80 are done 1.6 weeks in (day 39.2), B's 180 by 5.2 weeks (day 64.4); stragglers (30) by day 78.4.
  const s = schedule(waves, values, options);
  it("dates each phase and wave", () => {
    expect(s.phases.map((p) => [p.id, p.start, p.end])).toEqual([
      ["procurement", 0, 14],
      ["preparation", 14, 21],
      ["pilot", 21, 28],
      ["waves", 28, expect.closeTo(64.4, 9)],
      ["stragglers", expect.closeTo(64.4, 9), expect.closeTo(78.4, 9)],
      ["decommission", expect.closeTo(78.4, 9), expect.closeTo(85.4, 9)],
    ]);
    expect(s.waveEnds[0]).toBeCloseTo(39.2, 9);
    expect(s.allMigrated).toBeCloseTo(78.4, 9);
  });
  it("burns down week by week", () => {
    // Day 28: pilot's 10 done; then 50 a week; day 70: 270 + 30 × 5.6/14 = 282 done.
    expect(Array.from(s.remainingByWeek).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([300, 300, 300, 290, 240, 190, 140, 90, 40, 18, 3, 0]);
  });
  it("counts frozen device-days as the area under the burn-down times the frozen share", () => {
    // Area: 300×21 + 295×7 + 160×36.4 + 15×14 = 14,399 device-days; a third of the devices are frozen.
    expect(s.frozenDeviceDays).toBeCloseTo(14_399 / 3, 6);
  });
  it("does no migration work during a freeze, and half as much in the first weeks of the learning curve", () => {
    const frozen = schedule(waves, values, { ...options, freezes: [[28, 42]] });
    expect(frozen.allMigrated).toBeCloseTo(78.4 + 14, 9);
    const learning = schedule(waves, values, { ...options, learningWeeks: 2 });
    expect(learning.allMigrated).toBeGreaterThan(s.allMigrated);
  });
  it("never finishes with no capacity", () => {
    expect(schedule(waves, { ...values, capacityPerWeek: 0 }, options).allMigrated).toBe(Infinity);
  });
  it("stretches every phase by the slippage, the waves included (it divides the weekly capacity)", () => {
    // Slippage 2: phases end on days 28, 42, 56; the waves run at 25 a week, so A's 80 take 3.2 weeks
    // (day 78.4) and B's 180 another 7.2 (day 128.8); stragglers by day 156.8: the whole schedule doubles.
    const slow = schedule(waves, { ...values, slippage: 2 }, { ...options, horizonWeeks: 30 });
    expect(slow.phases.map((p) => [p.id, p.end])).toEqual([
      ["procurement", 28],
      ["preparation", 42],
      ["pilot", 56],
      ["waves", expect.closeTo(128.8, 9)],
      ["stragglers", expect.closeTo(156.8, 9)],
      ["decommission", expect.closeTo(170.8, 9)],
    ]);
    expect(slow.waveEnds[0]).toBeCloseTo(78.4, 9);
    expect(slow.allMigrated).toBeCloseTo(2 * s.allMigrated, 9);
    expect(slow.frozenDeviceDays).toBeCloseTo(2 * s.frozenDeviceDays, 6);
  });
});

describe("schedule: more capacity never finishes later", () => {
  it("holds for any plan (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }),
        fc.record({ capacity: fc.double({ min: 1, max: 500, noNaN: true }), factor: fc.double({ min: 1, max: 4, noNaN: true }), share: fc.double({ min: 0, max: 0.5, noNaN: true }), learning: fc.integer({ min: 0, max: 8 }), pilot: fc.integer({ min: 0, max: 100 }) }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 30 })), { maxLength: 3 }),
        (sizes, p, freezeList) => {
          const w = sizes.map((devices, i) => ({ id: `w${i}`, label: `W${i}`, devices, frozen: devices }));
          const freezes = freezeList.map(([from, length]) => [from, from + length] as [number, number]);
          const o = { pilotDevices: p.pilot, learningWeeks: p.learning, freezes, horizonWeeks: 60 };
          const v = { ...values, capacityPerWeek: p.capacity, stragglerShare: p.share };
          const slow = schedule(w, v, o);
          const fast = schedule(w, { ...v, capacityPerWeek: p.capacity * p.factor }, o);
          expect(fast.allMigrated).toBeLessThanOrEqual(slow.allMigrated + 1e-9);
          fast.waveEnds.forEach((end, i) => expect(end).toBeLessThanOrEqual(slow.waveEnds[i]! + 1e-9));
          fast.remainingByWeek.forEach((r, j) => expect(r).toBeLessThanOrEqual(slow.remainingByWeek[j]! + 1e-6));
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});

const row = (id: string, o: Partial<FleetRow> = {}): FleetRow => ({ deviceId: id, hostname: id, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows", deviceType: "workstation", criticality: 3, internetFacing: false, dataSensitivity: "internal", coveredProducts: ["kes-windows"], signatureDate: "2024-09-27", coveredProtection: true, ...o });
const rows = [...Array.from({ length: 70 }, (_, i) => row(`w${i}`)), ...Array.from({ length: 30 }, (_, i) => row(`s${i}`, { deviceType: "server", criticality: 1 })), row("clean", { coveredProducts: [] })];
const point = (x: number) => ({ low: x, likely: x, high: x });
// Every device here has a signature date, so the rule for undated ones changes nothing.
const rule: FrozenRule = { usPerson: true, assumeFrozen: true };
const plan: MigrationPlan = {
  start: "2027-01-04",
  procurementDays: point(14),
  preparationDays: point(7),
  pilotDays: point(7),
  pilotDevices: 10,
  waves: [{ id: "critical", label: "Tier 1", match: { criticality: [1] } }],
  capacityPerWeek: point(50),
  learningWeeks: 0,
  stragglerShare: point(0.1),
  stragglerDays: point(14),
  decommissionDays: point(7),
  slippage: point(1),
  freezes: [],
};

describe("timelineReport", () => {
  it("puts Kaspersky devices in the first wave that matches, and the rest in a last wave", () => {
    expect(wavesFor(plan, rows, "2024-09-29", rule).map((w) => [w.id, w.devices])).toEqual([["critical", 30], ["unassigned", 70]]);
  });

  it("counts a wave's frozen devices by signature date, and undated ones by the rule", () => {
    const mixed = [row("old"), row("new", { signatureDate: "2026-11-20" }), row("undated", { signatureDate: null }), row("agent", { signatureDate: null, coveredProtection: false, coveredProducts: ["network-agent"] })];
    expect(wavesFor(plan, mixed, "2024-09-29", rule).map((w) => [w.id, w.devices, w.frozen])).toEqual([["critical", 0, 0], ["unassigned", 4, 2]]);
    expect(wavesFor(plan, mixed, "2024-09-29", { usPerson: false, assumeFrozen: false }).map((w) => [w.id, w.devices, w.frozen])).toEqual([["critical", 0, 0], ["unassigned", 4, 1]]);
  });

  it("with point estimates reproduces the deterministic schedule exactly", () => {
    const r = timelineReport({ plan, rows, updatesStopped: "2024-09-29", rule, deadlines: [], trials: 200, seed: 1 });
    const s = schedule(wavesFor(plan, rows, "2024-09-29", rule), { procurementDays: 14, preparationDays: 7, pilotDays: 7, capacityPerWeek: 50, stragglerShare: 0.1, stragglerDays: 14, decommissionDays: 7, slippage: 1 }, { ...options, horizonWeeks: 104 });
    // 100 devices: flows 27 + 63 less the pilot's 10 = 80 at 50 a week from day 28: day 39.2; stragglers 10 by day 53.2.
    expect(s.allMigrated).toBeCloseTo(53.2, 9);
    expect(r.completion).toEqual({ p10: "2027-02-26", p50: "2027-02-26", p80: "2027-02-26", p90: "2027-02-26" });
    expect(r.burnDown.map((b) => b.p50).slice(0, 9)).toEqual(Array.from(s.remainingByWeek.slice(0, 9)));
  });

  it("gives the probability of meeting a deadline that a hand calculation gives", () => {
    // Only procurement is uncertain: T ~ triangular(0, 0, 70); everything else is instant. The last
    // device is off Kaspersky a moment after T, so P(met by day 36) = 1 − (1 − 36/70)² = 0.764082.
    const instant = { ...plan, procurementDays: { low: 0, likely: 0, high: 70, shape: "triangular" as const }, preparationDays: point(0), pilotDays: point(0), pilotDevices: 0, capacityPerWeek: point(1e9), stragglerShare: point(0), stragglerDays: point(0), decommissionDays: point(0) };
    const r = timelineReport({ plan: instant, rows, updatesStopped: "2024-09-29", rule, deadlines: [{ id: "d", label: "D", date: "2027-02-08", kind: "internal" }, { id: "old", label: "Old", date: "2026-12-01", kind: "regulatory" }], trials: 20_000, seed: 7 });
    const d = r.deadlines[0]!;
    expect(Math.abs(d.probability - 0.764082)).toBeLessThan(5 * d.standardError);
    expect(r.deadlines[1]).toMatchObject({ passed: true, probability: 0 });
  });

  it("finds the capacity a deadline needs: the hand answer when nothing else is uncertain", () => {
    // Waves start on day 28 and 80 devices must pass; stragglers take 14 days. To be done by the end
    // of day 63 (2027-03-08) the waves must end by day 49: 80 devices in 3 weeks = 26.67 a week.
    const needed = capacityFor({ plan, rows, updatesStopped: "2024-09-29", rule, deadlines: [], trials: 200, seed: 1 }, "2027-03-07", 0.9);
    expect(needed).toBeGreaterThan(26.67 * 0.99);
    expect(needed).toBeLessThan(26.67 * 1.02);
    expect(capacityFor({ plan, rows, updatesStopped: "2024-09-29", rule, deadlines: [], trials: 200, seed: 1 }, "2027-01-20", 0.9)).toBeNull();
  });

  it("hands the loss model each wave's share still on Kaspersky: waves in order, stragglers last", () => {
    // Devices migrated linearly, 200 over days 0–10: 100 off by day 5, 200 by day 10. With 10% stragglers the
    // waves' flow is 90 (A, 100 devices) and 180 (B, 200). Day 5: A's flow is done and its 10 stragglers
    // remain (0.1); B has 10 off (190/200 = 0.95). Day 10: B has 110 off (90/200 = 0.45); no straggler yet.
    const ws = { days: Float64Array.of(0, 10), migrated: Float64Array.of(0, 200), points: 2 };
    const out = new Float64Array(4);
    waveRemaining(ws, waves, 0.1, Float64Array.of(5, 10), out);
    [0.1, 0.1, 0.95, 0.45].forEach((expected, i) => expect(out[i]).toBeCloseTo(expected, 12));
  });
});
