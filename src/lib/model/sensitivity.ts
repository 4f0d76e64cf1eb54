import { equalCountBins } from "../engine/bins.js";


export interface TornadoBar {
  input: string;
  label: string;
  low: number;
  high: number;
  /** The output with this input at its low and high end, the others at their most likely. */
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

/**
 * One-at-a-time sensitivity: the output at each input's low and high with every other input
 * at its most likely value, sorted by swing, widest first.
 */
export function tornado<K extends string>(
  inputs: readonly { key: K; label: string; likely: number; low: number; high: number }[],
  output: (values: Record<K, number>) => number,
): TornadoBar[] {
  const base = Object.fromEntries(inputs.map((i) => [i.key, i.likely])) as Record<K, number>;
  return inputs
    .map((i) => {
      const outputAtLow = output({ ...base, [i.key]: i.low });
      const outputAtHigh = output({ ...base, [i.key]: i.high });
      return { input: i.key, label: i.label, low: i.low, high: i.high, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
    })
    .sort((a, b) => b.swing - a.swing);
}

/**
 * First-order sensitivity of an output to one input, from Monte Carlo draws: the share of
 * the output's variance explained by the input alone, Var(E[Y | X]) / Var(Y), estimated by
 * averaging Y within `bins` equal-count bins of X. Near 0: refining X would not narrow Y;
 * near 1: X drives Y.
 */
export function varianceShare(x: Float64Array, y: Float64Array, bins = 20): number {
  const n = x.length;
  if (n < bins * 5) return Number.NaN;
  const bin = equalCountBins(x, bins);
  const sums = new Float64Array(bins);
  const counts = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lo = bin[i]!;
    sums[lo]! += y[i]!;
    counts[lo]!++;
    total += y[i]!;
  }
  const mean = total / n;
  let varY = 0;
  for (let i = 0; i < n; i++) varY += (y[i]! - mean) ** 2;
  if (varY === 0) return 0;
  let between = 0;
  for (let b = 0; b < bins; b++) if (counts[b]! > 0) between += counts[b]! * (sums[b]! / counts[b]! - mean) ** 2;
  return Math.min(1, between / varY);
}
