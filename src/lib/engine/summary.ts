/** What a set of Monte Carlo draws says, with how sure the simulation itself is. */
export interface Summary {
  n: number;
  mean: number;
  /** Monte Carlo standard error of the mean: sd / sqrt(n). */
  standardError: number;
  sd: number;
  min: number;
  max: number;
  /** Percentiles by their number: p[50] is the median. */
  p: Record<5 | 10 | 25 | 50 | 75 | 90 | 95 | 99, number>;
}

/** Linear interpolation between order statistics (type 7, as R and numpy default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summarize(draws: Float64Array): Summary {
  const n = draws.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += draws[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (draws[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const sorted = Float64Array.from(draws).sort();
  const q = (x: number) => quantileSorted(sorted, x);
  return {
    n,
    mean,
    standardError: n > 0 ? sd / Math.sqrt(n) : Number.NaN,
    sd,
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    p: { 5: q(0.05), 10: q(0.1), 25: q(0.25), 50: q(0.5), 75: q(0.75), 90: q(0.9), 95: q(0.95), 99: q(0.99) },
  };
}

/** One point of a loss exceedance curve: the probability that a draw exceeds `threshold`. */
export interface ExceedancePoint {
  threshold: number;
  probability: number;
  /** Standard error of that probability: sqrt(p(1-p)/n). */
  standardError: number;
}

/** P(draw > x) at `points` thresholds spaced evenly in log from the 1st to the 99.9th percentile. */
export function exceedanceCurve(draws: Float64Array, points = 60): ExceedancePoint[] {
  const n = draws.length;
  const sorted = Float64Array.from(draws).sort();
  const positive = sorted.filter((x) => x > 0);
  if (positive.length === 0) return [{ threshold: 0, probability: 0, standardError: 0 }];
  const lo = Math.max(quantileSorted(positive, 0.01), 1e-9);
  const hi = Math.max(quantileSorted(sorted, 0.999), lo * 1.0001);
  const out: ExceedancePoint[] = [];
  for (let i = 0; i < points; i++) {
    const threshold = Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (points - 1));
    const p = (n - upperBound(sorted, threshold)) / n;
    out.push({ threshold, probability: p, standardError: Math.sqrt((p * (1 - p)) / n) });
  }
  return out;
}

/** Index of the first element greater than x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The probability that a draw exceeds `threshold`, with its standard error. */
export function exceedance(draws: Float64Array, threshold: number): ExceedancePoint {
  let count = 0;
  for (let i = 0; i < draws.length; i++) if (draws[i]! > threshold) count++;
  const p = count / draws.length;
  return { threshold, probability: p, standardError: Math.sqrt((p * (1 - p)) / draws.length) };
}

export interface Convergence {
  converged: boolean;
  /** Standard error as a share of the mean's magnitude. */
  relativeError: number;
  /** Largest relative gap between the mean of any of 10 batches and the overall mean, in standard errors of a batch. */
  worstBatch: number;
}

/**
 * Whether the mean has settled: its relative standard error is under `tolerance` (1% by
 * default) and no batch of a tenth of the draws strays beyond 4 of its own standard errors.
 */
export function convergence(draws: Float64Array, tolerance = 0.01): Convergence {
  const { mean, standardError, sd } = summarize(draws);
  const relativeError = mean === 0 ? (standardError === 0 ? 0 : Infinity) : standardError / Math.abs(mean);
  const size = Math.floor(draws.length / 10);
  let worstBatch = 0;
  if (size > 1 && sd > 0) {
    for (let b = 0; b < 10; b++) {
      let sum = 0;
      for (let i = b * size; i < (b + 1) * size; i++) sum += draws[i]!;
      worstBatch = Math.max(worstBatch, Math.abs(sum / size - mean) / (sd / Math.sqrt(size)));
    }
  }
  return { converged: relativeError < tolerance && worstBatch < 4, relativeError, worstBatch };
}

/**
 * Monte Carlo standard error of a percentile, from 20 batches: the spread of the batch
 * percentiles divided by sqrt(20). (Batches of a tenth of a percent of the draws or fewer
 * than 50 give NaN: too few to say.)
 */
export function quantileStandardError(draws: Float64Array, q: number, batches = 20): number {
  return quantileStandardErrors(draws, [q], batches)[0]!;
}

/** `quantileStandardError` for several percentiles at once, sorting each batch once. */
export function quantileStandardErrors(draws: Float64Array, qs: readonly number[], batches = 20): number[] {
  const size = Math.floor(draws.length / batches);
  if (size < 50) return qs.map(() => Number.NaN);
  const values = qs.map(() => [] as number[]);
  for (let b = 0; b < batches; b++) {
    const batch = draws.slice(b * size, (b + 1) * size).sort();
    qs.forEach((q, i) => values[i]!.push(quantileSorted(batch, q)));
  }
  return values.map((v) => {
    const m = v.reduce((s, x) => s + x, 0) / batches;
    return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (batches - 1)) / Math.sqrt(batches);
  });
}

/** A summary of every draw times `factor` (> 0), without drawing again. */
export function scaleSummary(summary: Summary, factor: number): Summary {
  const p = Object.fromEntries(Object.entries(summary.p).map(([k, v]) => [k, v * factor])) as Summary["p"];
  return { n: summary.n, mean: summary.mean * factor, standardError: summary.standardError * factor, sd: summary.sd * factor, min: summary.min * factor, max: summary.max * factor, p };
}

/**
 * Type-7 quantiles of unsorted values without sorting them all: quickselect for each order
 * statistic needed, each search starting where the previous one ended. O(n) per quantile.
 */
export function quantilesOf(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => Number.NaN);
  const a = Float64Array.from(values as ArrayLike<number>);
  const order = qs.map((q, i) => ({ q, i })).sort((x, y) => x.q - y.q);
  const out = new Array<number>(qs.length);
  let from = 0;
  for (const { q, i } of order) {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    const x = select(a, lo, from, n - 1);
    const y = hi === lo ? x : select(a, hi, lo + 1, n - 1);
    out[i] = x + (h - lo) * (y - x);
    from = lo;
  }
  return out;
}

/** Rearranges a[left..right] so that a[k] is the value a full sort would put there; returns it. */
function select(a: Float64Array, k: number, left: number, right: number): number {
  while (right > left) {
    const pivot = a[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}
