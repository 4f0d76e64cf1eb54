/**
 * Distributions the models draw from, as plain data, with their closed-form means. A 90%
 * interval (low, high) is the 5th and 95th percentile; PERT and triangular take low, most
 * likely and high as their bounds and mode.
 */
export type Distribution =
  | { kind: "point"; value: number }
  | { kind: "uniform"; low: number; high: number }
  | { kind: "normal"; mean: number; sd: number }
  | { kind: "lognormal"; mu: number; sigma: number }
  | { kind: "triangular"; low: number; mode: number; high: number }
  | { kind: "pert"; low: number; mode: number; high: number; lambda: number }
  | { kind: "poisson"; lambda: number }
  | { kind: "bernoulli"; p: number };

/** z of the 95th percentile of the standard normal: a 90% interval spans 2 × 1.6449 standard deviations. */
export const Z90 = 1.6448536269514722;

export const point = (value: number): Distribution => ({ kind: "point", value });

/** Normal whose 5th and 95th percentiles are `low` and `high`. */
export function normalFrom90(low: number, high: number): Distribution {
  if (!(high >= low)) throw new RangeError(`a 90% interval needs low <= high, got ${low} and ${high}`);
  return { kind: "normal", mean: (low + high) / 2, sd: (high - low) / (2 * Z90) };
}

/** Lognormal whose 5th and 95th percentiles are `low` and `high` (both above zero). */
export function lognormalFrom90(low: number, high: number): Distribution {
  if (!(low > 0) || !(high >= low)) throw new RangeError(`a lognormal 90% interval needs 0 < low <= high, got ${low} and ${high}`);
  // exp(log(x)) is not always x in floating point (300000 comes back as 299999.9999999999).
  if (low === high) return point(low);
  return { kind: "lognormal", mu: (Math.log(low) + Math.log(high)) / 2, sigma: (Math.log(high) - Math.log(low)) / (2 * Z90) };
}

function checkThree(low: number, mode: number, high: number, name: string): void {
  if (!(low <= mode && mode <= high)) throw new RangeError(`${name} needs low <= most likely <= high, got ${low}, ${mode}, ${high}`);
}

export function triangular(low: number, mode: number, high: number): Distribution {
  checkThree(low, mode, high, "a triangular distribution");
  return low === high ? point(low) : { kind: "triangular", low, mode, high };
}

/** PERT (a scaled beta) with the usual weight of 4 on the most likely value. */
export function pert(low: number, mode: number, high: number, lambda = 4): Distribution {
  checkThree(low, mode, high, "a PERT distribution");
  return low === high ? point(low) : { kind: "pert", low, mode, high, lambda };
}

export const poisson = (lambda: number): Distribution => {
  if (!(lambda >= 0)) throw new RangeError(`a Poisson rate must be 0 or more, got ${lambda}`);
  return { kind: "poisson", lambda };
};

export const bernoulli = (p: number): Distribution => {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must be between 0 and 1, got ${p}`);
  return { kind: "bernoulli", p };
};

/** The distribution's mean, in closed form. */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return (d.low + d.high) / 2;
    case "normal":
      return d.mean;
    case "lognormal":
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case "triangular":
      return (d.low + d.mode + d.high) / 3;
    case "pert":
      return (d.low + d.lambda * d.mode + d.high) / (d.lambda + 2);
    case "poisson":
      return d.lambda;
    case "bernoulli":
      return d.p;
  }
}

/** The most likely or central value, for tornado baselines: the mode where there is one. */
export function central(d: Distribution): number {
  switch (d.kind) {
    case "triangular":
    case "pert":
      return d.mode;
    case "lognormal":
      return Math.exp(d.mu);
    default:
      return mean(d);
  }
}
