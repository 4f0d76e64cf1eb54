/**
 * Draws against closed forms. Every tolerance is a stated number of Monte Carlo standard errors
 * (5 unless said otherwise); the seeds are fixed, so a pass is reproducible, and a 5-SE miss
 * would be a one-in-1.7-million fluke for a correct sampler rather than bad luck.
 */
import { describe, expect, it } from "vitest";
import { bernoulli, central, lognormalFrom90, mean, normalFrom90, pert, point, poisson, triangular, Z90, type Distribution } from "../../../src/lib/engine/distributions.js";
import { randomSource } from "../../../src/lib/engine/prng.js";
import { sample } from "../../../src/lib/engine/sample.js";
import { quantileSorted } from "../../../src/lib/engine/summary.js";

const N = 200_000;

const draw = (d: Distribution, n = N, seed = 11) => sample(d, n, randomSource(seed));

function moments(x: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of x) sum += v;
  const m = sum / x.length;
  let ss = 0;
  for (const v of x) ss += (v - m) ** 2;
  return { mean: m, variance: ss / (x.length - 1) };
}

const quantile = (x: Float64Array, q: number) => quantileSorted(Float64Array.from(x).sort(), q);

/** ln k!, summed exactly. */
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

describe("lognormalFrom90", () => {
  const low = 300_000;
  const high = 8_000_000;
  const d = lognormalFrom90(low, high);

  it("puts the 5th and 95th percentiles on low and high, in closed form", () => {
    if (d.kind !== "lognormal") throw new Error("expected a lognormal");
    expect(Math.exp(d.mu - Z90 * d.sigma) / low).toBeCloseTo(1, 12);
    expect(Math.exp(d.mu + Z90 * d.sigma) / high).toBeCloseTo(1, 12);
    expect(central(d)).toBeCloseTo(Math.sqrt(low * high), 6);
  });

  it("draws with the closed-form mean exp(mu + sigma²/2)", () => {
    // sigma = ln(8M/300k)/(2·1.6449) ≈ 0.998, so mean ≈ $2.55M and sd = mean·sqrt(exp(sigma²) − 1) ≈ $3.33M.
    // SE = sd/sqrt(200,000) ≈ $7,450; allow 5 SE ≈ $37,000 (1.5% of the mean).
    const x = draw(d);
    const m = mean(d);
    expect(m).toBeCloseTo(2_549_000, -4);
    const { mean: sampleMean } = moments(x);
    const sd = m * Math.sqrt(Math.expm1(d.kind === "lognormal" ? d.sigma ** 2 : Number.NaN));
    expect(Math.abs(sampleMean - m)).toBeLessThan((5 * sd) / Math.sqrt(N));
  });

  it("lands its empirical 5th and 95th percentiles on low and high", () => {
    // In log space the draws are normal, and a sample p-quantile has SE sqrt(p(1−p)/n)/φ(z_p)·sigma
    // = sqrt(0.0475/200,000)/0.1031·0.998 ≈ 0.0047. Allow 5 SE: |ln(empirical/target)| < 0.024.
    const x = draw(d, N, 12);
    expect(Math.abs(Math.log(quantile(x, 0.05) / low))).toBeLessThan(0.024);
    expect(Math.abs(Math.log(quantile(x, 0.95) / high))).toBeLessThan(0.024);
  });
});

describe("normalFrom90", () => {
  it("draws with mean (low+high)/2, sd (high−low)/(2·1.6449) and those percentiles", () => {
    const d = normalFrom90(10, 30);
    const sd = 20 / (2 * Z90); // ≈ 6.08
    expect(mean(d)).toBe(20);
    const x = draw(d);
    const { mean: m, variance } = moments(x);
    // Mean: SE = 6.08/sqrt(200,000) ≈ 0.0136; 5 SE ≈ 0.068.
    expect(Math.abs(m - 20)).toBeLessThan(0.068);
    // Variance 36.96: SE of a sample variance = sigma²·sqrt(2/(n−1)) ≈ 0.117; 5 SE ≈ 0.58.
    expect(Math.abs(variance - sd * sd)).toBeLessThan(0.58);
    // Quantile SE = sqrt(p(1−p)/n)/φ(z_p)·sd ≈ 0.000487/0.1031·6.08 ≈ 0.029; 5 SE ≈ 0.144.
    expect(Math.abs(quantile(x, 0.05) - 10)).toBeLessThan(0.144);
    expect(Math.abs(quantile(x, 0.95) - 30)).toBeLessThan(0.144);
  });
});

describe("pert", () => {
  it("draws with mean (a+4m+b)/6 and variance (mean−a)(b−mean)/7", () => {
    // a=2, m=3, b=10: Beta(1.5, 4.5) scaled to [2, 10]; mean 24/6 = 4, variance 2·6/7 ≈ 1.714 (sd ≈ 1.309).
    const d = pert(2, 3, 10);
    expect(mean(d)).toBe(4);
    const x = draw(d);
    const { mean: m, variance } = moments(x);
    // Mean: SE = 1.309/sqrt(200,000) ≈ 0.0029; 5 SE ≈ 0.015.
    expect(Math.abs(m - 4)).toBeLessThan(0.015);
    // Variance: SE ≈ sigma²·sqrt((kurtosis − 1)/n) with Beta(1.5, 4.5) kurtosis ≈ 3.11,
    // = 1.714·sqrt(2.11/200,000) ≈ 0.0056; 5 SE ≈ 0.028.
    expect(Math.abs(variance - 12 / 7)).toBeLessThan(0.028);
    expect(x.every((v) => v >= 2 && v <= 10)).toBe(true);
  });

  it("handles the most likely value at an end", () => {
    // a=m=0, b=10: Beta(1, 5)·10, mean 10/6, sd = sqrt(5·100/(36·7)) ≈ 1.409; n=100,000 gives
    // SE ≈ 0.0045; 5 SE ≈ 0.022.
    const x = draw(pert(0, 0, 10), 100_000, 3);
    expect(Math.abs(moments(x).mean - 10 / 6)).toBeLessThan(0.022);
  });
});

describe("triangular", () => {
  it("draws with mean (a+m+b)/3 and the analytic quantiles", () => {
    // a=0, m=2, b=10: mean 4, variance (0+4+100−0−0−20)/18 ≈ 4.667 (sd ≈ 2.16).
    const d = triangular(0, 2, 10);
    expect(mean(d)).toBe(4);
    const x = draw(d);
    // Mean: SE = 2.16/sqrt(200,000) ≈ 0.0048; 5 SE ≈ 0.024.
    expect(Math.abs(moments(x).mean - 4)).toBeLessThan(0.024);
    // Median (above the mode, whose CDF is 0.2): b − sqrt((1−q)(b−a)(b−m)) = 10 − sqrt(40) ≈ 3.675.
    // Density there 2(b−x)/((b−a)(b−m)) ≈ 0.158, so quantile SE = sqrt(0.25/n)/0.158 ≈ 0.0071; 5 SE ≈ 0.035.
    expect(Math.abs(quantile(x, 0.5) - (10 - Math.sqrt(40)))).toBeLessThan(0.035);
    // 10th percentile (below the mode): a + sqrt(q(b−a)(m−a)) = sqrt(2) ≈ 1.414; density
    // 2(x−a)/((b−a)(m−a)) ≈ 0.141, so SE = sqrt(0.09/n)/0.141 ≈ 0.0047; 5 SE ≈ 0.024.
    expect(Math.abs(quantile(x, 0.1) - Math.SQRT2)).toBeLessThan(0.024);
  });

  it("handles the most likely value at an end", () => {
    // a=m=0, b=10: mean 10/3, sd = sqrt(100/18) ≈ 2.357; n=100,000 gives SE ≈ 0.0075; 5 SE ≈ 0.037.
    const x = draw(triangular(0, 0, 10), 100_000, 4);
    expect(Math.abs(moments(x).mean - 10 / 3)).toBeLessThan(0.037);
  });
});

describe("poisson", () => {
  // Mean SE = sqrt(lambda/n). A sample variance has SE ≈ sqrt((mu4 − sigma⁴)/n), and a Poisson's
  // fourth central moment is lambda(1 + 3·lambda), so SE ≈ sqrt((lambda + 2·lambda²)/n). Allow 5 SE.
  // 0.3 and 4 are drawn by inversion, 50 and 1000 by PTRS rejection.
  it.each([0.3, 4, 50, 1000])("draws non-negative integers with mean and variance lambda = %d", (lambda) => {
    const x = draw(poisson(lambda), N, 21);
    expect(x.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    const { mean: m, variance } = moments(x);
    expect(Math.abs(m - lambda)).toBeLessThan(5 * Math.sqrt(lambda / N));
    expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / N));
  });

  it.each([
    [0.3, 0],
    [0.3, 1],
    [4, 4],
    [50, 50],
    [50, 40],
    [1000, 1000],
  ])("with lambda = %d, draws %d as often as the probability mass function says", (lambda, k) => {
    // A frequency f has SE sqrt(f(1−f)/n); allow 5 SE.
    const x = draw(poisson(lambda), N, 22);
    const f = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
    const observed = x.filter((v) => v === k).length / N;
    expect(Math.abs(observed - f)).toBeLessThan(5 * Math.sqrt((f * (1 - f)) / N));
  });
});

describe("bernoulli", () => {
  it("draws 1 with probability p", () => {
    // p = 0.2: SE = sqrt(0.2·0.8/200,000) ≈ 0.00089; 5 SE ≈ 0.0045.
    const x = draw(bernoulli(0.2));
    expect(x.every((v) => v === 0 || v === 1)).toBe(true);
    expect(Math.abs(moments(x).mean - 0.2)).toBeLessThan(0.0045);
    expect(mean(bernoulli(0.2))).toBe(0.2);
  });
});

describe("seeds", () => {
  const kinds: [string, Distribution][] = [
    ["lognormal", lognormalFrom90(1, 100)],
    ["normal", normalFrom90(-1, 1)],
    ["pert", pert(0, 1, 5)],
    ["triangular", triangular(0, 1, 5)],
    ["poisson (inversion)", poisson(3)],
    ["poisson (PTRS)", poisson(200)],
    ["bernoulli", bernoulli(0.5)],
  ];

  it.each(kinds)("%s: the same seed gives an identical Float64Array, another seed a different one", (_, d) => {
    const a = sample(d, 2000, randomSource(99));
    const b = sample(d, 2000, randomSource(99));
    const c = sample(d, 2000, randomSource(100));
    expect(a).toBeInstanceOf(Float64Array);
    expect(b).toEqual(a);
    expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
    expect(c).not.toEqual(a);
  });
});

describe("point and degenerate ranges", () => {
  it.each([
    ["point(3.7)", point(3.7), 3.7],
    ["normalFrom90(5, 5)", normalFrom90(5, 5), 5],
    ["lognormalFrom90(300000, 300000)", lognormalFrom90(300_000, 300_000), 300_000],
    ["lognormalFrom90(0.1, 0.1)", lognormalFrom90(0.1, 0.1), 0.1],
    ["triangular(4, 4, 4)", triangular(4, 4, 4), 4],
    ["pert(1e6, 1e6, 1e6)", pert(1e6, 1e6, 1e6), 1e6],
    ["poisson(0)", poisson(0), 0],
    ["bernoulli(0)", bernoulli(0), 0],
    ["bernoulli(1)", bernoulli(1), 1],
  ])("%s gives exactly its value, every draw", (_, d, value) => {
    expect(mean(d)).toBe(value);
    expect(central(d)).toBe(value);
    expect(draw(d, 1000).every((v) => v === value)).toBe(true);
  });
});

describe("constructors reject bad inputs with RangeError", () => {
  it.each([
    ["normalFrom90 with low > high", () => normalFrom90(2, 1)],
    ["normalFrom90 with NaN", () => normalFrom90(Number.NaN, 1)],
    ["lognormalFrom90 with low > high", () => lognormalFrom90(5, 2)],
    ["lognormalFrom90 with low = 0", () => lognormalFrom90(0, 5)],
    ["lognormalFrom90 with low < 0", () => lognormalFrom90(-1, 5)],
    ["triangular with mode below low", () => triangular(1, 0, 2)],
    ["triangular with low > high", () => triangular(3, 2, 1)],
    ["pert with mode above high", () => pert(0, 3, 2)],
    ["poisson with negative rate", () => poisson(-0.1)],
    ["poisson with NaN", () => poisson(Number.NaN)],
    ["bernoulli with p < 0", () => bernoulli(-0.01)],
    ["bernoulli with p > 1", () => bernoulli(1.01)],
    ["bernoulli with NaN", () => bernoulli(Number.NaN)],
  ])("%s", (_, make) => {
    expect(make).toThrow(RangeError);
  });
});
