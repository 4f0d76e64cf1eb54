/**
 * The rest of the plan, simulated again from the latest snapshot: the devices still on
 * Kaspersky in each wave, and the team's capacity updated by the throughput observed so far.
 *
 * The update (stated in the README): the plan's capacity range is the prior. Observed progress
 * is M devices off Kaspersky since the plan's start, over E effective weeks (what the plan
 * expects to have migrated by the latest snapshot, in units of its capacity: see
 * `effectiveWeeks`), taken as a Poisson count with mean c·E for capacity c. The posterior is the prior reweighted by that likelihood, computed on
 * 2,000 quantiles of equal prior mass, so with no evidence it is the plan's own range.
 * Each trial draws its capacity from the posterior with the plan's own capacity substream,
 * and every other quantity as the plan draws it (common random numbers).
 */
import { quantileFunction } from "../engine/quantile.js";
import { quantilesOf } from "../engine/summary.js";
import { deadlineDays, deadlinePassed } from "../regulation/deadlines.js";
import type { Deadline, MigrationPlan } from "../schema/index.js";
import { freezeDays, migratedAt, schedule, workspace, type ScheduleValues, type WaveDevices } from "../model/schedule.js";
import { planDraws, rangeDistribution, smallestScale, within } from "../model/timeline-report.js";
import { daysBetween, isoDay, utcMidnight } from "../util/dates.js";

/** Grid points of the capacity posterior (each holds 1/GRID of the prior's mass). */
const GRID = 2000;

export interface CapacityPosterior {
  /** The plan's capacity (devices a week at full speed): its prior mean, and the mean after the evidence. */
  priorMean: number;
  posteriorMean: number;
  /** Capacity at a probability (the posterior's inverse distribution function). */
  quantile(u: number): number;
}

/** The plan's capacity range updated by `migrated` devices over `weeks` effective weeks (see the module's note). */
export function capacityPosterior(plan: Pick<MigrationPlan, "capacityPerWeek">, migrated: number, weeks: number): CapacityPosterior {
  const prior = quantileFunction(rangeDistribution(plan.capacityPerWeek));
  const points = Float64Array.from({ length: GRID }, (_, k) => prior((k + 0.5) / GRID));
  // Log-likelihood of a Poisson count `migrated` with mean c·weeks, less its largest value (no overflow).
  const logL = points.map((c) => (weeks > 0 ? migrated * Math.log(Math.max(c * weeks, 1e-300)) - c * weeks : 0));
  const top = Math.max(...logL);
  const weights = logL.map((l) => Math.exp(l - top));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(GRID);
  let sum = 0;
  let mean = 0;
  for (let k = 0; k < GRID; k++) {
    sum += weights[k]! / total;
    cumulative[k] = sum;
    mean += (points[k]! * weights[k]!) / total;
  }
  return {
    priorMean: points.reduce((a, b) => a + b, 0) / GRID,
    posteriorMean: mean,
    quantile(u) {
      let lo = 0;
      let hi = GRID - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return points[lo]!;
    },
  };
}

/** The day (offset from the plan's start, at the plan's most likely durations and slippage) its migration starts: the pilot's first day. */
export function migrationStartDay(plan: MigrationPlan): number {
  return (plan.procurementDays.likely + plan.preparationDays.likely) * plan.slippage.likely;
}

/**
 * Effective weeks of migration from the plan's start to `to`: the devices the plan expects to
 * have migrated by then in capacity units (each trial's migrated devices divided by its
 * capacity, averaged over the plan's own trials), so that progress exactly as the plan expects
 * is evidence for the plan's own capacity. Phases, the pilot, the learning curve, freezes and
 * slippage are all in it, as the plan simulates them.
 */
export function effectiveWeeks(plan: MigrationPlan, waves: readonly WaveDevices[], to: string, seed: number, trials = 2_000): number {
  const day = daysBetween(plan.start, to);
  if (day <= 0) return 0;
  const draws = planDraws(plan, seed);
  const freezes = freezeDays(plan);
  const values = {} as ScheduleValues;
  const scratch = workspace();
  let sum = 0;
  for (let t = 0; t < trials; t++) {
    draws.draw(t, values);
    schedule(waves, values, { pilotDevices: plan.pilotDevices, learningWeeks: plan.learningWeeks, freezes, horizonWeeks: 1, workspace: scratch });
    sum += migratedAt(scratch, day) / values.capacityPerWeek;
  }
  return sum / trials;
}

export interface ReforecastWave {
  id: string;
  label: string;
  /** Kaspersky devices in the wave at the baseline snapshot, and at the latest. */
  baseline: number;
  remaining: number;
}

export interface ReforecastRequest {
  plan: MigrationPlan;
  waves: readonly ReforecastWave[];
  /** Devices seen migrated since the plan's start (the evidence of capacity: devices not seen are not progress). */
  migrated: number;
  /** Devices left at each snapshot, the first the plan's start: what a deadline already passed is judged by. */
  history: readonly { date: string; remaining: number }[];
  /** The latest snapshot's date: progress is measured from the plan's start (its devices per wave are the baselines) to it. */
  from: string;
  deadlines: readonly Deadline[];
  trials: number;
  seed: number;
}

export interface DeadlineForecast {
  id: string;
  label: string;
  date: string;
  /** P(every device off Kaspersky by the deadline), with its standard error (1 or 0 for one already passed and known). */
  probability: number;
  standardError: number;
  /** The deadline fell on or before the latest snapshot. */
  passed: boolean;
  /**
   * For a passed deadline, what the snapshots say: met (one on or before it shows none left),
   * missed (devices were left at the last one before it and at the first one after it), or
   * unknown (no snapshot before it).
   */
  outcome?: "met" | "missed" | "unknown";
}

/** A deadline's forecast as the page, `offramp track` and the memo all word it. */
export function deadlineForecastText(d: DeadlineForecast): string {
  const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
  if (!d.passed) return `P(meet) ${pct(d.probability)} ± ${pct(d.standardError)}`;
  return d.outcome === "met" ? "passed, met" : d.outcome === "missed" ? "passed, missed" : "passed; no snapshot before it says whether it was met";
}

export interface Reforecast {
  from: string;
  /** Whether the plan's migration had begun by the latest snapshot (else the whole plan is simulated again from its start). */
  started: boolean;
  devicesLeft: number;
  /** The plan's capacity (devices a week at full speed) before and after the evidence: M devices over E effective weeks, M/E observed. */
  capacity: { priorMean: number; priorLikely: number; posteriorMean: number; migrated: number; effectiveWeeks: number; observedPerWeek: number | null };
  completion: { p50: string | null; p80: string | null };
  deadlines: DeadlineForecast[];
  /** The capacity (devices a week at full speed) for an 80% chance of the next deadline, or null when none suffices. */
  capacityFor80: { deadline: string; label: string; capacityPerWeek: number | null } | null;
  trials: number;
  seed: number;
}

/** Completion days (from the re-forecast's origin) per trial, with capacity multiplied by `scale`. */
function simulate(request: ReforecastRequest, started: boolean, posterior: CapacityPosterior, scale: number, trials: number): { origin: string; days: Float64Array } {
  const { plan } = request;
  const draws = planDraws(plan, request.seed);
  const baseline = request.waves.reduce((s, w) => s + w.baseline, 0);
  const remaining = request.waves.reduce((s, w) => s + w.remaining, 0);
  const origin = started ? request.from : plan.start;
  const originPlan = { ...plan, start: origin };
  const freezes = freezeDays(originPlan);
  const waves: WaveDevices[] = request.waves.map((w) => ({ id: w.id, label: w.label, devices: w.remaining, frozen: 0 }));
  // The learning curve starts with the waves, after the pilot (as `schedule` runs it).
  const wavesStart = migrationStartDay(plan) + plan.pilotDays.likely * plan.slippage.likely;
  const learnedWeeks = started ? Math.max(0, (daysBetween(plan.start, request.from) - wavesStart) / 7) : 0;
  const values = {} as ScheduleValues;
  const scratch = workspace();
  const days = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    draws.draw(t, values);
    values.capacityPerWeek = (started ? posterior.quantile(draws.uniform("capacityPerWeek", t)) : values.capacityPerWeek) * scale;
    if (started) {
      // Procurement, preparation and the pilot are behind; the stragglers the waves left still wait.
      values.procurementDays = values.preparationDays = values.pilotDays = 0;
      values.stragglerShare = remaining > 0 ? Math.min(1, (values.stragglerShare * baseline) / remaining) : 0;
    }
    const s = schedule(waves, values, { pilotDevices: started ? 0 : plan.pilotDevices, learningWeeks: plan.learningWeeks, learnedWeeks, freezes, horizonWeeks: 1, workspace: scratch });
    days[t] = s.allMigrated;
  }
  return { origin, days };
}

/** What the snapshots say of a deadline that has passed. */
function passedOutcome(history: ReforecastRequest["history"], deadline: Deadline): "met" | "missed" | "unknown" {
  const before = history.filter((h) => deadlinePassed(h.date, deadline) === false);
  const after = history.filter((h) => deadlinePassed(h.date, deadline));
  if (before.some((h) => h.remaining === 0)) return "met";
  if (before.length && after.length && after[0]!.remaining > 0) return "missed";
  return "unknown";
}

/** The rest of the plan from the latest snapshot, against every deadline. */
export function reforecast(request: ReforecastRequest): Reforecast {
  const { plan } = request;
  const started = daysBetween(plan.start, request.from) > migrationStartDay(plan);
  const migrated = Math.max(0, request.migrated);
  const devicesLeft = request.waves.reduce((s, w) => s + w.remaining, 0);
  const baselineWaves = request.waves.map((w) => ({ id: w.id, label: w.label, devices: w.baseline, frozen: 0 }));
  const weeks = started ? effectiveWeeks(plan, baselineWaves, request.from, request.seed) : 0;
  const posterior = capacityPosterior(plan, migrated, weeks);
  const passed = (d: Deadline): DeadlineForecast => {
    const outcome = passedOutcome(request.history, d);
    return { id: d.id, label: d.label, date: d.date, passed: true, outcome, probability: outcome === "met" ? 1 : 0, standardError: 0 };
  };
  const capacity = { priorMean: posterior.priorMean, priorLikely: plan.capacityPerWeek.likely, posteriorMean: started ? posterior.posteriorMean : posterior.priorMean, migrated, effectiveWeeks: weeks, observedPerWeek: weeks > 0 ? migrated / weeks : null };
  if (devicesLeft === 0) {
    // Done: every deadline still ahead is met, and no capacity is needed.
    return {
      from: request.from,
      started,
      devicesLeft,
      capacity,
      completion: { p50: request.from, p80: request.from },
      deadlines: request.deadlines.map((d) => (deadlinePassed(request.from, d) ? passed(d) : { id: d.id, label: d.label, date: d.date, passed: false, probability: 1, standardError: 0 })),
      capacityFor80: null,
      trials: request.trials,
      seed: request.seed,
    };
  }
  const { origin, days } = simulate(request, started, posterior, 1, request.trials);
  const originMs = utcMidnight(origin);
  const dateOf = (d: number) => (Number.isFinite(d) ? isoDay(originMs + Math.floor(d) * 86_400_000) : null);
  const [p50, p80] = quantilesOf(days, [0.5, 0.8]).map(dateOf);
  const deadlines = request.deadlines.map((d): DeadlineForecast => (deadlinePassed(request.from, d) ? passed(d) : { id: d.id, label: d.label, date: d.date, passed: false, ...within(days, deadlineDays(origin, d)) }));
  const next = request.deadlines.filter((d) => !deadlinePassed(request.from, d)).sort((a, b) => a.date.localeCompare(b.date))[0];
  return {
    from: request.from,
    started,
    devicesLeft,
    capacity,
    completion: { p50: p50 ?? null, p80: p80 ?? null },
    deadlines,
    capacityFor80: next ? { deadline: next.date, label: next.label, capacityPerWeek: capacityFor80(request, started, posterior, next) } : null,
    trials: request.trials,
    seed: request.seed,
  };
}

/** Bisection on a multiple of the capacity (more never finishes later), on at most 2,000 trials. */
function capacityFor80(request: ReforecastRequest, started: boolean, posterior: CapacityPosterior, deadline: Deadline): number | null {
  const trials = Math.min(request.trials, 2_000);
  const p = (scale: number) => {
    const { origin, days } = simulate(request, started, posterior, scale, trials);
    return within(days, deadlineDays(origin, deadline)).probability;
  };
  const base = started ? posterior.quantile(0.5) : request.plan.capacityPerWeek.likely;
  const scale = smallestScale(p, 0.8);
  return scale === null ? null : scale * base;
}

/** The capacity update in words: the plan's range (mean and most likely) and what the evidence made of it. */
export function capacityText(f: Pick<Reforecast, "started" | "capacity">): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const c = f.capacity;
  const plan = `the plan's capacity (mean ${n(c.priorMean)} a week, most likely ${n(c.priorLikely)})`;
  if (!f.started) return `${plan}: the migration had not started by the latest snapshot, so the whole plan is simulated again`;
  return `${plan}, updated to a mean of ${n(c.posteriorMean)} a week by ${n(c.migrated)} devices seen migrated over ${c.effectiveWeeks.toFixed(1)} effective weeks (${c.observedPerWeek === null ? "none" : n(c.observedPerWeek)} a week)`;
}
