import { mean as distributionMean, type Distribution } from "../engine/distributions.js";
import { randomSource } from "../engine/prng.js";
import { poissonDraw, sampler } from "../engine/sample.js";
import { convergence, exceedance, exceedanceCurve, quantileStandardErrors, scaleSummary, summarize, type Convergence, type ExceedancePoint, type Summary } from "../engine/summary.js";
import { decayMultiplier } from "./decay.js";
import { decayFleetMultiplier, fleetMultiplier, type ExposureProfile } from "./exposure.js";

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

export interface LossOptions {
  trials: number;
  seed: number;
  /** An annual loss the organisation is willing to bear; its exceedance probability is reported. */
  riskTolerance?: number;
  /** Share of the frozen fleet still frozen over the year (1: do nothing; a plan's average otherwise). */
  frozenShare?: number;
}

/** A figure with its Monte Carlo standard error. */
export interface Estimate {
  value: number;
  standardError: number;
}

export interface LossResult {
  trials: number;
  seed: number;
  /** The fleet's weighted infection multiplier at the most likely decay parameters. */
  multiplierAtLikely: number;
  /** Annual loss: a draw of loss events, each with a drawn magnitude. */
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

/**
 * Loss-event frequency scaled by the frozen fleet: LEF = LEF_base·((1 − s) + s·E), where E is
 * the fleet's weighted infection multiplier; N ~ Poisson(LEF); each event's loss drawn from
 * the loss magnitude. Seeded: the same inputs and seed give the same result on any machine.
 */
export function simulateLoss(profile: ExposureProfile, inputs: LossInputs, options: LossOptions): LossResult {
  const n = options.trials;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`trials must be a whole number of at least 1, got ${n}`);
  const random = randomSource(options.seed);
  const draw = Object.fromEntries(UNCERTAIN_INPUTS.map((k) => [k, sampler(inputs[k], random)])) as Record<UncertainInput, () => number>;
  const magnitude = sampler(inputs.lossMagnitude, random);
  const meanMagnitude = distributionMean(inputs.lossMagnitude);
  const draws = { ...(Object.fromEntries(UNCERTAIN_INPUTS.map((k) => [k, new Float64Array(n)])) as Record<UncertainInput, Float64Array>), expectedLoss: new Float64Array(n) };
  const annual = new Float64Array(n);
  const excess = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const lef = draw.lefBase();
    const s = draw.s();
    const mInf = draw.mInf();
    const mKsn = Math.min(draw.mKsn(), mInf);
    const tau = draw.tau();
    const e = decayFleetMultiplier(profile, mInf, mKsn, tau, options.frozenShare ?? 1);
    const rate = lef * (1 - s + s * e);
    const events = poissonDraw(rate, random);
    let loss = 0;
    for (let k = 0; k < events; k++) loss += magnitude();
    annual[t] = loss;
    excess[t] = (rate - lef) * meanMagnitude;
    draws.lefBase[t] = lef;
    draws.s[t] = s;
    draws.mInf[t] = mInf;
    draws.mKsn[t] = mKsn;
    draws.tau[t] = tau;
    draws.expectedLoss[t] = rate * meanMagnitude;
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
