/**
 * Paired comparison of two options' per-trial draws (same seed, same trial index: the same
 * world). The one definition of "P(A beats B)" and of a tie, used by every page, the CLI and
 * the memo.
 */
export interface PairedComparison {
  /** Mean of a − b over the trials. */
  meanDifference: number;
  /** Monte Carlo standard error of that mean, from the paired differences. */
  standardError: number;
  /** What the standard error would be had the draws not been paired (for comparison). */
  unpairedStandardError: number;
  /** P(A beats B): the share of trials where a is lower, a tie in a trial counting as half. */
  probability: number;
  probabilityStandardError: number;
  /** The difference is within Monte Carlo error: |mean difference| <= 2 standard errors. */
  tie: boolean;
}

/** How many standard errors a difference must exceed not to be called a tie. */
export const TIE_Z = 2;

/** Compares a and b where lower is better (loss, cost). Throws if their lengths differ: unpaired draws cannot be compared this way. */
export function paired(a: ArrayLike<number>, b: ArrayLike<number>): PairedComparison {
  const n = a.length;
  if (n !== b.length || n === 0) throw new RangeError(`paired draws need the same number of trials, got ${a.length} and ${b.length}`);
  let sum = 0;
  let sumA = 0;
  let sumB = 0;
  let score = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    sum += x - y;
    sumA += x;
    sumB += y;
    score += x < y ? 1 : x === y ? 0.5 : 0;
  }
  const mean = sum / n;
  const meanA = sumA / n;
  const meanB = sumB / n;
  let ss = 0;
  let ssA = 0;
  let ssB = 0;
  for (let i = 0; i < n; i++) {
    ss += (a[i]! - b[i]! - mean) ** 2;
    ssA += (a[i]! - meanA) ** 2;
    ssB += (b[i]! - meanB) ** 2;
  }
  const denominator = n > 1 ? n * (n - 1) : 1;
  const standardError = Math.sqrt(ss / denominator);
  const p = score / n;
  return {
    meanDifference: mean,
    standardError,
    unpairedStandardError: Math.sqrt(ssA / denominator + ssB / denominator),
    probability: p,
    probabilityStandardError: Math.sqrt((p * (1 - p)) / n),
    tie: Math.abs(mean) <= TIE_Z * standardError,
  };
}
