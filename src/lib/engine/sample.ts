import type { Distribution } from "./distributions.js";
import type { Random } from "./prng.js";
import { quantileFunction } from "./quantile.js";

/**
 * Standard normal draws by the polar method; each call of `next` uses the spare from the
 * previous pair when there is one.
 */
export function normalSource(random: Random): () => number {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };
}

/** Gamma(shape, 1) by Marsaglia and Tsang; shape below 1 through the boost Gamma(a+1)·U^(1/a). */
function gamma(shape: number, random: Random, normal: () => number): number {
  if (shape < 1) return gamma(shape + 1, random, normal) * Math.pow(random() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Poisson by inversion for small rates, and by the PTRS transformed rejection (Hörmann 1993) for large. */
function poissonDraw(lambda: number, random: Random): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    let k = 0;
    let p = Math.exp(-lambda);
    let f = p;
    const u = random();
    while (u > f && k < 1000) {
      k++;
      p *= lambda / k;
      f += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling's series; exact enough (error < 1e-10) for k >= 10, summed below that.
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

/** A sampler for a distribution, drawing from `random`. */
export function sampler(d: Distribution, random: Random): () => number {
  const normal = normalSource(random);
  switch (d.kind) {
    case "point":
      return () => d.value;
    case "uniform":
      return () => d.low + (d.high - d.low) * random();
    case "normal":
      return () => d.mean + d.sd * normal();
    case "lognormal":
      return () => Math.exp(d.mu + d.sigma * normal());
    case "triangular": {
      const q = quantileFunction(d);
      return () => q(random());
    }
    case "pert": {
      const { low, mode, high, lambda } = d;
      const alpha = 1 + (lambda * (mode - low)) / (high - low);
      const beta = 1 + (lambda * (high - mode)) / (high - low);
      return () => {
        const x = gamma(alpha, random, normal);
        const y = gamma(beta, random, normal);
        return low + ((high - low) * x) / (x + y);
      };
    }
    case "poisson":
      return () => poissonDraw(d.lambda, random);
    case "bernoulli":
      return () => (random() < d.p ? 1 : 0);
  }
}

/** `n` draws into a new array. */
export function sample(d: Distribution, n: number, random: Random): Float64Array {
  const draw = sampler(d, random);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

export { poissonDraw };
