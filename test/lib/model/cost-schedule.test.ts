import { describe, expect, it } from "vitest";
import { costBreakdown, DAYS_PER_MONTH, type CostValues, type TrialSchedule } from "../../../src/lib/model/cost.js";
import { planFor } from "../../../src/lib/model/cost-plan.js";
import { costReport, COST_ASSUMPTIONS, EFFORT_ASSUMPTIONS, medianSchedule, scheduleAt, type CostSchedule } from "../../../src/lib/model/cost-report.js";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import type { Assumption, PriceBook, ReplacementOption } from "../../../src/lib/schema/index.js";

/**
 * The plan drives cost: each rule of the model worked by hand on fleets of two to five devices.
 * The values below make the arithmetic short: one product at $120 a device-year ($10 a seat a
 * month), no discounts, no escalation, 1 hour of device work each (a server 2), 10 project
 * hours at $100, support at $50, 10 dual-run hours a month, $3 of compensating controls per
 * frozen device-month, 7 devices per technician-week, half an hour per leftover agent.
 */
const row = (id: string, o: Partial<FleetRow> = {}): FleetRow => ({ deviceId: id, hostname: id, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows", deviceType: "workstation", criticality: 3, internetFacing: false, dataSensitivity: "internal", coveredProducts: ["kes-windows"], signatureDate: null, coveredProtection: true, ...o });
const agentOnly = (id: string) => row(id, { coveredProducts: ["network-agent"], coveredProtection: false });

const book: PriceBook = {
  currency: "USD",
  products: [{ id: "edr", vendor: "V", name: "EDR", deviceTypes: ["workstation", "server"], osFamilies: ["windows"], unit: "device-year", price: { kind: "point", value: 120 }, priceDate: "2024-11-01", confidence: "assumption", sources: [] }],
};
const everywhere: ReplacementOption = { id: "edr", name: "EDR everywhere", description: "", rules: [{ match: {}, product: "edr" }] };
const keepServers: ReplacementOption = { id: "ws", name: "EDR on workstations, servers kept", description: "", rules: [{ match: { deviceType: ["server"] }, product: "keep" }, { match: {}, product: "edr" }] };
const keepAll: ReplacementOption = { id: "keep", name: "Keep", description: "", rules: [{ match: {}, product: "keep" }] };

const V: CostValues = {
  prices: { edr: 120 }, streetDiscount: 0, annualEscalator: 0, projectHours: 10, automatedHours: 1, exceptionRate: 0, manualHours: 0, encryptedShare: 0, encryptedExtraHours: 0, protectedShare: 0, protectedExtraHours: 0,
  effort: { workstation: 1, server: 2, vdi: 1, mobile: 1, ot: 1, appliance: 1 }, ticketRate: 0, ticketCost: 0, rateSysadmin: 100, rateSupport: 50, rateEndUser: 0, servicesPerDevice: 0, downtimeMinutes: 0, training: 0,
  dualRunHoursPerMonth: 10, migrationMonths: 2, prepaidMonths: 6, kasperskyPricePerSeatYear: 24, costGrowth: 1, discountRate: 0, compensatingPerDeviceMonth: 3, devicesPerTechWeek: 7, cleanupHours: 0.5,
};
const H = 12;
const plan = (startMonth: number, migrationMonths: number, capacityPerWeek = 0, frozenDeviceDays = 0): TrialSchedule => ({ startMonth, migrationMonths, capacityPerWeek, frozenDeviceDays });

const three = [row("a"), row("b"), row("c")];
const withServer = [...three, row("s", { deviceType: "server" })];

describe("(a) both consoles and the spreading of work follow the trial's migration months", () => {
  it("without a plan, migration_months (2) is the fallback: 2 × 10 h × $100 = $2,000; labour $1,150 in months 0 and 1", () => {
    const c = costBreakdown(planFor(everywhere, three, book), V, H);
    expect(c.components.dualRunning).toBeCloseTo(2000, 9);
    // labour: 10 h × $100 + 3 devices × 1 h × $50 = $1,150, half in each month
    expect(Array.from(c.monthly.labour.slice(0, 3))).toEqual([575, 575, 0]);
  });
  it("3 months in the plan: 3 × $1,000 = $3,000, whatever migration_months says", () => {
    const c = costBreakdown(planFor(everywhere, three, book), V, H, plan(0, 3));
    expect(c.components.dualRunning).toBeCloseTo(3000, 9);
    expect(Array.from(c.monthly.dualRunning.slice(0, 4))).toEqual([1000, 1000, 1000, 0]);
    expect(c.monthly.labour[2]).toBeCloseTo(1150 / 3, 9);
  });
  it("2.5 months: the last month is half a month: $1,000 + $1,000 + $500; labour 40/40/20% = $460, $460, $230", () => {
    const c = costBreakdown(planFor(everywhere, three, book), V, H, plan(0, 2.5));
    expect(c.components.dualRunning).toBeCloseTo(2500, 9);
    expect(Array.from(c.monthly.dualRunning.slice(0, 3))).toEqual([1000, 1000, 500]);
    expect(c.monthly.labour[0]).toBeCloseTo(460, 9);
    expect(c.monthly.labour[2]).toBeCloseTo(230, 9);
    expect(c.components.labour).toBeCloseTo(1150, 9);
  });
  it("starts at the plan's start and stops at the horizon: start 10, 5 months, horizon 12 → months 10 and 11 only, all the work inside", () => {
    const c = costBreakdown(planFor(everywhere, three, book), V, H, plan(10, 5));
    expect(c.components.dualRunning).toBeCloseTo(2000, 9);
    expect(c.monthly.dualRunning[9]).toBe(0);
    expect(c.monthly.labour[10]).toBeCloseTo(575, 9);
    expect(c.components.labour).toBeCloseTo(1150, 9);
  });
  it("a plan that never finishes runs both consoles to the horizon: 12 × $1,000", () => {
    expect(costBreakdown(planFor(everywhere, three, book), V, H, plan(0, Infinity)).components.dualRunning).toBeCloseTo(12000, 9);
  });
});

describe("(b) new licences start at the plan's start", () => {
  // 3 seats × $120 / 12 = $30 a month
  it("start 0: 12 × $30 = $360; start 4: 8 × $30 = $240, nothing in months 0–3", () => {
    expect(costBreakdown(planFor(everywhere, three, book), V, H, plan(0, 1)).components.licences).toBeCloseTo(360, 9);
    const late = costBreakdown(planFor(everywhere, three, book), V, H, plan(4, 1));
    expect(late.components.licences).toBeCloseTo(240, 9);
    expect(late.monthly.licences[3]).toBe(0);
    expect(late.monthly.licences[4]).toBe(30);
  });
  it("and is discounted more: at 10% a year, Σ_{m=4..11} 30 × 1.1^(−m/12) = $226.16 against $344.74 from month 0", () => {
    const v = { ...V, discountRate: 0.1 };
    expect(costBreakdown(planFor(everywhere, three, book), v, H, plan(4, 1)).components.licences).toBeCloseTo(226.1584, 3);
    expect(costBreakdown(planFor(everywhere, three, book), v, H, plan(0, 1)).components.licences).toBeCloseTo(344.7419, 3);
  });
  it("escalates by contract year from the start: 24 months, start 4, +10% a year → 12 × $30 + 8 × $33 = $624", () => {
    expect(costBreakdown(planFor(everywhere, three, book), { ...V, annualEscalator: 0.1 }, 24, plan(4, 1)).components.licences).toBeCloseTo(624, 9);
  });
});

describe("(c) the team a plan's capacity needs has a price", () => {
  // 2 months = 2 × 30.4375 / 7 = 8.6964 weeks. Device work: 3 devices × 1 h = 3 h.
  const weeks = (2 * DAYS_PER_MONTH) / 7;
  it("3.5 devices a week / 7 per technician = 0.5 technician × 40 h × 8.6964 weeks = 173.93 h; beyond the 3 h of device work: 170.93 h × $50 = $8,546.43", () => {
    const c = costBreakdown(planFor(everywhere, three, book), V, H, plan(0, 2, 3.5));
    expect(0.5 * 40 * weeks).toBeCloseTo(173.92857, 5);
    expect(c.components.team).toBeCloseTo(8546.4286, 3);
    expect(c.components.labour).toBeCloseTo(1150, 9);
    // licences 360 + both consoles 2,000 + labour 1,150 + team 8,546.43
    expect(c.total).toBeCloseTo(12056.4286, 3);
  });
  it("twice the capacity, one technician: (347.86 − 3) h × $50 = $17,242.86; more capacity never costs less", () => {
    expect(costBreakdown(planFor(everywhere, three, book), V, H, plan(0, 2, 7)).components.team).toBeCloseTo(17242.8571, 3);
  });
  it("a team smaller than the work (0.05 a week: 2.48 h < 3 h) adds nothing: the device work is paid either way", () => {
    const c = costBreakdown(planFor(everywhere, three, book), V, H, plan(0, 2, 0.05));
    expect(c.components.team).toBe(0);
    expect(c.total).toBeCloseTo(360 + 2000 + 1150, 9);
  });
  it("the team does the cleanup too: with one leftover agent, (173.93 − 3 − 0.5) h × $50 = $8,521.43", () => {
    expect(costBreakdown(planFor(everywhere, [...three, agentOnly("x")], book), V, H, plan(0, 2, 3.5)).components.team).toBeCloseTo(8521.4286, 3);
  });
  it("cost growth applies to the team's time: 20% of (2,000 + 1,150 + 8,546.43) = $2,339.29 of contingency", () => {
    expect(costBreakdown(planFor(everywhere, three, book), { ...V, costGrowth: 1.2 }, H, plan(0, 2, 3.5)).components.contingency).toBeCloseTo(2339.2857, 3);
  });
});

describe("(d) waiting carries the cost of compensating controls on frozen Kaspersky", () => {
  // keepServers on 3 workstations + 1 server: 3 devices replaced, 1 kept (frozen protection).
  const p = planFor(keepServers, withServer, book);
  it("without a plan, only the kept server: 1 × 12 months × $3 = $36", () => {
    expect(p).toMatchObject({ migratedTotal: 3, kept: 1, keptFrozen: 1 });
    expect(costBreakdown(p, V, H).components.compensatingControls).toBeCloseTo(36, 9);
  });
  it("6 device-months of waiting (182.625 device-days) on the 3 replaced: months 0 and 1 carry 3 each, 6 × $3 = $18, plus $36 = $54", () => {
    const c = costBreakdown(p, V, H, plan(0, 2, 0, 6 * DAYS_PER_MONTH));
    expect(c.components.compensatingControls).toBeCloseTo(54, 9);
    // month 0: (3 + 1) × $3 = $12; month 1: $12; months 2–11: the kept server, $3 each
    expect(Array.from(c.monthly.compensatingControls.slice(0, 3))).toEqual([12, 12, 3]);
  });
  it("5 device-months: 3 then 2, 5 × $3 = $15, plus $36 = $51", () => {
    expect(costBreakdown(p, V, H, plan(0, 2, 0, 5 * DAYS_PER_MONTH)).components.compensatingControls).toBeCloseTo(51, 9);
  });
  it("never migrated (Infinity): capped at 3 devices × 12 months = 36 device-months, $108, plus $36 = $144", () => {
    expect(costBreakdown(p, V, H, plan(0, Infinity, 0, Infinity)).components.compensatingControls).toBeCloseTo(144, 9);
  });
  it('"Keep Kaspersky" is no longer free: 4 frozen devices × 12 × $3 = $144, its only cost; a kept leftover agent is not frozen protection', () => {
    const kept = costBreakdown(planFor(keepAll, withServer, book), V, H, plan(0, 2, 0, 1000));
    expect(kept.total).toBeCloseTo(144, 9);
    expect(kept.components.compensatingControls).toBe(kept.total);
    expect(costBreakdown(planFor(keepAll, [row("a"), agentOnly("x")], book), V, H).total).toBeCloseTo(36, 9);
  });
});

describe("(e) sunk prepaid Kaspersky licences are reported once, in no option's total", () => {
  const point = (id: string, value: number): Assumption => ({ id, label: id, unit: "x", value: { kind: "point", value }, confidence: "assumption", sources: [] });
  const scalar = V as unknown as Record<string, number>;
  const assumptions = new Map<string, Assumption>([
    ...Object.entries(COST_ASSUMPTIONS).map(([key, id]) => [id, point(id, scalar[key]!)] as const),
    ...Object.entries(EFFORT_ASSUMPTIONS).map(([type, id]) => [id, point(id, V.effort[type as keyof typeof V.effort])] as const),
  ]);
  // 3 workstations + 1 server (protection), 1 leftover agent, 1 device without Kaspersky.
  const fleet = [...withServer, agentOnly("x"), row("clean", { coveredProducts: [], coveredProtection: false })];
  it("4 protection seats × $24 × 6 months / 12 = $48, the same for every option; the totals leave it out", () => {
    const report = costReport({ rows: fleet, options: [everywhere, keepAll], book, assumptions, horizonMonths: H, trials: 50, seed: 9 });
    expect(report.sunkPrepaid.mean).toBeCloseTo(48, 9);
    expect(report.sunkPrepaid.sd).toBe(0);
    expect(report.sunkPrepaidAtLikely).toBeCloseTo(48, 9);
    expect(report.sunkPrepaidNote).toMatch(/whatever is chosen/);
    // EDR everywhere: licences 4 × $10 × 12 = $480; labour $1,000 + (3 + 2) h × $50 = $1,250;
    // cleanup 0.5 h × $50 = $25; both consoles $2,000: $3,755. Keep: 4 × 12 × $3 = $144.
    expect(report.options[0]!.total.mean).toBeCloseTo(3755, 9);
    expect(report.options[1]!.total.mean).toBeCloseTo(144, 9);
    expect(report.options[0]).toMatchObject({ migratedDevices: 5, cleanupDevices: 1, keptDevices: 0 });
    expect(report.options[1]).toMatchObject({ migratedDevices: 0, keptDevices: 5 });
  });
});

describe("(f) a device with only a leftover Kaspersky agent is a cleanup", () => {
  it("no seat, no dual running, 0.5 h × $50: 2 workstations + 1 agent-only → $240 + $1,100 + $25 + $2,000 = $3,365", () => {
    const p = planFor(everywhere, [row("a"), row("b"), agentOnly("x")], book);
    expect(p).toMatchObject({ migratedTotal: 2, cleanup: 1, kept: 0 });
    expect(p.seats.map((s) => [s.product.id, s.seats])).toEqual([["edr", 2]]);
    const c = costBreakdown(p, V, H);
    expect(c.components.licences).toBeCloseTo(240, 9);
    expect(c.components.labour).toBeCloseTo(1100, 9);
    expect(c.components.cleanup).toBeCloseTo(25, 9);
    expect(c.total).toBeCloseTo(3365, 9);
  });
  it("a fleet of leftover agents only: 2 × 0.5 h × $50 = $50, no licences, project, consoles or waiting", () => {
    const c = costBreakdown(planFor(everywhere, [agentOnly("x"), agentOnly("y")], book), V, H, plan(0, 2, 0, 1000));
    expect(c.total).toBeCloseTo(50, 9);
    expect(c.components.cleanup).toBe(c.total);
  });
});

describe("with every range collapsed, the simulation equals the closed form trial by trial, schedule included", () => {
  const point = (id: string, value: number): Assumption => ({ id, label: id, unit: "x", value: { kind: "point", value }, confidence: "assumption", sources: [] });
  const scalar: Record<string, number> = { ...(V as unknown as Record<string, number>), discountRate: 0.08, annualEscalator: 0.05, costGrowth: 1.3 };
  const assumptions = new Map<string, Assumption>([
    ...Object.entries(COST_ASSUMPTIONS).map(([key, id]) => [id, point(id, scalar[key]!)] as const),
    ...Object.entries(EFFORT_ASSUMPTIONS).map(([type, id]) => [id, point(id, V.effort[type as keyof typeof V.effort])] as const),
  ]);
  const values: CostValues = { ...V, discountRate: 0.08, annualEscalator: 0.05, costGrowth: 1.3 };
  const fleet = [...withServer, agentOnly("x")];
  const n = 64;
  const schedule: CostSchedule = {
    startMonth: 3,
    migrationMonths: Float64Array.from({ length: n }, (_, t) => (t === 5 ? Infinity : 0.5 + (t % 13) * 1.7)),
    capacityPerWeek: Float64Array.from({ length: n }, (_, t) => 1 + (t % 7)),
    frozenDeviceDays: Float64Array.from({ length: n }, (_, t) => (t === 5 ? Infinity : 100 * t)),
  };
  it("every trial's total is costBreakdown with that trial's schedule", () => {
    const options = [everywhere, keepServers, keepAll];
    const report = costReport({ rows: fleet, options, book, assumptions, horizonMonths: 24, trials: n, seed: 4, schedule, keepDraws: true });
    expect(report.scheduled).toBe(true);
    options.forEach((o, i) => {
      const p = planFor(o, fleet, book);
      const expected = Float64Array.from({ length: n }, (_, t) => costBreakdown(p, values, 24, scheduleAt(schedule, t)).total);
      expect(report.draws![i]).toEqual(expected);
      expect(report.options[i]!.total.mean).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / n, 6);
    });
  });
  it("refuses a schedule shorter than the trials", () => {
    expect(() => costReport({ rows: fleet, options: [everywhere], book, assumptions, horizonMonths: 24, trials: n + 1, seed: 4, schedule })).toThrow(/needs 65/);
  });
  it("refuses a schedule with a value that is not a number from 0 (months and device-days may be Infinity, a capacity may not)", () => {
    const bad = (name: keyof Omit<CostSchedule, "startMonth">, x: number) => ({ ...schedule, [name]: Float64Array.from(schedule[name], (v, t) => (t === 7 ? x : v)) });
    const run = (s: CostSchedule) => () => costReport({ rows: fleet, options: [everywhere], book, assumptions, horizonMonths: 24, trials: n, seed: 4, schedule: s });
    expect(run(bad("migrationMonths", Number.NaN))).toThrow(/migrationMonths in trial 7/);
    expect(run(bad("frozenDeviceDays", -1))).toThrow(/frozenDeviceDays in trial 7/);
    expect(run(bad("capacityPerWeek", Infinity))).toThrow(/capacityPerWeek in trial 7/);
    expect(run({ ...schedule, startMonth: 1.5 })).toThrow(/whole number/);
  });
  it("prices the most likely values on the median schedule, a \"never\" staying never", () => {
    const report = costReport({ rows: fleet, options: [everywhere], book, assumptions, horizonMonths: 24, trials: n, seed: 4, schedule });
    expect(report.options[0]!.totalAtLikely).toBe(costBreakdown(planFor(everywhere, fleet, book), values, 24, medianSchedule(schedule, n)).total);
    const never = { ...schedule, migrationMonths: new Float64Array(n).fill(Infinity) };
    expect(medianSchedule(never, n).migrationMonths).toBe(Infinity);
    // 64 trials: the upper median is the 33rd smallest.
    expect(medianSchedule(schedule, n).capacityPerWeek).toBe(Float64Array.from(schedule.capacityPerWeek).sort()[32]);
  });
});
