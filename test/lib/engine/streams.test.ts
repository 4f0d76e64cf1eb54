import { describe, expect, it } from "vitest";
import { lognormalFrom90, mean, pert, triangular } from "../../../src/lib/engine/distributions.js";
import { normalQuantile, poissonQuantile, quantileFunction } from "../../../src/lib/engine/quantile.js";
import { streamKey, uniformAt } from "../../../src/lib/engine/streams.js";

const substream = (seed: number, name: string) => {
  const key = streamKey(seed, name);
  return { at: (trial: number, index = 0) => uniformAt(key, trial, index) };
};

describe("substreams", () => {
  it("give uniforms in (0, 1) with the right mean and variance, evenly spread", () => {
    const s = substream(7, "loss.s");
    const n = 200_000;
    const bins = new Array(20).fill(0);
    let sum = 0;
    let sq = 0;
    for (let t = 0; t < n; t++) {
      const u = s.at(t);
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
      bins[Math.floor(u * 20)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3);
    // Chi-square with 19 degrees of freedom: the 99.9th percentile is 43.8.
    const chi = bins.reduce((a, c) => a + (c - n / 20) ** 2 / (n / 20), 0);
    expect(chi).toBeLessThan(43.8);
  });

  it("are the same for the same address and unrelated between names, trials and indices", () => {
    expect(uniformAt(streamKey(1, "a"), 5, 2)).toBe(uniformAt(streamKey(1, "a"), 5, 2));
    expect(streamKey(1, "a")).not.toBe(streamKey(1, "b"));
    expect(streamKey(1, "a")).not.toBe(streamKey(2, "a"));
    // Neighbouring trials and neighbouring streams are uncorrelated.
    const a = substream(3, "x");
    const b = substream(3, "y");
    const n = 50_000;
    let ab = 0;
    let lag = 0;
    for (let t = 0; t < n; t++) {
      ab += (a.at(t) - 0.5) * (b.at(t) - 0.5);
      lag += (a.at(t) - 0.5) * (a.at(t + 1) - 0.5);
    }
    expect(Math.abs(ab / n / (1 / 12))).toBeLessThan(0.02);
    expect(Math.abs(lag / n / (1 / 12))).toBeLessThan(0.02);
  });

  it("refuse a seed that is not a 32-bit unsigned integer", () => {
    expect(() => streamKey(-1, "a")).toThrow(RangeError);
    expect(() => streamKey(1.5, "a")).toThrow(RangeError);
  });
});

describe("quantile functions", () => {
  it("give the standard normal's known quantiles", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 8);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 6);
  });

  it("hit each distribution's closed-form mean over an even grid of probabilities", () => {
    const m = 100_000;
    const avg = (q: (u: number) => number) => {
      let s = 0;
      for (let i = 0; i < m; i++) s += q((i + 0.5) / m);
      return s / m;
    };
    for (const d of [pert(3, 14, 60), pert(0.2, 0.35, 0.5), pert(0, 0, 10), triangular(1, 2, 9), lognormalFrom90(300_000, 8_000_000)]) {
      expect(avg(quantileFunction(d)) / mean(d)).toBeCloseTo(1, 3);
    }
  });

  it("PERT: the 5-2-5 hand case has median 3.5 and a higher mode never gives a lower draw", () => {
    // PERT(2, 3.5, 5) is symmetric: its median is its mode.
    expect(quantileFunction(pert(2, 3.5, 5))(0.5)).toBeCloseTo(3.5, 6);
    const lo = quantileFunction(pert(0.2, 0.35, 0.5));
    const hi = quantileFunction(pert(0.2, 0.36, 0.5));
    for (let i = 1; i < 1000; i++) expect(hi(i / 1000)).toBeGreaterThanOrEqual(lo(i / 1000));
  });

  it("Poisson: P(N = 0) = e^−λ by hand, a mean of λ, monotone in λ, and a refusal of NaN and infinite rates", () => {
    // λ = 0.5: P(N = 0) = 0.6065; u just below and above it.
    expect(poissonQuantile(0.5, 0.6)).toBe(0);
    expect(poissonQuantile(0.5, 0.61)).toBe(1);
    expect(poissonQuantile(0.5, 0.9097)).toBe(1); // P(N <= 1) = 1.5·e^−0.5 = 0.90980
    expect(poissonQuantile(0.5, 0.91)).toBe(2);
    for (const lambda of [0.3, 4, 120, 2_000]) {
      let s = 0;
      const m = 50_000;
      for (let i = 0; i < m; i++) s += poissonQuantile(lambda, (i + 0.5) / m);
      expect(s / m / lambda).toBeCloseTo(1, 2);
    }
    for (let i = 1; i < 200; i++) expect(poissonQuantile(2.01, i / 200)).toBeGreaterThanOrEqual(poissonQuantile(2, i / 200));
    expect(() => poissonQuantile(Number.NaN, 0.5)).toThrow(RangeError);
    expect(() => poissonQuantile(Infinity, 0.5)).toThrow(RangeError);
  });
});
