import { describe, expect, it } from "vitest";
import { deadlineState, probabilityText } from "../../../src/lib/model/deadline-state.js";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import { ALREADY_MISSED, outlookText, timelineReport, type DeadlineOutlook } from "../../../src/lib/model/timeline-report.js";
import { MEET_PROBABILITY } from "../../../src/lib/scenario/compare.js";
import type { Deadline, MigrationPlan } from "../../../src/lib/schema/index.js";

const contract: Deadline = { id: "contract", label: "Contract", date: "2027-01-15", kind: "contractual" };
/** An outlook from 10,000 trials: the standard error is √(p(1 − p)/10,000). */
const outlook = (probability: number, o: Partial<DeadlineOutlook> = {}): DeadlineOutlook => ({ deadline: contract, probability, standardError: Math.sqrt((probability * (1 - probability)) / 10_000), passed: false, ...o });

describe("deadlineState, worked by hand", () => {
  it("a deadline before the as-of date is already missed, whatever the plan", () => {
    const d = outlook(0, { passed: true, standardError: 0 });
    expect(deadlineState(d)).toEqual({ state: "already-missed", label: "already missed (before the as-of date)", probability: null });
    expect(deadlineState(d, { start: "2027-06-01" }).state).toBe("already-missed");
    expect(deadlineState(d, null).state).toBe("already-missed");
    expect(ALREADY_MISSED).toBe("already missed (before the as-of date)");
  });

  it("a plan that starts after the deadline misses it before it starts", () => {
    // Contract ends with 15 January 2027; the plan starts on 1 June 2027: 137 days too late.
    const d = outlook(0);
    expect(deadlineState(d, { start: "2027-06-01" })).toEqual({ state: "missed-before-start", label: "missed before the plan starts", probability: null });
    // The outlook may carry the mark itself (timelineReport sets it): no plan needed.
    expect(deadlineState({ ...d, beforeStart: true }).state).toBe("missed-before-start");
  });

  it("a deadline runs to the end of its day: dated the day before the start it is missed, dated the start day it is not", () => {
    // 2027-01-15 ends at 00:00 UTC on 2027-01-16: a plan starting that day has 0 days; one starting on the 15th has 1.
    expect(deadlineState(outlook(0), { start: "2027-01-16" }).state).toBe("missed-before-start");
    expect(deadlineState(outlook(0), { start: "2027-01-15" })).toEqual({ state: "at-risk", label: "at risk (P 0.0% ± 0.0%)", probability: "0.0% ± 0.0%" });
  });

  it("met from P = 80% (MEET_PROBABILITY) up; at risk below", () => {
    expect(MEET_PROBABILITY).toBe(0.8);
    // P 0.8 over 10,000 trials: SE √(0.16/10,000) = 0.4%.
    expect(deadlineState(outlook(0.8), { start: "2026-12-01" })).toEqual({ state: "met", label: "met (P 80.0%)", probability: "80.0% ± 0.4%" });
    // P 0.79: SE √(0.1659/10,000) = 0.41%.
    expect(deadlineState(outlook(0.79), { start: "2026-12-01" })).toEqual({ state: "at-risk", label: "at risk (P 79.0% ± 0.4%)", probability: "79.0% ± 0.4%" });
    // P 0.62: SE √(0.2356/10,000) = 0.49%.
    expect(outlookText(outlook(0.62))).toBe("at risk (P 62.0% ± 0.5%)");
    expect(outlookText(outlook(1, { standardError: 0 }))).toBe("met (P 100.0%)");
  });

  it("a standard error that rounds to nothing, but is not zero, reads 'under 0.1%'", () => {
    // P 0.999 over 20,000 trials: SE √(0.000999/20,000) = 0.022%.
    expect(probabilityText(0.999, Math.sqrt((0.999 * 0.001) / 20_000))).toBe("99.9% ± under 0.1%");
    expect(probabilityText(1, 0)).toBe("100.0% ± 0.0%");
  });

  it("with no migration plan (plan: null) a deadline still ahead is missed; with nothing to remove it is met", () => {
    expect(deadlineState(outlook(0, { standardError: 0 }), null)).toEqual({ state: "no-plan", label: "missed: no migration plan", probability: null });
    expect(deadlineState(outlook(1, { standardError: 0 }), null).state).toBe("met");
  });

  it("a plan starting after the deadline with nothing to migrate meets it (the evaluation sets P = 1)", () => {
    expect(deadlineState(outlook(1, { standardError: 0, beforeStart: true })).state).toBe("met");
  });

  it("outlookText is the state's label", () => {
    for (const d of [outlook(0, { passed: true }), outlook(0, { beforeStart: true }), outlook(0.9), outlook(0.5)]) expect(outlookText(d)).toBe(deadlineState(d).label);
    expect(outlookText(outlook(0), null)).toBe("missed: no migration plan");
  });
});

describe("timelineReport marks a deadline at or before the plan's start", () => {
  const row = (id: string): FleetRow => ({ deviceId: id, hostname: id, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows", deviceType: "workstation", criticality: 3, internetFacing: false, dataSensitivity: "internal", coveredProducts: ["kes-windows"], signatureDate: "2024-09-27", coveredProtection: true });
  const point = (x: number) => ({ low: x, likely: x, high: x });
  const plan: MigrationPlan = {
    start: "2027-06-01",
    procurementDays: point(14),
    preparationDays: point(7),
    pilotDays: point(7),
    pilotDevices: 1,
    waves: [],
    capacityPerWeek: point(50),
    learningWeeks: 0,
    stragglerShare: point(0),
    stragglerDays: point(0),
    decommissionDays: point(0),
    slippage: point(1),
    freezes: [],
  };
  // 10 devices: procurement, preparation and pilot take 28 days, then 9 devices at 50 a week: done on day 29.26 (30 June 2027).
  const r = timelineReport({ plan, rows: Array.from({ length: 10 }, (_, i) => row(`d${i}`)), updatesStopped: "2024-09-29", rule: { usPerson: true, assumeFrozen: true }, asOf: "2026-11-25", deadlines: [contract, { id: "late", label: "Late", date: "2027-07-31", kind: "internal" }, { id: "tight", label: "Tight", date: "2027-06-15", kind: "internal" }], trials: 100, seed: 1 });

  it("before the start: missed before the plan starts, not already missed (it was still ahead on the as-of date)", () => {
    const [before, late, tight] = r.deadlines;
    expect(before).toMatchObject({ passed: false, beforeStart: true, probability: 0 });
    expect(deadlineState(before!).state).toBe("missed-before-start");
    expect(late).toMatchObject({ passed: false, beforeStart: false, probability: 1 });
    expect(deadlineState(late!)).toEqual({ state: "met", label: "met (P 100.0%)", probability: "100.0% ± 0.0%" });
    expect(tight).toMatchObject({ passed: false, beforeStart: false, probability: 0 });
    expect(deadlineState(tight!).label).toBe("at risk (P 0.0% ± 0.0%)");
  });
});
