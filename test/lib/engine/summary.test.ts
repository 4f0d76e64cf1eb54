import { describe, expect, it } from "vitest";
import { lognormalFrom90 } from "../../../src/lib/engine/distributions.js";
import { randomSource } from "../../../src/lib/engine/prng.js";
import { sample } from "../../../src/lib/engine/sample.js";
import { convergence, exceedance, exceedanceCurve, quantileSorted, summarize } from "../../../src/lib/engine/summary.js";

describe("summarize", () => {
  // Sorted: 1 1 2 3 4 5 6 9. Sum 31, mean 3.875; squared deviations sum to 52.875, so the sample
  // variance is 52.875/7 ≈ 7.5536, sd ≈ 2.748376, SE = sd/sqrt(8) ≈ 0.971698.
  // Type 7 (R, numpy): h = (n−1)q = 7q, then interpolate between sorted[floor h] and the next.
  const draws = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]);

  it("gives the hand-computed mean, sd, standard error, min and max", () => {
    const s = summarize(draws);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(3.875);
    expect(s.sd).toBeCloseTo(Math.sqrt(52.875 / 7), 12);
    expect(s.sd).toBeCloseTo(2.748376143938713, 12);
    expect(s.standardError).toBeCloseTo(0.9716977043151993, 12);
    expect(s.min).toBe(1);
    expect(s.max).toBe(9);
  });

  it("gives type-7 percentiles", () => {
    const { p } = summarize(draws);
    expect(p[5]).toBeCloseTo(1, 12); // h = 0.35, between 1 and 1
    expect(p[10]).toBeCloseTo(1, 12); // h = 0.7, between 1 and 1
    expect(p[25]).toBeCloseTo(1.75, 12); // h = 1.75: 1 + 0.75·(2 − 1)
    expect(p[50]).toBeCloseTo(3.5, 12); // h = 3.5: 3 + 0.5·(4 − 3)
    expect(p[75]).toBeCloseTo(5.25, 12); // h = 5.25: 5 + 0.25·(6 − 5)
    expect(p[90]).toBeCloseTo(6.9, 12); // h = 6.3: 6 + 0.3·(9 − 6)
    expect(p[95]).toBeCloseTo(7.95, 12); // h = 6.65: 6 + 0.65·3
    expect(p[99]).toBeCloseTo(8.79, 12); // h = 6.93: 6 + 0.93·3
  });

  it("leaves the draws in their order", () => {
    summarize(draws);
    expect(Array.from(draws)).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
  });

  it("gives a single draw zero spread", () => {
    const s = summarize(Float64Array.from([42]));
    expect(s).toMatchObject({ n: 1, mean: 42, sd: 0, standardError: 0, min: 42, max: 42 });
    expect(s.p[50]).toBe(42);
  });
});

describe("quantileSorted", () => {
  it("returns the ends at 0 and 1 and NaN for no draws", () => {
    const sorted = Float64Array.from([1, 2, 4, 8]);
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(8);
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe("exceedance", () => {
  const draws = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]);

  it("counts draws strictly above the threshold, with SE sqrt(p(1−p)/n)", () => {
    expect(exceedance(draws, 3)).toEqual({ threshold: 3, probability: 0.5, standardError: Math.sqrt(0.25 / 8) }); // 4 5 9 6
    expect(exceedance(draws, 1).probability).toBe(0.75); // all but the two 1s
    expect(exceedance(draws, 0).probability).toBe(1);
    expect(exceedance(draws, 9)).toEqual({ threshold: 9, probability: 0, standardError: 0 });
  });
});

describe("exceedanceCurve", () => {
  it("matches a hand count at log-spaced thresholds from the 1st to the 99.9th percentile", () => {
    // Positive draws 100 … 5000: 1st percentile of those (h = 7·0.01) = 100 + 0.07·100 = 107;
    // 99.9th of all ten (h = 9·0.999 = 8.991) = 2000 + 0.991·3000 = 4973. Five points spaced by
    // (4973/107)^(1/4) ≈ 2.611: 107, 279.4, 729.5, 1904.6, 4973. Draws above each: 7, 6, 3, 2, 1 of 10.
    const draws = Float64Array.from([500, 0, 2000, 100, 5000, 300, 0, 1000, 200, 400]);
    const curve = exceedanceCurve(draws, 5);
    expect(curve).toHaveLength(5);
    expect(curve[0]!.threshold).toBeCloseTo(107, 9);
    expect(curve[4]!.threshold).toBeCloseTo(4973, 9);
    expect(curve[2]!.threshold).toBeCloseTo(Math.sqrt(107 * 4973), 9);
    expect(curve.map((c) => c.probability)).toEqual([0.7, 0.6, 0.3, 0.2, 0.1]);
    expect(curve[1]!.standardError).toBeCloseTo(Math.sqrt((0.6 * 0.4) / 10), 12);
  });

  it("is non-increasing and agrees with exceedance() at every threshold", () => {
    const draws = sample(lognormalFrom90(300_000, 8_000_000), 50_000, randomSource(5));
    const curve = exceedanceCurve(draws);
    expect(curve).toHaveLength(60);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.threshold).toBeGreaterThan(curve[i - 1]!.threshold);
      expect(curve[i]!.probability).toBeLessThanOrEqual(curve[i - 1]!.probability);
    }
    for (const point of curve) expect(point.probability).toBe(exceedance(draws, point.threshold).probability);
    // Spans the 1st to the 99.9th percentile: about 0.99 of draws above the first, 0.001 above the last.
    expect(curve[0]!.probability).toBeCloseTo(0.99, 3);
    expect(curve[59]!.probability).toBeCloseTo(0.001, 3);
  });

  it("gives a single zero point when no draw is positive", () => {
    expect(exceedanceCurve(new Float64Array(100))).toEqual([{ threshold: 0, probability: 0, standardError: 0 }]);
  });
});

describe("convergence", () => {
  const loss = lognormalFrom90(300_000, 8_000_000);

  it("says 100,000 lognormal draws have converged at 1%", () => {
    // sd/mean = sqrt(exp(sigma²) − 1) ≈ 1.31 with sigma ≈ 0.998, so the relative SE is
    // 1.31/sqrt(100,000) ≈ 0.0041, under 0.01.
    const c = convergence(sample(loss, 100_000, randomSource(8)));
    expect(c.converged).toBe(true);
    expect(c.relativeError).toBeGreaterThan(0.003);
    expect(c.relativeError).toBeLessThan(0.006);
    expect(c.worstBatch).toBeLessThan(4);
  });

  it("says 50 draws have not (relative SE ≈ 1.31/sqrt(50) ≈ 0.19)", () => {
    const c = convergence(sample(loss, 50, randomSource(8)));
    expect(c.converged).toBe(false);
    expect(c.relativeError).toBeGreaterThan(0.05);
  });

  it("holds 100,000 draws to a tighter tolerance when asked", () => {
    expect(convergence(sample(loss, 100_000, randomSource(8)), 0.001).converged).toBe(false);
  });
});
