import type { Distribution } from "../engine/distributions.js";
import { quantileFunction } from "../engine/quantile.js";
import { streamKey, uniformAt } from "../engine/streams.js";
import { summarize, type Summary } from "../engine/summary.js";
import type { Assumption, DeviceType, PriceBook, ReplacementOption } from "../schema/index.js";
import { costBreakdown, costParts, COMPONENTS, sunkPrepaid, type Component, type CostValues, type TrialSchedule } from "./cost.js";
import { planFor, type CostPlan } from "./cost-plan.js";
import { paired } from "./paired.js";
import type { FleetRow } from "./fleet.js";
import { isKasperskyDevice } from "./frozen.js";
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
  compensatingPerDeviceMonth: "frozen_compensating_controls_per_device_month",
  devicesPerTechWeek: "migration_devices_per_tech_week",
  cleanupHours: "kaspersky_agent_cleanup_hours",
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
  /** Devices the option takes off Kaspersky: protection replaced plus leftover agents removed. */
  migratedDevices: number;
  /** Of those, devices that only had a leftover Kaspersky agent: removed, no seat bought. */
  cleanupDevices: number;
  keptDevices: number;
  warnings: string[];
  /** Present value of the total over the horizon. */
  total: Summary;
  /** Mean present value of each component. */
  components: Record<Component, number>;
  /** Total per device taken off Kaspersky (P50), or null when there is none. */
  perDevice: number | null;
  /** Nominal cost per component per month at the most likely values (and the median schedule). */
  monthlyAtLikely: Record<Component, number[]>;
  /** Present cost at the most likely values and the median schedule (the tornado's centre). */
  totalAtLikely: number;
  tornado: TornadoBar[];
}

export interface CostReport {
  horizonMonths: number;
  trials: number;
  seed: number;
  /** Whether a migration plan's schedule drove the cost (else: the `migration_months` fallback, no waiting). */
  scheduled: boolean;
  options: OptionCost[];
  /** P(option A costs less than option B), from the same draws for every option. */
  cheaper: { a: string; b: string; probability: number; standardError: number }[];
  /**
   * Prepaid Kaspersky licence value lost on removal, per trial: the fleet's Kaspersky protection
   * seats × seat price × prepaid months left / 12. In no option's total: see `sunkPrepaidNote`.
   */
  sunkPrepaid: Summary;
  sunkPrepaidAtLikely: number;
  sunkPrepaidNote: string;
  /** Each option's total per trial, when asked for. */
  draws?: Float64Array[];
}

/**
 * The migration plan as the cost model needs it, one value per trial, produced by the timeline
 * simulation with the same trial index: trial t is one world across cost, loss and timeline.
 */
export interface CostSchedule {
  /** Whole months from the scenario's as-of date to the plan's start (deterministic, >= 0). */
  startMonth: number;
  /** Per trial: months from the plan's start until every device is off Kaspersky (Infinity: never, within the simulation's 10 years). */
  migrationMonths: Float64Array;
  /** Per trial: the team's weekly capacity drawn for that trial (devices a week at full speed). */
  capacityPerWeek: Float64Array;
  /** Per trial: device-days on frozen Kaspersky from the as-of date until each device is migrated. */
  frozenDeviceDays: Float64Array;
}

export interface CostRequest {
  rows: readonly FleetRow[];
  options: readonly ReplacementOption[];
  book: PriceBook;
  assumptions: ReadonlyMap<string, Assumption>;
  horizonMonths: number;
  trials: number;
  seed: number;
  /** The plan's schedule per trial (at least `trials` long). Absent: no plan (`migration_months` spreads the work, nothing waits). */
  schedule?: CostSchedule;
  /** Keep each option's per-trial totals (for pairing with other scenarios). */
  keepDraws?: boolean;
  /** The one definition of a frozen device, for the devices an option keeps (default: any running Kaspersky protection). */
  isFrozen?: (row: FleetRow) => boolean;
}

export const SUNK_PREPAID_NOTE =
  "Prepaid Kaspersky licences are lost whatever is chosen (they were paid before the choice, and a frozen product earns nothing from them), so they are shown once here and left out of every option's total.";

/** The name of an input's substream: the same input draws the same numbers in every request with the same seed. */
export const costStream = (key: string) => `cost.${key}`;

/** One trial's column of a schedule. */
export function scheduleAt(schedule: CostSchedule, t: number): TrialSchedule {
  return { startMonth: schedule.startMonth, migrationMonths: schedule.migrationMonths[t]!, capacityPerWeek: schedule.capacityPerWeek[t]!, frozenDeviceDays: schedule.frozenDeviceDays[t]! };
}

/**
 * The median of each of a schedule's quantities over the trials (each on its own, the upper
 * median, so a "never" stays Infinity rather than an average with it): the schedule the most
 * likely values are priced with.
 */
export function medianSchedule(schedule: CostSchedule, trials: number): TrialSchedule {
  const median = (a: Float64Array) => Float64Array.from(a.subarray(0, trials)).sort()[Math.floor(trials / 2)]!;
  return { startMonth: schedule.startMonth, migrationMonths: median(schedule.migrationMonths), capacityPerWeek: median(schedule.capacityPerWeek), frozenDeviceDays: median(schedule.frozenDeviceDays) };
}

function checkSchedule(schedule: CostSchedule, trials: number): void {
  if (!(Number.isInteger(schedule.startMonth) && schedule.startMonth >= 0)) throw new RangeError(`a schedule's start month must be a whole number of months from 0, got ${schedule.startMonth}`);
  for (const name of ["migrationMonths", "capacityPerWeek", "frozenDeviceDays"] as const) {
    const values = schedule[name];
    if (values.length < trials) throw new RangeError(`the schedule has ${values.length} trials of ${name}; the cost simulation needs ${trials}`);
    for (let t = 0; t < trials; t++) {
      const x = values[t]!;
      // Months and device-days may be Infinity (never done); a capacity must be a finite number.
      if (!(x >= 0) || (name === "capacityPerWeek" && !Number.isFinite(x))) throw new RangeError(`the schedule's ${name} in trial ${t} must be a number from 0${name === "capacityPerWeek" ? "" : " (or Infinity)"}, got ${x}`);
    }
  }
}

/**
 * The multi-year cost of each option, simulated together, with common random numbers: each
 * uncertain input draws from its own substream by inversion (its value in trial t is
 * quantile(uniformAt(streamKey(seed, "cost." + key), t))), and every option is priced with
 * trial t's values and trial t's schedule. So comparisons between options are paired, two
 * requests that differ in one input differ trial by trial only through that input, and a
 * raised input can only raise what it drives.
 */
export function costReport(request: CostRequest): CostReport {
  const n = request.trials;
  const { schedule } = request;
  if (schedule) checkSchedule(schedule, n);
  const plans = request.options.map((o) => planFor(o, request.rows, request.book, request.isFrozen));
  const inputs = inputsFrom(request.assumptions, request.book, plans);
  const quantiles = inputs.map((i) => quantileFunction(i.distribution));
  const keys = inputs.map((i) => streamKey(request.seed, costStream(i.key)));
  const totals = plans.map(() => new Float64Array(n));
  const componentSums = plans.map(() => Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>);
  const sunkDevices = request.rows.filter((r) => isKasperskyDevice(r) && r.coveredProtection).length;
  const sunk = new Float64Array(n);
  const setters = inputs.map((i) => setterFor(i.key));
  const values = valuesOf({});
  const horizon = Math.max(1, Math.round(request.horizonMonths));
  const trial: TrialSchedule = { startMonth: schedule?.startMonth ?? 0, migrationMonths: 0, capacityPerWeek: 0, frozenDeviceDays: 0 };
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < inputs.length; i++) setters[i]!(values, quantiles[i]!(uniformAt(keys[i]!, t)));
    if (schedule) {
      trial.migrationMonths = schedule.migrationMonths[t]!;
      trial.capacityPerWeek = schedule.capacityPerWeek[t]!;
      trial.frozenDeviceDays = schedule.frozenDeviceDays[t]!;
    }
    sunk[t] = sunkPrepaid(sunkDevices, values);
    plans.forEach((plan, p) => {
      const cost = costParts(plan, values, horizon, schedule ? trial : undefined);
      totals[p]![t] = cost.total;
      for (const c of COMPONENTS) componentSums[p]![c] += cost.components[c];
    });
  }
  const likelyValues = valuesOf(Object.fromEntries(inputs.map((i) => [i.key, i.likely])));
  const typical = schedule ? medianSchedule(schedule, n) : undefined;
  const options = plans.map((plan, p): OptionCost => {
    const total = summarize(totals[p]!);
    const atLikely = costBreakdown(plan, likelyValues, request.horizonMonths, typical);
    const offKaspersky = plan.migratedTotal + plan.cleanup;
    return {
      optionId: plan.optionId,
      name: plan.optionName,
      migratedDevices: offKaspersky,
      cleanupDevices: plan.cleanup,
      keptDevices: plan.kept,
      warnings: plan.warnings,
      total,
      components: Object.fromEntries(COMPONENTS.map((c) => [c, componentSums[p]![c] / n])) as Record<Component, number>,
      perDevice: offKaspersky > 0 ? total.p[50] / offKaspersky : null,
      monthlyAtLikely: Object.fromEntries(COMPONENTS.map((c) => [c, Array.from(atLikely.monthly[c])])) as Record<Component, number[]>,
      totalAtLikely: atLikely.total,
      tornado: atLikely.total === 0 ? [] : tornado(inputs, (v) => costBreakdown(plan, valuesOf(v), request.horizonMonths, typical).total).slice(0, 10),
    };
  });
  const cheaper: CostReport["cheaper"] = [];
  for (let a = 0; a < plans.length; a++) {
    for (let b = 0; b < plans.length; b++) {
      if (a === b) continue;
      // The one P(A beats B): a tied trial counts as half.
      const { probability, probabilityStandardError } = paired(totals[a]!, totals[b]!);
      cheaper.push({ a: plans[a]!.optionId, b: plans[b]!.optionId, probability, standardError: probabilityStandardError });
    }
  }
  return {
    horizonMonths: request.horizonMonths,
    trials: n,
    seed: request.seed,
    scheduled: schedule !== undefined,
    options,
    cheaper,
    sunkPrepaid: summarize(sunk),
    sunkPrepaidAtLikely: sunkPrepaid(sunkDevices, likelyValues),
    sunkPrepaidNote: SUNK_PREPAID_NOTE,
    ...(request.keepDraws ? { draws: totals } : {}),
  };
}
