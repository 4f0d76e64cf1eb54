/**
 * The one evaluation: common random numbers (properties over many generated scenarios), the
 * plan driving the loss, slippage stretching the waves, and frozen-by-rule counts.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lognormalFrom90, pert } from "../../../src/lib/engine/distributions.js";
import { compareEvaluations, evaluateScenario, type EvaluationContext } from "../../../src/lib/model/evaluate.js";
import type { LossFleet } from "../../../src/lib/model/exposure.js";
import type { FleetRow } from "../../../src/lib/model/fleet.js";
import { frozenStatus } from "../../../src/lib/model/frozen.js";
import { lossSampler, type LossInputs } from "../../../src/lib/model/loss.js";
import { paired } from "../../../src/lib/model/paired.js";
import { AssumptionSet, PriceBook, ReplacementOptions, Scenario, Timeline } from "../../../src/lib/schema/index.js";

const json = (path: string) => JSON.parse(readFileSync(new URL(`../../../data/${path}`, import.meta.url), "utf8"));
const defaults = AssumptionSet.parse(json("assumptions.json")).assumptions;
const context = (rows: FleetRow[]): EvaluationContext => ({
  rows,
  defaults,
  book: PriceBook.parse(json("pricebook.json")),
  options: ReplacementOptions.parse(json("replacement-options.json")).options,
  regulation: Timeline.parse(json("timelines/kaspersky.json")),
  updatesStopped: "2024-09-29",
});
const base = Scenario.parse(json("scenarios/presets/rip-and-replace-now.json"));

function row(i: number, overrides: Partial<FleetRow> = {}): FleetRow {
  return {
    deviceId: `d${i}`,
    hostname: `d${i}`,
    businessUnit: i % 2 ? "Finance" : "Logistics",
    site: "HQ",
    country: "US",
    osFamily: "windows",
    deviceType: "workstation",
    criticality: 1 + (i % 4),
    internetFacing: i % 5 === 0,
    dataSensitivity: "internal",
    coveredProducts: ["kes-windows"],
    signatureDate: "2024-09-28",
    coveredProtection: true,
    ...overrides,
  };
}

const inputs = (o: Partial<Record<keyof LossInputs, [number, number, number]>> = {}): LossInputs => {
  const r = (k: keyof LossInputs, d: [number, number, number]) => (o[k] ?? d) as [number, number, number];
  return { lefBase: pert(...r("lefBase", [0.03, 0.1, 0.3])), s: pert(...r("s", [0.2, 0.35, 0.5])), mInf: pert(...r("mInf", [3.2, 3.7, 5.5])), mKsn: pert(...r("mKsn", [1.1, 1.5, 2.5])), tau: pert(...r("tau", [3, 14, 60])), lossMagnitude: lognormalFrom90(...((o.lossMagnitude ?? [300_000, 0, 8_000_000]).filter((_, i) => i !== 1) as [number, number])) };
};

const fleetArb = fc.record({
  unfrozen: fc.double({ min: 0, max: 500, noNaN: true }),
  bins: fc.array(fc.record({ days: fc.integer({ min: 0, max: 900 }), weight: fc.double({ min: 0.1, max: 50, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
});
const toFleet = (f: { unfrozen: number; bins: { days: number; weight: number }[] }): LossFleet => {
  const bins = [...f.bins].sort((a, b) => a.days - b.days);
  const frozen = bins.reduce((s, b) => s + b.weight, 0);
  return { totalWeight: f.unfrozen + frozen, unfrozenWeight: f.unfrozen, groups: [{ frozenWeight: frozen, frozenDevices: bins.length, days: Float64Array.from(bins, (b) => b.days), weightAtDays: Float64Array.from(bins, (b) => b.weight) }] };
};
const meanOf = (sampler: ReturnType<typeof lossSampler>, trials: number) => {
  let year = 0;
  let expected = 0;
  for (let t = 0; t < trials; t++) {
    const r = sampler.at(t, null);
    year += r.year;
    expected += r.expectedYear;
  }
  return { year: year / trials, expected: expected / trials };
};

describe("common random numbers (properties over 1,000 generated fleets and seeds)", () => {
  it("raising an input that raises risk never lowers expected loss, trial by trial", () => {
    fc.assert(
      fc.property(fleetArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom("lefBase", "s", "mInf", "mKsn"), fc.double({ min: 0.001, max: 0.05, noNaN: true }), (f, seed, key, nudge) => {
        const fleet = toFleet(f);
        const low = inputs();
        const bump = { lefBase: [0.03, 0.1 + nudge, 0.3], s: [0.2, 0.35 + nudge, 0.5], mInf: [3.2, 3.7 + nudge, 5.5], mKsn: [1.1, 1.5 + nudge, 2.5] }[key] as [number, number, number];
        const a = lossSampler(fleet, low, seed);
        const b = lossSampler(fleet, inputs({ [key]: bump }), seed);
        for (let t = 0; t < 20; t++) {
          const x = a.at(t, null);
          const y = b.at(t, null);
          expect(y.expectedYear).toBeGreaterThanOrEqual(x.expectedYear - 1e-9 * x.expectedYear);
          expect(y.year).toBeGreaterThanOrEqual(x.year - 1e-6);
        }
      }),
      { numRuns: 1000, seed: 20240929 },
    );
  });

  it("freezing more of the same fleet never lowers expected loss", () => {
    fc.assert(
      fc.property(fleetArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ min: 0.1, max: 100, noNaN: true }), fc.integer({ min: 0, max: 900 }), (f, seed, moved, days) => {
        const share = Math.min(moved, f.unfrozen);
        const before = toFleet(f);
        const after = toFleet({ unfrozen: f.unfrozen - share, bins: [...f.bins, { days, weight: share }] });
        const x = meanOf(lossSampler(before, inputs(), seed), 50);
        const y = meanOf(lossSampler(after, inputs(), seed), 50);
        expect(y.expected).toBeGreaterThanOrEqual(x.expected * (1 - 1e-12));
        expect(y.year).toBeGreaterThanOrEqual(x.year - 1e-6);
      }),
      { numRuns: 1000, seed: 20240929 },
    );
  });

  it("identical scenarios tie exactly, and one nudged input gives a paired standard error far below the unpaired one", () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i, i % 3 ? {} : { coveredProducts: [], coveredProtection: false, signatureDate: null }));
    const ctx = context(rows);
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const s = { ...base, seed, trials: 100 };
        const a = evaluateScenario(s, ctx);
        const same = compareEvaluations(a, evaluateScenario(s, ctx));
        expect(same.total.meanDifference).toBe(0);
        expect(same.total.tie).toBe(true);
        expect(same.loss.probability).toBe(0.5);
        const nudged = { ...s, assumptions: [...s.assumptions, { ...defaults.find((d) => d.id === "s_endpoint_malware_share")!, value: { kind: "range" as const, low: 0.2, likely: 0.36, high: 0.5 } }] };
        const b = evaluateScenario(nudged, ctx);
        // Realised losses: a riskier input never gives fewer, trial by trial.
        expect(paired(b.draws.lossYear, a.draws.lossYear).meanDifference).toBeGreaterThanOrEqual(0);
        // Cost plus expected loss: the nudge's effect is measured far more precisely paired than unpaired.
        const d = paired(b.draws.horizonTotal, a.draws.horizonTotal);
        expect(d.meanDifference).toBeGreaterThan(0);
        expect(d.standardError).toBeLessThan(d.unpairedStandardError / 10);
        checked++;
      }),
      { numRuns: 1000, seed: 20240929 },
    );
    expect(checked).toBe(1000);
  }, 180_000);
});

describe("the plan drives the loss", () => {
  const rows = Array.from({ length: 300 }, (_, i) => row(i, { criticality: i < 60 ? 1 : 4, internetFacing: i < 60 }));
  const plan = base.plan!;
  const critical = { id: "critical", label: "Tier 1", match: { criticality: [1] } };
  const rest = { id: "rest", label: "Everything else", match: {} };
  const other = { id: "other", label: "Tiers 2-4", match: { criticality: [2, 3, 4] } };

  it("critical devices first lowers the loss with the plan against the same plan in reverse order", () => {
    const first = evaluateScenario({ ...base, trials: 2_000, plan: { ...plan, waves: [critical, rest] } }, context(rows));
    const last = evaluateScenario({ ...base, trials: 2_000, plan: { ...plan, waves: [other, critical] } }, context(rows));
    const d = paired(first.draws.lossYear, last.draws.lossYear);
    expect(first.lossWithPlan.mean).toBeLessThan(last.lossWithPlan.mean);
    expect(d.tie).toBe(false);
    // Same devices, same deadlines: only the order differs, so the completion dates agree.
    expect(first.completion).toEqual(last.completion);
  });

  it("slippage stretches the waves: with the other phases near zero, slippage 2 doubles the waves' duration", () => {
    const tiny = { low: 0, likely: 0, high: 0 };
    const quick = { ...plan, procurementDays: tiny, preparationDays: tiny, pilotDays: tiny, pilotDevices: 0, stragglerShare: tiny, stragglerDays: tiny, decommissionDays: tiny, learningWeeks: 0, freezes: [], capacityPerWeek: { low: 30, likely: 30, high: 30 }, waves: [rest] };
    const at = (s: number) => evaluateScenario({ ...base, trials: 200, plan: { ...quick, slippage: { low: s, likely: s, high: s } } }, context(rows)).completion!.p50!;
    const days = (d: string) => (Date.parse(d) - Date.parse(quick.start)) / 86_400_000;
    // 300 devices at 30 a week: 10 weeks; at slippage 2, 20 weeks.
    expect(days(at(1))).toBe(70);
    expect(days(at(2))).toBe(140);
  });
});

describe("frozen by fact, then by rule", () => {
  it("uses the signature date where there is one, and the rule only where there is none", () => {
    const us = { usPerson: true, assumeFrozen: true };
    const other = { usPerson: false, assumeFrozen: false };
    expect(frozenStatus(row(1, { signatureDate: "2024-09-20" }), "2024-09-29", other)).toEqual({ frozen: true, assumed: false, lastUpdate: "2024-09-20" });
    expect(frozenStatus(row(1, { signatureDate: "2026-01-01" }), "2024-09-29", us)).toEqual({ frozen: false, assumed: false, lastUpdate: null });
    expect(frozenStatus(row(1, { signatureDate: null }), "2024-09-29", us)).toEqual({ frozen: true, assumed: true, lastUpdate: "2024-09-29" });
    expect(frozenStatus(row(1, { signatureDate: null }), "2024-09-29", other).frozen).toBe(false);
    // An agent alone is not protection: never frozen.
    expect(frozenStatus(row(1, { coveredProtection: false, signatureDate: "2024-01-01" }), "2024-09-29", us).frozen).toBe(false);
  });

  it("a German subsidiary's devices with no signature date are not frozen by default; a US company's are, and the evaluation says how many were assumed", () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i, { country: "DE", signatureDate: i < 3 ? "2024-09-01" : null }));
    const german = evaluateScenario({ ...base, trials: 100, profile: { ...base.profile, usPerson: false, countries: ["DE"] } }, context(rows));
    expect(german.counts).toMatchObject({ kasperskyDevices: 10, frozenDevices: 3, assumedFrozen: 0 });
    const american = evaluateScenario({ ...base, trials: 100 }, context(rows));
    expect(american.counts).toMatchObject({ frozenDevices: 10, assumedFrozen: 7 });
  });
});

describe("deadlines, horizon and kept devices", () => {
  const rows = Array.from({ length: 100 }, (_, i) => row(i));
  it("a plan that starts after a hard deadline misses it (it has not 'passed'), and the decision says so", () => {
    const late = { ...base, id: "late", name: "Late", trials: 500, deadlines: [{ id: "contract", label: "Contract", date: "2027-01-15", kind: "contractual" as const }], plan: { ...base.plan!, start: "2027-06-01" } };
    const e = evaluateScenario(late, context(rows));
    expect(e.deadlines.find((d) => d.deadline.id === "contract")).toMatchObject({ passed: false, probability: 0 });
  });

  it("a shorter horizon counts fewer weeks of loss", () => {
    const at = (horizonMonths: number) => evaluateScenario({ ...base, trials: 500, horizonMonths }, context(rows)).horizonLoss.mean;
    expect(at(6)).toBeLessThan(at(12));
    expect(at(12)).toBeLessThan(at(36));
  });

  it("an option that keeps Kaspersky devices never meets a removal deadline", () => {
    const e = evaluateScenario({ ...base, trials: 200, option: "keep-kaspersky" }, context(rows));
    expect(e.keptDevices).toBe(100);
    expect(e.deadlines.every((d) => d.probability === 0)).toBe(true);
  });
});

describe("price overrides (scenario version 3)", () => {
  const rows = Array.from({ length: 100 }, (_, i) => row(i));
  const ctx = context(rows);
  // Windows workstations, which the default option moves to Defender for Endpoint P2.
  const product = "mde-p2";
  const listed = ctx.book.products.find((p) => p.id === product)!.price;
  const at = (prices: Scenario["prices"]) => evaluateScenario({ ...base, trials: 400, prices }, ctx);

  it("an override at the list price changes nothing; a higher quote raises the cost in every trial", () => {
    const list = at([]);
    expect(at([{ product, price: listed }]).draws.cost).toEqual(list.draws.cost);
    const likely = listed.kind === "point" ? listed.value : listed.likely;
    const dearer = at([{ product, price: { kind: "point", value: likely * 3 + 10 } }]);
    for (let t = 0; t < 400; t++) expect(dearer.draws.cost[t]!).toBeGreaterThan(list.draws.cost[t]!);
  });

  it("an override for a product the price book does not list is ignored and reported", async () => {
    const { pricedBook } = await import("../../../src/lib/model/prices.js");
    const priced = pricedBook(ctx.book, [{ product: "no-such-product", price: { kind: "point", value: 1 } }]);
    expect(priced.unknown).toEqual(["no-such-product"]);
    expect(priced.book.products).toEqual(ctx.book.products);
    expect(at([{ product: "no-such-product", price: { kind: "point", value: 1 } }]).draws.cost).toEqual(at([]).draws.cost);
  });
});

describe("alternatives are compared in the subject's world", () => {
  it("take the subject's assumptions and quotes, keep the ones they set themselves, and so tie with the subject when the strategy is the same", async () => {
    const { alternativeFor, evaluateWorkbook } = await import("../../../src/lib/model/evaluate.js");
    const rows = Array.from({ length: 60 }, (_, i) => row(i));
    const lef = defaults.find((a) => a.id === "lef_baseline_smb")!;
    const subject = { ...base, trials: 300, assumptions: [{ ...lef, value: { kind: "range" as const, low: 0.02, likely: 0.04, high: 0.06 } }], prices: [{ product: "mde-p2", price: { kind: "point" as const, value: 70 } }] };
    const own = { ...defaults.find((a) => a.id === "s_endpoint_malware_share")!, value: { kind: "point" as const, value: 0.1 } };
    const alt = alternativeFor(subject, { ...base, id: "alt", assumptions: [own], prices: [] });
    expect(alt.assumptions.map((a) => a.id).sort()).toEqual(["lef_baseline_smb", "s_endpoint_malware_share"]);
    expect(alt.prices).toEqual(subject.prices);
    // The same strategy under another name, with no assumptions of its own, is the same scenario in the same world: a tie.
    const same = evaluateWorkbook(subject, [{ ...base, id: "copy", name: "Copy" }], context(rows));
    expect(same.alternatives[0]!.horizonTotal.mean).toBe(same.subject.evaluation.horizonTotal.mean);
  });
});
