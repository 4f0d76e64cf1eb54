import { mean as distributionMean, type Distribution } from "../engine/distributions.js";
import { poissonQuantile, quantileFunction } from "../engine/quantile.js";
import { streamKey, uniformAt } from "../engine/streams.js";
import { convergence, exceedance, exceedanceCurve, quantileStandardErrors, scaleSummary, summarize, type Convergence, type ExceedancePoint, type Summary } from "../engine/summary.js";
import { decayMultiplier } from "./decay.js";
import { fleetMultiplier, type ExposureProfile, type LossFleet } from "./exposure.js";

/** The uncertain inputs of the loss model, as distributions. */
export interface LossInputs {
  /** Material loss events a year with current controls and up-to-date protection. */
  lefBase: Distribution;
  /** Share of loss events whose likelihood scales with endpoint protection. */
  s: Distribution;
  mInf: Distribution;
  mKsn: Distribution;
  tau: Distribution;
  /** Loss per event: a lognormal. */
  lossMagnitude: Distribution;
}

export const UNCERTAIN_INPUTS = ["lefBase", "s", "mInf", "mKsn", "tau"] as const;
export type UncertainInput = (typeof UNCERTAIN_INPUTS)[number];

/** Weeks in the coming year, the period "expected loss" is stated for. */
export const YEAR_WEEKS = 52;

/** One trial's values of the uncertain inputs. */
export type LossValues = Record<UncertainInput, number>;

/** What one trial gives: realised and expected loss, with and without the frozen fleet. */
export interface TrialLoss {
  values: LossValues;
  /** The fleet's weighted infection multiplier averaged over the coming year. */
  multiplierYear: number;
  /** Loss events expected in the coming year. */
  rateYear: number;
  /** The year's realised loss: Poisson(rate) events, each with a drawn magnitude. */
  year: number;
  /** The same year had nothing been frozen (the baseline no option removes), on the same draws. */
  baselineYear: number;
  /** rate × mean loss per event. */
  expectedYear: number;
  /** Expected loss over the horizon's weeks, each discounted to today at the trial's rate. */
  expectedHorizon: number;
}

/** Days in a year, and weeks in the coming year, as the loss model counts them. */
export const DAYS_PER_YEAR = 365.25;

export interface TrialOptions {
  /** Annual rate the horizon's losses are discounted at (the cost model's, for the same trial). */
  discountRate?: number;
  /** Adds each week's expected annual-loss rate (with `remaining`, and doing nothing) into these, for charts. */
  weekly?: { plan: Float64Array; doNothing: Float64Array };
}

/**
 * The loss model, trial by trial, with common random numbers: trial t's inputs, its count of
 * loss events and each event's magnitude come from substreams addressed by (seed, name, t), so
 * two scenarios on the same seed see the same world in trial t, and differ only where their
 * inputs do. A lower rate of events in the same trial never gives more events (inversion from
 * one uniform), so less exposure never costs more, trial by trial.
 *
 * Frequency: LEF(week) = LEF_base·((1 − s) + s·E(week)), E the fleet's weighted infection
 * multiplier that week: 1 for unfrozen devices and for frozen ones already migrated, and
 * M(t) = M_ksn + (M_inf − M_ksn)(1 − e^(−t/τ)) for frozen devices still on Kaspersky, t their
 * days frozen at mid-week (they age over the year).
 */
export interface LossSampler {
  /**
   * Trial t. `remaining` is each group's share still on Kaspersky at the middle of each week from
   * the as-of date, group-major (`remaining[g * weeks + j]`), for `weeks` weeks; null keeps every
   * frozen device frozen (doing nothing).
   */
  at(t: number, remaining: Float64Array | null, options?: TrialOptions): TrialLoss;
  values(t: number): LossValues;
  /** Weeks of `remaining` per group: the horizon, and at least the coming year. */
  weeks: number;
  /** Weeks of the horizon. */
  horizonWeeks: number;
  meanMagnitude: number;
}

/** Loss events drawn in one run at most (about a second of drawing): beyond it the inputs describe no real organisation. */
export const LOSS_EVENT_BUDGET = 50_000_000;

function tooManyEvents(t: number, rate: number): string {
  return `loss events a year are too many to simulate: more than ${LOSS_EVENT_BUDGET.toLocaleString("en-US")} events drawn by trial ${(t + 1).toLocaleString("en-US")} (that trial's rate: ${rate.toLocaleString("en-US", { maximumSignificantDigits: 3 })} a year). Lower the baseline loss events a year or the infection multipliers (an organisation has a few material loss events a year at most), or the trials`;
}

export function lossSampler(fleet: LossFleet, inputs: LossInputs, seed: number, horizonWeeks = YEAR_WEEKS): LossSampler {
  const horizon = Math.max(1, Math.round(horizonWeeks));
  const weeks = Math.max(YEAR_WEEKS, horizon);
  const quantile = Object.fromEntries(UNCERTAIN_INPUTS.map((k) => [k, quantileFunction(inputs[k])])) as Record<UncertainInput, (u: number) => number>;
  const keys = Object.fromEntries(UNCERTAIN_INPUTS.map((k) => [k, streamKey(seed, `loss.${k}`)])) as Record<UncertainInput, number>;
  const eventsKey = streamKey(seed, "loss.events");
  const magnitudeKey = streamKey(seed, "loss.magnitude");
  const magnitude = quantileFunction(inputs.lossMagnitude);
  const meanMagnitude = distributionMean(inputs.lossMagnitude);
  const { totalWeight, unfrozenWeight, groups } = fleet;
  const decaying = new Float64Array(groups.length);
  const values = (t: number): LossValues => {
    const mInf = Math.max(1, quantile.mInf(uniformAt(keys.mInf, t)));
    return {
      lefBase: quantile.lefBase(uniformAt(keys.lefBase, t)),
      s: quantile.s(uniformAt(keys.s, t)),
      mInf,
      // Stale protection is never better than current, nor better once cloud lookups stop than later.
      mKsn: Math.min(mInf, Math.max(1, quantile.mKsn(uniformAt(keys.mKsn, t)))),
      tau: quantile.tau(uniformAt(keys.tau, t)),
    };
  };
  // Every event's size is drawn: a rate in the millions over many trials would run for hours, so
  // the run is refused past a budget of events, with a message that names the inputs to lower.
  let drawn = 0;
  const realised = (rate: number, u: number, t: number) => {
    const n = poissonQuantile(rate, u);
    drawn += n;
    if (drawn > LOSS_EVENT_BUDGET) throw new RangeError(tooManyEvents(t, rate));
    let loss = 0;
    for (let k = 0; k < n; k++) loss += magnitude(uniformAt(magnitudeKey, t, k));
    return loss;
  };
  return {
    weeks,
    horizonWeeks: horizon,
    meanMagnitude,
    values,
    at(t, remaining, options = {}) {
      const v = values(t);
      let frozenWeight = 0;
      for (let g = 0; g < groups.length; g++) {
        const { days, weightAtDays } = groups[g]!;
        frozenWeight += groups[g]!.frozenWeight;
        // Past 36 time constants e^(−t/τ) < 3e-16, below double precision of the sum.
        const horizon = 36 * v.tau;
        let sum = 0;
        for (let i = 0; i < days.length && days[i]! <= horizon; i++) sum += weightAtDays[i]! * Math.exp(-days[i]! / v.tau);
        decaying[g] = sum;
      }
      // Each frozen group contributes W_g when migrated, and M_inf·W_g − (M_inf − M_ksn)·D_g·e^(−age/τ) while frozen.
      const step = Math.exp(-7 / v.tau);
      const totalDecay = sumDecay(decaying);
      const weekly = options.weekly;
      // Week j's discount factor, (1 + r)^(−(j + ½)·7/365.25).
      const discountStep = Math.pow(1 + (options.discountRate ?? 0), -7 / DAYS_PER_YEAR);
      let discount = Math.sqrt(discountStep);
      let age = Math.exp(-3.5 / v.tau);
      let multiplierYear = 0;
      let horizonSum = 0;
      for (let j = 0; j < weeks; j++) {
        const nothing = unfrozenWeight + v.mInf * frozenWeight - (v.mInf - v.mKsn) * totalDecay * age;
        let e = nothing;
        if (remaining !== null) {
          e = unfrozenWeight;
          for (let g = 0; g < groups.length; g++) {
            const w = groups[g]!.frozenWeight;
            const r = remaining[g * weeks + j]!;
            e += w + r * ((v.mInf - 1) * w - (v.mInf - v.mKsn) * decaying[g]! * age);
          }
        }
        const multiplier = totalWeight === 0 ? 1 : e / totalWeight;
        if (j < YEAR_WEEKS) multiplierYear += multiplier / YEAR_WEEKS;
        if (j < horizon) horizonSum += discount * (1 - v.s + v.s * multiplier);
        if (weekly && j < weekly.plan.length) {
          weekly.plan[j]! += v.lefBase * (1 - v.s + v.s * multiplier) * meanMagnitude;
          weekly.doNothing[j]! += v.lefBase * (1 - v.s + v.s * (totalWeight === 0 ? 1 : nothing / totalWeight)) * meanMagnitude;
        }
        age *= step;
        discount *= discountStep;
      }
      const rateYear = v.lefBase * (1 - v.s + v.s * multiplierYear);
      const u = uniformAt(eventsKey, t);
      return {
        values: v,
        multiplierYear,
        rateYear,
        year: realised(rateYear, u, t),
        baselineYear: realised(v.lefBase, u, t),
        expectedYear: rateYear * meanMagnitude,
        expectedHorizon: v.lefBase * horizonSum * (7 / DAYS_PER_YEAR) * meanMagnitude,
      };
    },
  };
}

function sumDecay(decaying: Float64Array): number {
  let s = 0;
  for (let i = 0; i < decaying.length; i++) s += decaying[i]!;
  return s;
}

export interface LossOptions {
  trials: number;
  seed: number;
  /** An annual loss the organisation is willing to bear; its exceedance probability is reported. */
  riskTolerance?: number;
}

/** A figure with its Monte Carlo standard error. */
export interface Estimate {
  value: number;
  standardError: number;
}

export interface LossResult {
  trials: number;
  seed: number;
  /** The fleet's weighted infection multiplier today, at the most likely decay parameters. */
  multiplierAtLikely: number;
  /** Annual loss, doing nothing: a draw of loss events, each with a drawn magnitude. */
  annualLoss: Summary;
  expectedAnnualLoss: Estimate;
  percentiles: { p50: Estimate; p90: Estimate; p95: Estimate; p99: Estimate };
  /** Expected loss a year from the frozen fleet alone, above what the same fleet fully protected would lose. */
  excessAnnualLoss: Summary;
  /** That excess per week: what a week's delay costs. */
  costOfDelayPerWeek: Summary;
  exceedanceCurve: ExceedancePoint[];
  tolerance: ExceedancePoint | null;
  convergence: Convergence;
  /** Per-trial inputs and expected loss, for sensitivity; dropped before results cross threads. */
  draws: Record<UncertainInput, Float64Array> & { expectedLoss: Float64Array };
  /** Each trial's annual loss, for pairing scenarios trial by trial. */
  annualDraws: Float64Array;
}

/** Expected loss over the coming year, doing nothing: every frozen device stays frozen, and ages. */
export function simulateLoss(profile: ExposureProfile, inputs: LossInputs, options: LossOptions): LossResult {
  const n = options.trials;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`trials must be a whole number of at least 1, got ${n}`);
  const fleet: LossFleet = { totalWeight: profile.totalWeight, unfrozenWeight: profile.unfrozenWeight, groups: [{ frozenWeight: profile.totalWeight - profile.unfrozenWeight, frozenDevices: profile.frozenDevices, days: profile.days, weightAtDays: profile.weightAtDays }] };
  const sampler = lossSampler(fleet, inputs, options.seed);
  const draws = { ...(Object.fromEntries(UNCERTAIN_INPUTS.map((k) => [k, new Float64Array(n)])) as Record<UncertainInput, Float64Array>), expectedLoss: new Float64Array(n) };
  const annual = new Float64Array(n);
  const excess = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const r = sampler.at(t, null);
    annual[t] = r.year;
    excess[t] = (r.rateYear - r.values.lefBase) * sampler.meanMagnitude;
    for (const k of UNCERTAIN_INPUTS) draws[k][t] = r.values[k];
    draws.expectedLoss[t] = r.expectedYear;
  }
  const summary = summarize(annual);
  const excessSummary = summarize(excess);
  const [se50, se90, se95, se99] = quantileStandardErrors(annual, [0.5, 0.9, 0.95, 0.99]);
  const likely = (d: Distribution) => (d.kind === "pert" || d.kind === "triangular" ? d.mode : distributionMean(d));
  const mInfLikely = likely(inputs.mInf);
  return {
    trials: n,
    seed: options.seed,
    multiplierAtLikely: fleetMultiplier(profile, (days) => decayMultiplier(days, { mInf: mInfLikely, mKsn: Math.min(likely(inputs.mKsn), mInfLikely), tau: likely(inputs.tau) })),
    annualLoss: summary,
    expectedAnnualLoss: { value: summary.mean, standardError: summary.standardError },
    percentiles: {
      p50: { value: summary.p[50], standardError: se50! },
      p90: { value: summary.p[90], standardError: se90! },
      p95: { value: summary.p[95], standardError: se95! },
      p99: { value: summary.p[99], standardError: se99! },
    },
    excessAnnualLoss: excessSummary,
    costOfDelayPerWeek: scaleSummary(excessSummary, 1 / 52),
    exceedanceCurve: exceedanceCurve(annual),
    tolerance: options.riskTolerance === undefined ? null : exceedance(annual, options.riskTolerance),
    convergence: convergence(annual),
    draws,
    annualDraws: annual,
  };
}
