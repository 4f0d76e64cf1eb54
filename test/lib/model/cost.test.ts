import { describe, expect, it } from "vitest";
import { costBreakdown, type CostValues } from "../../../src/lib/model/cost.js";
import { planFor } from "../../../src/lib/model/cost-plan.js";
import { costReport, COST_ASSUMPTIONS, EFFORT_ASSUMPTIONS } from "../../../src/lib/model/cost-report.js";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import type { Assumption, PriceBook, ReplacementOption } from "../../../src/lib/schema/index.js";

const row = (id: string, o: Partial<FleetRow> = {}): FleetRow => ({ deviceId: id, hostname: id, businessUnit: "Ops", site: "HQ", country: "US", osFamily: "windows", deviceType: "workstation", criticality: 3, internetFacing: false, dataSensitivity: "internal", coveredProducts: ["kes-windows"], signatureDate: null, coveredProtection: true, ...o });
const rows = [...Array.from({ length: 10 }, (_, i) => row(`ws${i}`)), row("srv1", { deviceType: "server" }), row("srv2", { deviceType: "server", businessUnit: "Finance" }), row("clean", { coveredProducts: [], coveredProtection: false })];
const book: PriceBook = {
  currency: "USD",
  products: [
    { id: "edr", vendor: "V", name: "EDR", deviceTypes: ["workstation", "vdi"], osFamilies: ["windows"], unit: "device-year", price: { kind: "point", value: 120 }, priceDate: "2024-11-01", confidence: "assumption", sources: [] },
    { id: "srv", vendor: "V", name: "Server EDR", deviceTypes: ["server"], osFamilies: ["windows"], unit: "server-month", price: { kind: "point", value: 5 }, maximumSeats: 1, priceDate: "2024-11-01", confidence: "assumption", sources: [] },
  ],
};
const option: ReplacementOption = { id: "o", name: "O", description: "", rules: [{ match: { deviceType: ["server"] }, product: "srv" }, { match: {}, product: "edr" }] };
const keep: ReplacementOption = { id: "keep", name: "Keep", description: "", rules: [{ match: {}, product: "keep" }] };

// Point values chosen so the hand arithmetic below stays exact.
const values: CostValues = {
  prices: { edr: 120, srv: 5 }, streetDiscount: 0.25, annualEscalator: 0.1, projectHours: 10, automatedHours: 0.2, exceptionRate: 0.1, manualHours: 1, encryptedShare: 0.5, encryptedExtraHours: 2,
  protectedShare: 0.2, protectedExtraHours: 1, effort: { workstation: 1, server: 3, vdi: 1, mobile: 1, ot: 1, appliance: 1 }, ticketRate: 0.5, ticketCost: 20, rateSysadmin: 100, rateSupport: 50, rateEndUser: 40,
  servicesPerDevice: 10, downtimeMinutes: 30, training: 1000, dualRunHoursPerMonth: 5, migrationMonths: 4, prepaidMonths: 6, kasperskyPricePerSeatYear: 36, costGrowth: 1.5, discountRate: 0,
  compensatingPerDeviceMonth: 2, devicesPerTechWeek: 10, cleanupHours: 0.5,
};

describe("planFor", () => {
  it("assigns only Kaspersky devices, by the first matching rule, and warns when a licence's seat limit is exceeded", () => {
    const plan = planFor(option, rows, book);
    expect(plan.seats.map((s) => [s.product.id, s.seats])).toEqual([["edr", 10], ["srv", 2]]);
    expect(plan.migrated.workstation).toBe(10);
    expect(plan.migrated.server).toBe(2);
    expect(plan.kept).toBe(0);
    expect(plan.warnings).toEqual(["Server EDR is sold for at most 1 seats; the option needs 2"]);
    expect(planFor(keep, rows, book)).toMatchObject({ migratedTotal: 0, kept: 12 });
  });

  it("refuses an option that names a product the price book lacks", () => {
    expect(() => planFor({ ...option, rules: [{ match: {}, product: "nope" }] }, rows, book)).toThrow(/names product "nope"/);
  });
});

describe("costBreakdown, worked by hand (no discounting)", () => {
  const cost = costBreakdown(planFor(option, rows, book), values, 24);
  it("licences: (10×120 + 2×5×12) × 0.75 / 12 = 82.5 a month, 10% more in year two", () => {
    expect(cost.components.licences).toBeCloseTo(82.5 * 12 + 82.5 * 1.1 * 12, 9); // 2,079
    expect(cost.monthly.licences[0]).toBeCloseTo(82.5, 12);
    expect(cost.monthly.licences[12]).toBeCloseTo(90.75, 12);
  });
  it("labour: 10 h × $100 + (10 + 2×3 weighted devices) × 0.6 h × $50 = $1,480", () => {
    // per device: 0.2 + 0.1 × (1 + 0.5 × 2) + 0.2 × 1 = 0.6 h
    expect(cost.components.labour).toBeCloseTo(1480, 9);
  });
  it("tickets, training, services, downtime and both consoles; no team and no waiting without a plan", () => {
    expect(cost.components.helpdesk).toBeCloseTo(12 * 0.5 * 20, 9); // 120
    expect(cost.components.training).toBeCloseTo(1000, 9);
    expect(cost.components.services).toBeCloseTo(120, 9);
    expect(cost.components.downtime).toBeCloseTo((12 * 30 * 40) / 60, 9); // 240
    expect(cost.components.dualRunning).toBeCloseTo(4 * 5 * 100, 9); // 2,000
    expect(cost.components.team).toBe(0);
    expect(cost.components.cleanup).toBe(0);
    expect(cost.components.compensatingControls).toBe(0);
  });
  it("contingency is cost growth on the one-off work, spread over the migration months; the total adds up", () => {
    expect(cost.components.contingency).toBeCloseTo(4960 * 0.5, 9);
    expect(cost.monthly.labour[3]).toBeCloseTo(370, 9);
    expect(cost.monthly.labour[4]).toBe(0);
    expect(cost.total).toBeCloseTo(2079 + 4960 + 2480, 9); // 9,519: prepaid licences are sunk, in no option's total
  });
  it("discounts month m by (1 + r)^(−m/12)", () => {
    const discounted = costBreakdown(planFor(option, rows, book), { ...values, discountRate: 0.1 }, 24);
    let expected = 0;
    for (let m = 0; m < 24; m++) expected += cost.monthly.licences[m]! / Math.pow(1.1, m / 12);
    expect(discounted.components.licences).toBeCloseTo(expected, 9);
  });
  it("charges an option that keeps Kaspersky only its compensating controls: 12 frozen devices × 24 months × $2 = $576", () => {
    const kept = costBreakdown(planFor(keep, rows, book), values, 24);
    expect(kept.total).toBeCloseTo(576, 9);
    expect(kept.components.compensatingControls).toBe(kept.total);
  });
});

describe("costReport", () => {
  const point = (id: string, value: number): Assumption => ({ id, label: id, unit: "x", value: { kind: "point", value }, confidence: "assumption", sources: [] });
  const scalar = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  const assumptions = new Map<string, Assumption>([
    ...Object.entries(COST_ASSUMPTIONS).map(([key, id]) => [id, point(id, scalar[key]!)] as const),
    ...Object.entries(EFFORT_ASSUMPTIONS).map(([type, id]) => [id, point(id, values.effort[type as keyof typeof values.effort])] as const),
  ]);

  it("with every range collapsed to a point, the simulation equals the closed form exactly", () => {
    const report = costReport({ rows, options: [option, keep], book, assumptions, horizonMonths: 24, trials: 500, seed: 4 });
    const closed = costBreakdown(planFor(option, rows, book), values, 24).total;
    expect(report.options[0]!.total.mean).toBe(closed);
    expect(report.options[0]!.total.p[10]).toBe(closed);
    expect(report.options[0]!.total.p[90]).toBe(closed);
    expect(report.options[1]!.total.mean).toBe(costBreakdown(planFor(keep, rows, book), values, 24).total);
    expect(report.cheaper.find((c) => c.a === "keep" && c.b === "o")!.probability).toBe(1);
  });

  it("pairs options on the same draws, so P(A < B) is exact when one dominates", () => {
    const ranged = new Map(assumptions);
    ranged.set("training_cost", { ...point("training_cost", 0), value: { kind: "range", low: 500, likely: 1000, high: 5000 } });
    const cheap: ReplacementOption = { ...option, id: "cheap", rules: [{ match: { deviceType: ["server"] }, product: "srv" }, { match: {}, product: "edr" }] };
    const pricier = { ...book, products: [...book.products, { ...book.products[0]!, id: "edr2", price: { kind: "point" as const, value: 240 } }] };
    const dear: ReplacementOption = { ...option, id: "dear", rules: [{ match: { deviceType: ["server"] }, product: "srv" }, { match: {}, product: "edr2" }] };
    const report = costReport({ rows, options: [cheap, dear], book: pricier, assumptions: ranged, horizonMonths: 24, trials: 2000, seed: 4 });
    expect(report.cheaper.find((c) => c.a === "cheap" && c.b === "dear")!.probability).toBe(1);
    expect(report.options[0]!.total.sd).toBeGreaterThan(0);
    expect(report.options[0]!.tornado[0]!.label).toBe("training_cost");
  });
});
