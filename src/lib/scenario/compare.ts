import type { Distribution } from "../engine/distributions.js";
import { equalCountBins } from "../engine/bins.js";
import { quantileFunction } from "../engine/quantile.js";
import { streamKey, uniformAt } from "../engine/streams.js";
import type { Evaluation } from "../model/evaluate.js";
import { paired, type PairedComparison } from "../model/paired.js";
import type { DeadlineOutlook } from "../model/timeline-report.js";

/** The first deadline still ahead: the one a plan can still meet. */
export const nextDeadline = (e: Pick<Evaluation, "deadlines">): DeadlineOutlook | null => e.deadlines.find((d) => !d.passed) ?? null;

/** Deadlines the law or a contract sets (not the organisation's own), still ahead. */
export const hardDeadlines = (e: Pick<Evaluation, "deadlines">): DeadlineOutlook[] => e.deadlines.filter((d) => !d.passed && (d.deadline.kind === "regulatory" || d.deadline.kind === "contractual"));

/** An option "meets" a hard deadline when it does so with at least this probability. */
export const MEET_PROBABILITY = 0.8;

/** One uncertain input of the decision, as drawn: its substream's name and its distribution. */
export interface DecisionInput {
  id: string;
  label: string;
  /** The substream it is drawn from (`loss.s`, `plan.capacityPerWeek`, `cost.streetDiscount`…). */
  stream: string;
  distribution: Distribution;
  unit?: string;
}

export interface RankedOption {
  id: string;
  name: string;
  /** Cost plus expected loss over the horizon. */
  total: { mean: number; standardError: number };
  /** Against the best: the paired difference (this minus the best), P(this beats the best), and whether that is a tie. */
  versusBest: PairedComparison | null;
  /** Hard deadlines it is unlikely to meet (P below 80%). */
  misses: DeadlineOutlook[];
}

export interface SwitchingValue {
  input: string;
  label: string;
  /** The input's value at which the recommended option and the runner-up cost the same, or null when it never does within the input's range. */
  value: number | null;
  low: number;
  high: number;
  /** Which way the input must move for the runner-up to win. */
  direction: "higher" | "lower" | null;
}

export interface DecisionAnalysis {
  ranking: RankedOption[];
  recommendation: { id: string; name: string; reasons: string[] } | null;
  /** Expected value of perfect information on the decision: what knowing every input exactly would save, on average. */
  evpi: { value: number; standardError: number };
  /** Per input: the expected value of perfect information about it alone (binned), largest first. */
  evppi: { input: string; label: string; value: number }[];
  switchingValues: SwitchingValue[];
}

const usd = (x: number) => `$${Math.round(Math.abs(x)).toLocaleString("en-US")}`;
const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The trial-by-trial draws of an input, recomputed from its substream: the same numbers the evaluation used. */
export function inputDraws(seed: number, input: DecisionInput, trials: number): Float64Array {
  const q = quantileFunction(input.distribution);
  const key = streamKey(seed, input.stream);
  return Float64Array.from({ length: trials }, (_, t) => q(uniformAt(key, t)));
}

/**
 * The decision: options ranked on cost plus expected loss over the horizon, each compared with
 * the best trial by trial; differences within Monte Carlo error are ties, and said to be. An
 * option that is unlikely to meet a legal or contractual deadline is never recommended silently:
 * the recommendation goes to the cheapest option that meets them all, and the reasons say what
 * that costs against the cheapest overall; if none meets them, the reasons say so.
 */
export function decide(evaluations: readonly Evaluation[], inputs: readonly DecisionInput[] = []): DecisionAnalysis {
  const empty: DecisionAnalysis = { ranking: [], recommendation: null, evpi: { value: 0, standardError: 0 }, evppi: [], switchingValues: [] };
  if (evaluations.length === 0) return empty;
  const sorted = [...evaluations].sort((a, b) => a.horizonTotal.mean - b.horizonTotal.mean || a.name.localeCompare(b.name));
  const misses = (e: Evaluation) => hardDeadlines(e).filter((d) => d.probability < MEET_PROBABILITY);
  const best = sorted[0]!;
  const ranking: RankedOption[] = sorted.map((e) => ({ id: e.id, name: e.name, total: { mean: e.horizonTotal.mean, standardError: e.horizonTotal.standardError }, versusBest: e === best ? null : paired(e.draws.horizonTotal, best.draws.horizonTotal), misses: misses(e) }));
  if (evaluations.length < 2) return { ...empty, ranking };
  const compliant = sorted.filter((e) => misses(e).length === 0);
  const chosen = compliant[0] ?? best;
  // The runner-up: the best of the rest (the cheapest overall, when the choice had to skip it).
  const runnerUp = sorted.find((e) => e !== chosen)!;
  const vs = paired(chosen.draws.horizonTotal, runnerUp.draws.horizonTotal);
  const months = chosen.horizonMonths;
  const reasons: string[] = [];
  if (chosen === best) {
    reasons.push(`it has the lowest expected cost plus loss over ${months} months: ${usd(chosen.horizonTotal.mean)} (± ${usd(chosen.horizonTotal.standardError)})`);
    if (vs.tie) reasons.push(`against "${runnerUp.name}" the difference, ${usd(vs.meanDifference)}, is within the simulation's error (± ${usd(2 * vs.standardError)}): the two are tied on this measure, so choose between them on other grounds`);
    else reasons.push(`it is ${usd(vs.meanDifference)} (± ${usd(vs.standardError)}) lower than "${runnerUp.name}", and lower in ${pct(vs.probability)} of the simulated futures`);
  } else {
    reasons.push(`it has the lowest expected cost plus loss over ${months} months among the options likely to meet every legal and contractual deadline: ${usd(chosen.horizonTotal.mean)} (± ${usd(chosen.horizonTotal.standardError)})`);
    reasons.push(`"${best.name}" costs ${usd(vs.meanDifference)} (± ${usd(vs.standardError)}) less over the same period but is unlikely to meet ${misses(best).map((m) => `"${m.deadline.label}" (${m.deadline.date}; probability ${pct(m.probability)})`).join(" and ")}`);
  }
  const chosenMisses = misses(chosen);
  if (chosenMisses.length) reasons.push(`no option compared meets every hard deadline: this one meets ${chosenMisses.map((m) => `"${m.deadline.label}" (${m.deadline.date}) with probability ${pct(m.probability)}`).join(", ")}`);

  // Value of information on the decision, from the same paired draws.
  const n = chosen.draws.horizonTotal.length;
  const totals = sorted.map((e) => e.draws.horizonTotal);
  const means = sorted.map((e) => e.horizonTotal.mean);
  const bestMean = Math.min(...means);
  const gain = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let m = Infinity;
    for (const x of totals) if (x[t]! < m) m = x[t]!;
    gain[t] = bestMean - m;
  }
  const gainMean = gain.reduce((a, b) => a + b, 0) / n;
  const gainSd = Math.sqrt(gain.reduce((a, b) => a + (b - gainMean) ** 2, 0) / Math.max(1, n - 1));
  const seed = chosen.seed;
  // Each input's draws and their equal-count bins, sorted once for both measures.
  const drawn = inputs.map((i) => {
    const x = inputDraws(seed, i, n);
    return { input: i, x, bin: binsOf(x) };
  });
  const evppi = drawn
    .map(({ input, x, bin }) => ({ input: input.id, label: input.label, value: binnedEvppi(x, bin, totals, bestMean) }))
    .sort((a, b) => b.value - a.value);
  const diff = new Float64Array(n);
  for (let t = 0; t < n; t++) diff[t] = chosen.draws.horizonTotal[t]! - runnerUp.draws.horizonTotal[t]!;
  const switchingValues = drawn.map(({ input, x, bin }) => switchingValue(input, x, bin, diff));
  return {
    ranking,
    recommendation: { id: chosen.id, name: chosen.name, reasons },
    evpi: { value: gainMean, standardError: gainSd / Math.sqrt(n) },
    evppi,
    switchingValues,
  };
}

const BINS = 20;

const binsOf = (x: Float64Array) => equalCountBins(x, BINS);

/** EVPPI of one input: how much lower the expected total would be if the input were known before choosing (equal-count bins). */
function binnedEvppi(x: Float64Array, bin: Int32Array, totals: Float64Array[], bestMean: number): number {
  const sums = totals.map(() => new Float64Array(BINS));
  const counts = new Float64Array(BINS);
  for (let t = 0; t < x.length; t++) {
    counts[bin[t]!]!++;
    totals.forEach((tot, k) => (sums[k]![bin[t]!]! += tot[t]!));
  }
  let known = 0;
  for (let b = 0; b < BINS; b++) {
    if (counts[b] === 0) continue;
    let m = Infinity;
    for (const s of sums) m = Math.min(m, s[b]! / counts[b]!);
    known += (m * counts[b]!) / x.length;
  }
  return Math.max(0, bestMean - known);
}

/** Where the conditional mean of (recommended − runner-up) given the input crosses zero, by interpolation between bins. */
function switchingValue(input: DecisionInput, x: Float64Array, bin: Int32Array, diff: Float64Array): SwitchingValue {
  const sx = new Float64Array(BINS);
  const sd = new Float64Array(BINS);
  const c = new Float64Array(BINS);
  for (let t = 0; t < x.length; t++) {
    sx[bin[t]!]! += x[t]!;
    sd[bin[t]!]! += diff[t]!;
    c[bin[t]!]!++;
  }
  const points = Array.from({ length: BINS }, (_, b) => ({ x: sx[b]! / c[b]!, d: sd[b]! / c[b]! })).filter((p) => Number.isFinite(p.x));
  let low = Infinity;
  let high = -Infinity;
  for (let t = 0; t < x.length; t++) {
    low = Math.min(low, x[t]!);
    high = Math.max(high, x[t]!);
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.d <= 0 && b.d > 0) return { input: input.id, label: input.label, value: a.x + ((b.x - a.x) * -a.d) / (b.d - a.d), low, high, direction: "higher" };
    if (a.d > 0 && b.d <= 0) return { input: input.id, label: input.label, value: a.x + ((b.x - a.x) * a.d) / (a.d - b.d), low, high, direction: "lower" };
  }
  return { input: input.id, label: input.label, value: null, low, high, direction: null };
}
