import { pert, triangular, type Distribution } from "../engine/distributions.js";
import { quantileFunction } from "../engine/quantile.js";
import { streamKey, uniformAt } from "../engine/streams.js";
import { quantilesOf } from "../engine/summary.js";
import { deadlineDays, deadlinePassed } from "../regulation/deadlines.js";
import type { Deadline, MigrationPlan, PlanRange } from "../schema/index.js";
import { isoDay, utcMidnight } from "../util/dates.js";
import { DEADLINE_STATE_LABELS, deadlineState } from "./deadline-state.js";
import type { FleetRow } from "./fleet.js";
import type { FrozenRule } from "./frozen.js";
import { freezeDays, schedule, wavesFor, workspace, type Schedule, type ScheduleValues, type WaveDevices, type Workspace } from "./schedule.js";

export const PLAN_KEYS = ["procurementDays", "preparationDays", "pilotDays", "capacityPerWeek", "stragglerShare", "stragglerDays", "decommissionDays", "slippage"] as const satisfies readonly (keyof ScheduleValues)[];

/** The plan's quantities drawn per trial, each from its own substream (common random numbers): one uniform a trial. */
export interface PlanDraws {
  /** Trial t's values of every quantity, written into `into`. */
  draw(t: number, into: ScheduleValues): ScheduleValues;
  /** The uniform a quantity's substream gives trial t (for drawing it from another distribution). */
  uniform(key: (typeof PLAN_KEYS)[number], t: number): number;
}

export function planDraws(plan: MigrationPlan, seed: number): PlanDraws {
  const quantiles = PLAN_KEYS.map((k) => quantileFunction(rangeDistribution(plan[k])));
  const keys = PLAN_KEYS.map((k) => streamKey(seed, `plan.${k}`));
  return {
    draw(t, into) {
      for (let i = 0; i < PLAN_KEYS.length; i++) into[PLAN_KEYS[i]!] = quantiles[i]!(uniformAt(keys[i]!, t));
      return into;
    },
    uniform: (key, t) => uniformAt(keys[PLAN_KEYS.indexOf(key)]!, t),
  };
}

export function rangeDistribution(r: PlanRange): Distribution {
  return r.shape === "triangular" ? triangular(r.low, r.likely, r.high) : pert(r.low, r.likely, r.high);
}

/** Quantiles of a set of days (Infinity for "never") as ISO dates, or null for never. */
export interface DateQuantiles {
  p10: string | null;
  p50: string | null;
  p80: string | null;
  p90: string | null;
}

export interface DeadlineOutlook {
  deadline: Deadline;
  /** P(every device is off Kaspersky by the deadline's date), with its standard error. */
  probability: number;
  standardError: number;
  /** The deadline's instant is at or before the as-of date: already missed while Kaspersky remains. */
  passed: boolean;
  /** The deadline's instant is at or before the plan's start: no schedule of this plan can meet it (set by `timelineReport`). */
  beforeStart?: boolean;
}

export interface TimelineReport {
  start: string;
  trials: number;
  seed: number;
  devices: number;
  waves: (WaveDevices & { end: DateQuantiles })[];
  phases: { id: string; label: string; start: DateQuantiles; end: DateQuantiles }[];
  /** All devices off Kaspersky. */
  completion: DateQuantiles;
  /** The management server decommissioned. */
  done: DateQuantiles;
  deadlines: DeadlineOutlook[];
  /** Devices still on Kaspersky at the end of each week, P10/P50/P90 across trials. */
  burnDown: { week: number; date: string; p10: number; p50: number; p90: number }[];
  frozenDeviceDays: { p10: number; p50: number; mean: number; p90: number };
}

/** Called once per trial with that trial's schedule (the workspace holds its migrated-so-far curve). */
export type TrialHook = (t: number, s: Schedule, values: ScheduleValues, ws: Workspace, waves: readonly WaveDevices[]) => void;

export interface TimelineRequest {
  plan: MigrationPlan;
  /** The devices the plan migrates (an option may keep some on Kaspersky). */
  rows: readonly FleetRow[];
  updatesStopped: string;
  /** Whether devices with no signature date count as frozen. */
  rule: FrozenRule;
  /** The date figures are for; deadlines at or before it have passed (else: before the plan's start). */
  asOf?: string;
  /** Sees each trial's schedule: how the loss and cost models follow the same simulated plan. */
  onTrial?: TrialHook;
  deadlines: readonly Deadline[];
  trials: number;
  seed: number;
  /** Multiplies the plan's capacity (for "what would it take"). */
  capacityScale?: number;
  horizonWeeks?: number;
}

/**
 * The burn-down's bands come from the first 20,000 trials: ample for P10/P50/P90 of a weekly
 * count, and it keeps a million-trial run from holding a hundred weekly arrays of a million.
 */
export const BURN_DOWN_TRIALS = 20_000;

interface Draws {
  waves: WaveDevices[];
  allMigrated: Float64Array;
  done: Float64Array;
  waveEnds: Float64Array[];
  phaseStarts: Float64Array[];
  phaseEnds: Float64Array[];
  phaseIds: { id: string; label: string }[];
  remaining: Float64Array[];
  deviceDays: Float64Array;
}

function simulate(request: TimelineRequest, waves: WaveDevices[], horizonWeeks: number): Draws {
  const { plan, trials } = request;
  // Common random numbers: each of the plan's quantities has its own substream, one uniform a trial.
  const draws = planDraws(plan, request.seed);
  const freezes = freezeDays(plan);
  const scale = request.capacityScale ?? 1;
  const out: Draws = {
    waves,
    allMigrated: new Float64Array(trials),
    done: new Float64Array(trials),
    waveEnds: waves.map(() => new Float64Array(trials)),
    phaseStarts: [],
    phaseEnds: [],
    phaseIds: [],
    remaining: Array.from({ length: horizonWeeks }, () => new Float64Array(Math.min(trials, BURN_DOWN_TRIALS))),
    deviceDays: new Float64Array(trials),
  };
  const values = {} as ScheduleValues;
  const scratch = workspace();
  for (let t = 0; t < trials; t++) {
    draws.draw(t, values);
    values.capacityPerWeek *= scale;
    const s = schedule(waves, values, { pilotDevices: plan.pilotDevices, learningWeeks: plan.learningWeeks, freezes, horizonWeeks, workspace: scratch });
    request.onTrial?.(t, s, values, scratch, waves);
    if (t === 0) {
      out.phaseIds = s.phases.map((p) => ({ id: p.id, label: p.label }));
      out.phaseStarts = s.phases.map(() => new Float64Array(trials));
      out.phaseEnds = s.phases.map(() => new Float64Array(trials));
    }
    out.allMigrated[t] = s.allMigrated;
    out.done[t] = s.done;
    s.waveEnds.forEach((d, w) => (out.waveEnds[w]![t] = d));
    s.phases.forEach((p, i) => {
      out.phaseStarts[i]![t] = p.start;
      out.phaseEnds[i]![t] = p.end;
    });
    if (t < BURN_DOWN_TRIALS) for (let j = 0; j < horizonWeeks; j++) out.remaining[j]![t] = s.remainingByWeek[j]!;
    out.deviceDays[t] = s.frozenDeviceDays;
  }
  return out;
}

/** P(done within `days` of the start) from completion draws, with its standard error. */
export function within(allMigrated: Float64Array, days: number): { probability: number; standardError: number } {
  let count = 0;
  for (let i = 0; i < allMigrated.length; i++) if (allMigrated[i]! <= days) count++;
  const p = count / allMigrated.length;
  return { probability: p, standardError: Math.sqrt((p * (1 - p)) / allMigrated.length) };
}

/** The migration schedule simulated against the deadlines. */
export function timelineReport(request: TimelineRequest): TimelineReport {
  const horizonWeeks = request.horizonWeeks ?? 104;
  const waves = wavesFor(request.plan, request.rows, request.updatesStopped, request.rule);
  const d = simulate(request, waves, horizonWeeks);
  const start = request.plan.start;
  const startMs = utcMidnight(start);
  // Day offset d falls on the start date plus floor(d) days.
  const dateOf = (days: number) => (Number.isFinite(days) ? isoDay(startMs + Math.floor(days) * 86_400_000) : null);
  const quantiles = (draws: Float64Array): DateQuantiles => {
    const [p10, p50, p80, p90] = quantilesOf(draws, [0.1, 0.5, 0.8, 0.9]).map(dateOf);
    return { p10: p10!, p50: p50!, p80: p80!, p90: p90! };
  };
  const total = waves.reduce((s, w) => s + w.devices, 0);
  const burnDown = d.remaining.map((draws, week) => {
    const date = isoDay(startMs + 7 * (week + 1) * 86_400_000);
    // Once every trial has finished there is nothing left to sort.
    if (draws.every((x) => x === 0)) return { week: week + 1, date, p10: 0, p50: 0, p90: 0 };
    const [p10, p50, p90] = quantilesOf(draws, [0.1, 0.5, 0.9]);
    return { week: week + 1, date, p10: p10!, p50: p50!, p90: p90! };
  });
  const [dd10, dd50, dd90] = quantilesOf(d.deviceDays, [0.1, 0.5, 0.9]);
  const finite = d.deviceDays.filter(Number.isFinite);
  return {
    start,
    trials: request.trials,
    seed: request.seed,
    devices: total,
    waves: waves.map((w, i) => ({ ...w, end: quantiles(d.waveEnds[i]!) })),
    phases: d.phaseIds.map((p, i) => ({ ...p, start: quantiles(d.phaseStarts[i]!), end: quantiles(d.phaseEnds[i]!) })),
    completion: quantiles(d.allMigrated),
    done: quantiles(d.done),
    deadlines: request.deadlines.map((deadline) => {
      // Met when the last device is off Kaspersky by the deadline's instant (00:00 EDT for the cutoff; the end of the day for a date).
      const days = deadlineDays(start, deadline);
      return { deadline, passed: request.asOf === undefined ? days <= 0 : deadlinePassed(request.asOf, deadline), beforeStart: days <= 0, ...within(d.allMigrated, days) };
    }),
    burnDown,
    frozenDeviceDays: { p10: dd10!, p50: dd50!, p90: dd90!, mean: finite.length === d.deviceDays.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Infinity },
  };
}

/**
 * What would it take: the capacity (devices a week, at full speed, most likely) for which
 * P(every device off Kaspersky by `deadline`) reaches `target`, found by bisection on a
 * multiple of the plan's capacity (more capacity never finishes later). Null when even 20×
 * the plan's capacity is not enough (the fixed phases alone run past the deadline).
 */
export function capacityFor(request: TimelineRequest, deadline: string, target: number): number | null {
  const days = deadlineDays(request.plan.start, { date: deadline });
  const waves = wavesFor(request.plan, request.rows, request.updatesStopped, request.rule);
  const scale = smallestScale((s) => within(simulate({ ...request, capacityScale: s, onTrial: undefined }, waves, 1).allMigrated, days).probability, target);
  return scale === null ? null : scale * request.plan.capacityPerWeek.likely;
}

/**
 * The smallest multiple of a capacity, from 0.05 to 20, for which `p` (never lower for more
 * capacity) reaches `target`, by bisection on its logarithm to 0.5%; null when 20× is not enough.
 */
export function smallestScale(p: (scale: number) => number, target: number): number | null {
  let lo = 0.05;
  let hi = 20;
  if (p(hi) < target) return null;
  if (p(lo) >= target) return lo;
  for (let i = 0; i < 30 && hi / lo > 1.005; i++) {
    const mid = Math.sqrt(lo * hi);
    if (p(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The label of a deadline that fell before the as-of date (`deadlineState`'s "already-missed"). */
export const ALREADY_MISSED = DEADLINE_STATE_LABELS["already-missed"];

/**
 * How a deadline's outlook reads in a table, page, CLI or memo alike: `deadlineState(d, plan).label`
 * ("met (P 95.0%)", "at risk (P 62.0% ± 0.5%)", "missed before the plan starts", "already missed
 * (before the as-of date)"; with `plan: null`, "missed: no migration plan").
 */
export function outlookText(d: DeadlineOutlook, plan?: { start: string } | null): string {
  return deadlineState(d, plan).label;
}
