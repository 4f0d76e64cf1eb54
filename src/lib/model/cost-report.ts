import { type Distribution } from "../engine/distributions.js";
import { randomSource } from "../engine/prng.js";
import { sampler } from "../engine/sample.js";
import { summarize, type Summary } from "../engine/summary.js";
import type { Assumption, DeviceType, PriceBook, ReplacementOption } from "../schema/index.js";
import { costBreakdown, costParts, COMPONENTS, type Component, type CostValues } from "./cost.js";
import { planFor, type CostPlan } from "./cost-plan.js";
import type { FleetRow } from "./fleet.js";
import { bounds, likely, requireAssumption, toDistribution } from "./parameters.js";
import { tornado, type TornadoBar } from "./sensitivity.js";

type Scalar = Exclude<keyof CostValues, "prices" | "effort">;

/** Which assumption each cost input comes from. */
export const COST_ASSUMPTIONS: Record<Scalar, string> = {
  streetDiscount: "street_discount_vs_list",
  annualEscalator: "annual_price_escalator",
  projectHours: "project_fixed_effort",
  automatedHours: "automated_touch_per_endpoint",
  exceptionRate: "exception_rate",
  manualHours: "manual_touch_per_exception",
  encryptedShare: "fde_encrypted_endpoint_share",
  encryptedExtraHours: "fde_extra_labor_per_endpoint",
  protectedShare: "kaspersky_password_protected_share",
  protectedExtraHours: "kaspersky_protected_extra_hours",
  ticketRate: "helpdesk_ticket_rate",
  ticketCost: "cost_per_ticket",
  rateSysadmin: "loaded_rate_sysadmin",
  rateSupport: "loaded_rate_support_tech",
  rateEndUser: "loaded_rate_end_user",
  servicesPerDevice: "vendor_pro_services_one_time",
  downtimeMinutes: "user_downtime_per_endpoint",
  training: "training_cost",
  dualRunHoursPerMonth: "dual_run_admin_hours_per_month",
  migrationMonths: "migration_months",
  prepaidMonths: "kaspersky_prepaid_months_remaining",
  kasperskyPricePerSeatYear: "kaspersky_price_per_seat_year",
  costGrowth: "cost_growth_multiplier",
  discountRate: "discount_rate_annual",
};
export const EFFORT_ASSUMPTIONS: Record<Exclude<DeviceType, "workstation">, string> = {
  server: "effort_multiplier_server",
  vdi: "effort_multiplier_vdi",
  mobile: "effort_multiplier_mobile",
  ot: "effort_multiplier_ot",
  appliance: "effort_multiplier_appliance",
};

/** Every uncertain input: a key into CostValues (prices as `price:ID`, effort as `effort:TYPE`), its label and range. */
interface Input {
  key: string;
  label: string;
  distribution: Distribution;
  likely: number;
  low: number;
  high: number;
}

function inputsFrom(assumptions: ReadonlyMap<string, Assumption>, book: PriceBook, plans: readonly CostPlan[]): Input[] {
  const fromAssumption = (key: string, id: string): Input => {
    const a = requireAssumption(assumptions, id);
    const [low, high] = bounds(a);
    return { key, label: a.label, distribution: toDistribution(a), likely: likely(a), low, high };
  };
  const used = new Set(plans.flatMap((p) => p.seats.map((s) => s.product.id)));
  return [
    ...Object.entries(COST_ASSUMPTIONS).map(([key, id]) => fromAssumption(key, id)),
    ...Object.entries(EFFORT_ASSUMPTIONS).map(([type, id]) => fromAssumption(`effort:${type}`, id)),
    ...book.products
      .filter((p) => used.has(p.id))
      .map((p) => {
        const pseudo = { id: `price-${p.id}`, label: `${p.vendor} ${p.name} price`, unit: p.unit, value: p.price, confidence: p.confidence, sources: p.sources } as Assumption;
        const [low, high] = bounds(pseudo);
        return { key: `price:${p.id}`, label: pseudo.label, distribution: toDistribution(pseudo), likely: likely(pseudo), low, high };
      }),
  ];
}

/** Writes one input's value into a CostValues. */
function setterFor(key: string): (v: CostValues, value: number) => void {
  if (key.startsWith("price:")) {
    const id = key.slice(6);
    return (v, value) => (v.prices[id] = value);
  }
  if (key.startsWith("effort:")) {
    const type = key.slice(7) as DeviceType;
    return (v, value) => (v.effort[type] = value);
  }
  return (v, value) => ((v as unknown as Record<string, number>)[key] = value);
}

function valuesOf(flat: Record<string, number>): CostValues {
  const v = { prices: {}, effort: { workstation: 1 } } as CostValues;
  for (const [key, value] of Object.entries(flat)) {
    if (key.startsWith("price:")) v.prices[key.slice(6)] = value;
    else if (key.startsWith("effort:")) v.effort[key.slice(7) as DeviceType] = value;
    else (v as unknown as Record<string, number>)[key] = value;
  }
  return v;
}

export interface OptionCost {
  optionId: string;
  name: string;
  migratedDevices: number;
  keptDevices: number;
  warnings: string[];
  /** Present value of the total over the horizon. */
  total: Summary;
  /** Mean present value of each component. */
  components: Record<Component, number>;
  /** Total per migrated device (P50), or null when nothing is migrated. */
  perDevice: number | null;
  /** Nominal cost per component per month at the most likely values. */
  monthlyAtLikely: Record<Component, number[]>;
  /** Present cost at the most likely values (the tornado's centre). */
  totalAtLikely: number;
  tornado: TornadoBar[];
}

export interface CostReport {
  horizonMonths: number;
  trials: number;
  seed: number;
  options: OptionCost[];
  /** P(option A costs less than option B), from the same draws for every option. */
  cheaper: { a: string; b: string; probability: number; standardError: number }[];
  /** Each option's total per trial, when asked for. */
  draws?: Float64Array[];
}

export interface CostRequest {
  rows: readonly FleetRow[];
  options: readonly ReplacementOption[];
  book: PriceBook;
  assumptions: ReadonlyMap<string, Assumption>;
  horizonMonths: number;
  trials: number;
  seed: number;
  /** Keep each option's per-trial totals (for pairing with other scenarios). */
  keepDraws?: boolean;
}

/**
 * The multi-year cost of each option, simulated together: every trial draws one set of inputs
 * and prices every option with it, so comparisons between options are paired.
 */
export function costReport(request: CostRequest): CostReport {
  const plans = request.options.map((o) => planFor(o, request.rows, request.book));
  const inputs = inputsFrom(request.assumptions, request.book, plans);
  const random = randomSource(request.seed);
  const draws = inputs.map((i) => sampler(i.distribution, random));
  const n = request.trials;
  const totals = plans.map(() => new Float64Array(n));
  const componentSums = plans.map(() => Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>);
  const setters = inputs.map((i) => setterFor(i.key));
  const values = valuesOf({});
  const horizon = Math.max(1, Math.round(request.horizonMonths));
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < inputs.length; i++) setters[i]!(values, draws[i]!());
    plans.forEach((plan, p) => {
      const cost = costParts(plan, values, horizon);
      totals[p]![t] = cost.total;
      for (const c of COMPONENTS) componentSums[p]![c] += cost.components[c];
    });
  }
  const likelyFlat = Object.fromEntries(inputs.map((i) => [i.key, i.likely]));
  const options = plans.map((plan, p): OptionCost => {
    const total = summarize(totals[p]!);
    const atLikely = costBreakdown(plan, valuesOf(likelyFlat), request.horizonMonths);
    return {
      optionId: plan.optionId,
      name: plan.optionName,
      migratedDevices: plan.migratedTotal,
      keptDevices: plan.kept,
      warnings: plan.warnings,
      total,
      components: Object.fromEntries(COMPONENTS.map((c) => [c, componentSums[p]![c] / n])) as Record<Component, number>,
      perDevice: plan.migratedTotal > 0 ? total.p[50] / plan.migratedTotal : null,
      monthlyAtLikely: Object.fromEntries(COMPONENTS.map((c) => [c, Array.from(atLikely.monthly[c])])) as Record<Component, number[]>,
      totalAtLikely: atLikely.total,
      tornado: plan.migratedTotal === 0 ? [] : tornado(inputs, (v) => costBreakdown(plan, valuesOf(v), request.horizonMonths).total).slice(0, 10),
    };
  });
  const cheaper: CostReport["cheaper"] = [];
  for (let a = 0; a < plans.length; a++) {
    for (let b = 0; b < plans.length; b++) {
      if (a === b) continue;
      let count = 0;
      for (let t = 0; t < n; t++) if (totals[a]![t]! < totals[b]![t]!) count++;
      const probability = count / n;
      cheaper.push({ a: plans[a]!.optionId, b: plans[b]!.optionId, probability, standardError: Math.sqrt((probability * (1 - probability)) / n) });
    }
  }
  return { horizonMonths: request.horizonMonths, trials: n, seed: request.seed, options, cheaper, ...(request.keepDraws ? { draws: totals } : {}) };
}
