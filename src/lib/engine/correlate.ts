import type { Random } from "./prng.js";
import { normalQuantile } from "./quantile.js";
import { normalSource } from "./sample.js";

/** The one inverse of the standard normal CDF, shared with the models' draws. */
export { normalQuantile };

/** Lower-triangular L with L·Lᵀ = m; throws when m is not positive definite. */
export function cholesky(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (s <= 0) throw new RangeError("the correlation matrix is not positive definite");
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

/**
 * Rank correlation by the Iman–Conover method: reorders each column of independent draws so
 * that their ranks follow `correlation` (a Spearman-like target), leaving every marginal
 * distribution exactly as drawn. Columns are changed in place.
 */
export function imanConover(columns: Float64Array[], correlation: readonly (readonly number[])[], random: Random): void {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (correlation.length !== k || correlation.some((row) => row.length !== k)) throw new RangeError(`the correlation matrix must be ${k}×${k}`);
  if (columns.some((c) => c.length !== n)) throw new RangeError("every column needs the same number of draws");
  const l = cholesky(correlation);
  // van der Waerden scores, shuffled independently per column, then mixed by L.
  const scores = Array.from({ length: n }, (_, i) => normalQuantile((i + 1) / (n + 1)));
  const independent = columns.map(() => shuffle(scores, random));
  const target = columns.map((_, i) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += l[i]![j]! * independent[j]![r]!;
      out[r] = s;
    }
    return out;
  });
  columns.forEach((column, i) => {
    const sorted = Float64Array.from(column).sort();
    const order = Array.from({ length: n }, (_, r) => r).sort((a, b) => target[i]![a]! - target[i]![b]!);
    order.forEach((row, rank) => (column[row] = sorted[rank]!));
  });
}

function shuffle(values: readonly number[], random: Random): Float64Array {
  const out = Float64Array.from(values);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/**
 * Draws that move together through a shared driver: each is a standard normal
 * `rho·shared + sqrt(1 − rho²)·own`, so any two have correlation rho_a·rho_b.
 */
export function sharedDriver(random: Random, rhos: readonly number[]): () => number[] {
  const normal = normalSource(random);
  return () => {
    const shared = normal();
    return rhos.map((rho) => rho * shared + Math.sqrt(1 - rho * rho) * normal());
  };
}
