import type { Distribution } from "./distributions.js";

/**
 * Inverse distribution functions: a draw is `quantile(u)` for a uniform u from the quantity's
 * own substream. Inversion keeps common random numbers aligned (one uniform per draw, however
 * the parameters change) and monotone: a distribution shifted up gives a draw at least as
 * high for every u, so a scenario that raises an input can only raise what it drives.
 */

/** Standard normal quantile: Acklam's rational approximation (relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return Number.NaN;
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** Points of the tabulated beta quantile function (the table is monotone, so draws are too). */
const BETA_TABLE = 4096;
const BETA_GRID = 16384;
const betaTables = new Map<string, Float64Array>();

/**
 * Quantile table of Beta(α, β) for α, β ≥ 1 (PERT's case): the density integrated by the
 * trapezoid rule on a fine grid, then inverted at evenly spaced probabilities.
 */
function betaTable(alpha: number, beta: number): Float64Array {
  const key = `${alpha}|${beta}`;
  let table = betaTables.get(key);
  if (table) return table;
  const cdf = new Float64Array(BETA_GRID + 1);
  const density = (x: number) => Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x));
  let previous = alpha === 1 ? 1 : 0;
  for (let i = 1; i <= BETA_GRID; i++) {
    const x = i / BETA_GRID;
    const f = i === BETA_GRID ? (beta === 1 ? 1 : 0) : density(x);
    cdf[i] = cdf[i - 1]! + (previous + f) / 2;
    previous = f;
  }
  const total = cdf[BETA_GRID]!;
  table = new Float64Array(BETA_TABLE + 1);
  let j = 0;
  for (let k = 0; k <= BETA_TABLE; k++) {
    const target = (k / BETA_TABLE) * total;
    while (j < BETA_GRID - 1 && cdf[j + 1]! < target) j++;
    const span = cdf[j + 1]! - cdf[j]!;
    table[k] = (j + (span > 0 ? Math.min(1, Math.max(0, (target - cdf[j]!) / span)) : 0)) / BETA_GRID;
  }
  table[0] = 0;
  table[BETA_TABLE] = 1;
  if (betaTables.size > 256) betaTables.clear();
  betaTables.set(key, table);
  return table;
}

/** The quantile function of a distribution (Poisson and Bernoulli included), for uniforms in (0, 1). */
export function quantileFunction(d: Distribution): (u: number) => number {
  switch (d.kind) {
    case "point":
      return () => d.value;
    case "uniform":
      return (u) => d.low + (d.high - d.low) * u;
    case "normal":
      return (u) => d.mean + d.sd * normalQuantile(u);
    case "lognormal":
      return (u) => Math.exp(d.mu + d.sigma * normalQuantile(u));
    case "triangular": {
      const { low, mode, high } = d;
      const cut = (mode - low) / (high - low);
      return (u) => (u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode)));
    }
    case "pert": {
      const { low, mode, high, lambda } = d;
      const table = betaTable(1 + (lambda * (mode - low)) / (high - low), 1 + (lambda * (high - mode)) / (high - low));
      const width = high - low;
      return (u) => {
        const x = u * BETA_TABLE;
        const k = Math.min(BETA_TABLE - 1, Math.floor(x));
        return low + width * (table[k]! + (table[k + 1]! - table[k]!) * (x - k));
      };
    }
    case "poisson":
      return (u) => poissonQuantile(d.lambda, u);
    case "bernoulli":
      return (u) => (u < d.p ? 1 : 0);
  }
}

/** Rates above this are drawn from the normal approximation (continuity-corrected), still by inversion. */
const POISSON_EXACT_BELOW = 500;
/** The largest rate a model may ask for: beyond it a count of events means nothing. */
export const POISSON_MAX_RATE = 1e7;

/**
 * The smallest k with P(N ≤ k) ≥ u for N ~ Poisson(λ): exact summation below a rate of 500,
 * the normal approximation above. Monotone in both λ and u. A rate that is not a finite number
 * from 0 to 10 million is refused rather than looped on.
 */
export function poissonQuantile(lambda: number, u: number): number {
  if (!(lambda >= 0 && lambda <= POISSON_MAX_RATE)) throw new RangeError(`a Poisson rate must be a number from 0 to ${POISSON_MAX_RATE}, got ${lambda}`);
  if (lambda === 0) return 0;
  if (lambda >= POISSON_EXACT_BELOW) return Math.max(0, Math.floor(lambda + Math.sqrt(lambda) * normalQuantile(u) + 0.5));
  let k = 0;
  let p = Math.exp(-lambda);
  let f = p;
  const limit = lambda + 40 * Math.sqrt(lambda) + 40;
  while (u > f && k < limit) {
    k++;
    p *= lambda / k;
    f += p;
  }
  return k;
}
