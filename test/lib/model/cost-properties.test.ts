import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { quantileFunction } from "../../../src/lib/engine/quantile.js";
import { streamKey, uniformAt } from "../../../src/lib/engine/streams.js";
import { costBreakdown, type CostValues, type TrialSchedule } from "../../../src/lib/model/cost.js";
import { planFor } from "../../../src/lib/model/cost-plan.js";
import { costReport, costStream, type CostRequest, type CostSchedule } from "../../../src/lib/model/cost-report.js";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import { assumptionIndex, toDistribution } from "../../../src/lib/model/parameters.js";
import type { Assumption, PriceBook, PriceBookProduct, ReplacementOption } from "../../../src/lib/schema/index.js";

/** Properties of the cost simulation with common random numbers, on the shipped default assumptions. */
const defaults = (JSON.parse(readFileSync(new URL("../../../data/assumptions.json", import.meta.url), "utf8")) as { assumptions: Assumption[] }).assumptions;

const row = (id: string, o: Partial<FleetRow> = {}): FleetRow => ({ deviceId: id, hostname: id, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows", deviceType: "workstation", criticality: 3, internetFacing: false, dataSensitivity: "internal", coveredProducts: ["kes-windows"], signatureDate: null, coveredProtection: true, ...o });
const rows = [row("a"), row("b"), row("c"), row("s", { deviceType: "server" }), row("x", { coveredProducts: ["network-agent"], coveredProtection: false })];
const product = (id: string, low: number, likely: number, high: number): PriceBookProduct => ({ id, vendor: "V", name: id, deviceTypes: ["workstation", "server"], osFamilies: ["windows"], unit: "device-year", price: { kind: "range", low, likely, high }, priceDate: "2024-11-01", confidence: "assumption", sources: [] });
const book: PriceBook = { currency: "USD", products: [product("edr", 60, 100, 180), product("other", 30, 50, 90)] };
const edr: ReplacementOption = { id: "edr", name: "EDR", description: "", rules: [{ match: { deviceType: ["server"] }, product: "keep" }, { match: {}, product: "edr" }] };
const other: ReplacementOption = { id: "other", name: "Other", description: "", rules: [{ match: {}, product: "other" }] };
const TRIALS = 300;

const scheduleArb = fc.record({ seed: fc.integer({ min: 0, max: 1000 }), start: fc.integer({ min: 0, max: 18 }) }).map(({ seed, start }): CostSchedule => {
  // A deterministic but irregular schedule per seed: months, capacity and waiting vary by trial.
  const u = (name: string, t: number) => uniformAt(streamKey(seed, name), t);
  return {
    startMonth: start,
    migrationMonths: Float64Array.from({ length: TRIALS }, (_, t) => (u("m", t) < 0.02 ? Infinity : 1 + 20 * u("m", t))),
    capacityPerWeek: Float64Array.from({ length: TRIALS }, (_, t) => 10 + 100 * u("c", t)),
    frozenDeviceDays: Float64Array.from({ length: TRIALS }, (_, t) => 4000 * u("f", t)),
  };
});

const request = (seed: number, o: Partial<CostRequest> = {}): CostRequest => ({ rows, options: [edr, other], book, assumptions: assumptionIndex(defaults), horizonMonths: 36, trials: TRIALS, seed, keepDraws: true, ...o });

describe("common random numbers in the cost simulation", () => {
  it("raising one price's range never lowers any trial's total, and leaves the options without that product untouched", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.oneof(fc.record({ shift: fc.double({ min: 1, max: 100, noNaN: true }), scale: fc.constant(1) }), fc.record({ shift: fc.constant(0), scale: fc.double({ min: 1.01, max: 2, noNaN: true }) })),
        fc.option(scheduleArb, { nil: undefined }),
        (seed, { shift, scale }, schedule) => {
          const raise = (x: number) => x * scale + shift;
          const raised: PriceBook = { ...book, products: [product("edr", raise(60), raise(100), raise(180)), book.products[1]!] };
          const a = costReport(request(seed, { schedule }));
          const b = costReport(request(seed, { schedule, book: raised }));
          for (let t = 0; t < TRIALS; t++) expect(b.draws![0]![t]).toBeGreaterThanOrEqual(a.draws![0]![t]!);
          expect(b.draws![0]!.some((x, t) => x > a.draws![0]![t]!)).toBe(true);
          expect(b.draws![1]).toEqual(a.draws![1]);
          expect(b.sunkPrepaid).toEqual(a.sunkPrepaid);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("identical requests give identical draws", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.option(scheduleArb, { nil: undefined }), (seed, schedule) => {
        const a = costReport(request(seed, { schedule }));
        const b = costReport(request(seed, { schedule }));
        expect(b.draws).toEqual(a.draws);
        expect(b.options.map((o) => o.components)).toEqual(a.options.map((o) => o.components));
        expect(b.sunkPrepaid).toEqual(a.sunkPrepaid);
      }),
      { numRuns: 10 },
    );
  });

  it("two requests that differ in one input differ trial by trial only through it: Δtotal = Δtraining × cost growth", () => {
    // No discounting, so training's share of the spread work sums to 1 and its effect is training × growth.
    const base = assumptionIndex(defaults, [{ ...defaults.find((a) => a.id === "discount_rate_annual")!, value: { kind: "point", value: 0 } }]);
    const training = base.get("training_cost")!;
    const dearer: Assumption = { ...training, value: { kind: "range", low: 10_000, likely: 30_000, high: 90_000 } };
    const changed = new Map(base).set("training_cost", dearer);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.option(scheduleArb, { nil: undefined }), (seed, schedule) => {
        const a = costReport(request(seed, { schedule, assumptions: base }));
        const b = costReport(request(seed, { schedule, assumptions: changed }));
        const draw = (a: Assumption, key: string, t: number) => quantileFunction(toDistribution(a))(uniformAt(streamKey(seed, costStream(key)), t));
        const growth = base.get("cost_growth_multiplier")!;
        for (let t = 0; t < TRIALS; t++) {
          const expected = (draw(dearer, "training", t) - draw(training, "training", t)) * draw(growth, "costGrowth", t);
          for (const p of [0, 1]) expect(Math.abs(b.draws![p]![t]! - a.draws![p]![t]! - expected)).toBeLessThan(1e-6 * b.draws![p]![t]!);
        }
      }),
      { numRuns: 10 },
    );
  });
});

/** Random cost values around the defaults' ranges: what the closed-form properties quantify over. */
const valuesArb = fc
  .record({
    discountRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
    annualEscalator: fc.double({ min: 0, max: 0.1, noNaN: true }),
    dualRunHoursPerMonth: fc.double({ min: 0, max: 40, noNaN: true }),
    rateSysadmin: fc.double({ min: 30, max: 150, noNaN: true }),
    rateSupport: fc.double({ min: 20, max: 80, noNaN: true }),
    compensatingPerDeviceMonth: fc.double({ min: 0, max: 20, noNaN: true }),
    devicesPerTechWeek: fc.double({ min: 5, max: 200, noNaN: true }),
    costGrowth: fc.double({ min: 1, max: 2, noNaN: true }),
    automatedHours: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .map(
    (r): CostValues => ({
      prices: { edr: 100, other: 50 }, streetDiscount: 0.1, projectHours: 100, exceptionRate: 0.1, manualHours: 1, encryptedShare: 0.1, encryptedExtraHours: 1, protectedShare: 0.2, protectedExtraHours: 0.5,
      effort: { workstation: 1, server: 2, vdi: 0.5, mobile: 0.5, ot: 4, appliance: 6 }, ticketRate: 0.05, ticketCost: 20, rateEndUser: 45, servicesPerDevice: 25, downtimeMinutes: 15, training: 8000,
      migrationMonths: 6, prepaidMonths: 6, kasperskyPricePerSeatYear: 35, cleanupHours: 0.25, ...r,
    }),
  );
const fleetArb = fc.record({ workstations: fc.integer({ min: 0, max: 40 }), servers: fc.integer({ min: 0, max: 10 }), agents: fc.integer({ min: 0, max: 5 }) }).map(({ workstations, servers, agents }) => [
  ...Array.from({ length: workstations }, (_, i) => row(`w${i}`)),
  ...Array.from({ length: servers }, (_, i) => row(`s${i}`, { deviceType: "server" })),
  ...Array.from({ length: agents }, (_, i) => row(`x${i}`, { coveredProducts: ["network-agent"], coveredProtection: false })),
]);
const monthsArb = fc.oneof({ weight: 9, arbitrary: fc.double({ min: 0, max: 80, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(Infinity) });
/** Never less, up to the last bits of floating point. */
const atLeast = (later: number, earlier: number) => expect(later).toBeGreaterThanOrEqual(earlier - 1e-9 * Math.max(1, Math.abs(earlier)));

describe("the plan drives cost monotonically", () => {
  it("a schedule that finishes later (more months, more frozen device-days) never costs less in both consoles and compensating controls", () => {
    fc.assert(
      fc.property(
        valuesArb,
        fleetArb,
        fc.constantFrom(edr, other, { ...edr, rules: [{ match: {}, product: "keep" as const }] }),
        fc.record({ start: fc.integer({ min: 0, max: 40 }), months: monthsArb, moreMonths: monthsArb, days: fc.double({ min: 0, max: 1e5, noNaN: true }), moreDays: fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constant(Infinity)), capacity: fc.double({ min: 0, max: 300, noNaN: true }) }),
        fc.integer({ min: 12, max: 60 }),
        (v, fleet, option, s, horizon) => {
          const p = planFor(option, fleet, book);
          const early: TrialSchedule = { startMonth: s.start, migrationMonths: s.months, capacityPerWeek: s.capacity, frozenDeviceDays: s.days };
          const late: TrialSchedule = { ...early, migrationMonths: s.months + s.moreMonths, frozenDeviceDays: s.days + s.moreDays };
          const a = costBreakdown(p, v, horizon, early).components;
          const b = costBreakdown(p, v, horizon, late).components;
          atLeast(b.dualRunning, a.dualRunning);
          atLeast(b.compensatingControls, a.compensatingControls);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("more capacity, other draws equal, never costs less", () => {
    fc.assert(
      fc.property(valuesArb, fleetArb, fc.record({ start: fc.integer({ min: 0, max: 20 }), months: monthsArb, days: fc.double({ min: 0, max: 1e5, noNaN: true }), capacity: fc.double({ min: 0, max: 300, noNaN: true }), more: fc.double({ min: 0, max: 300, noNaN: true }) }), (v, fleet, s) => {
        const p = planFor(edr, fleet, book);
        const slow: TrialSchedule = { startMonth: s.start, migrationMonths: s.months, capacityPerWeek: s.capacity, frozenDeviceDays: s.days };
        atLeast(costBreakdown(p, v, 36, { ...slow, capacityPerWeek: s.capacity + s.more }).total, costBreakdown(p, v, 36, slow).total);
      }),
      { numRuns: 300 },
    );
  });

  it("in the simulation too: a schedule later in every trial never has lower mean dual running plus compensating controls", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), scheduleArb, fc.double({ min: 0, max: 10, noNaN: true }), (seed, early, extra) => {
        const late: CostSchedule = { ...early, migrationMonths: early.migrationMonths.map((m) => m + extra), frozenDeviceDays: early.frozenDeviceDays.map((d) => d * (1 + extra)) };
        const a = costReport(request(seed, { schedule: early })).options;
        const b = costReport(request(seed, { schedule: late })).options;
        a.forEach((o, i) => atLeast(b[i]!.components.dualRunning + b[i]!.components.compensatingControls, o.components.dualRunning + o.components.compensatingControls));
      }),
      { numRuns: 10 },
    );
  });
});
