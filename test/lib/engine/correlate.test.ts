import { describe, expect, it } from "vitest";
import { cholesky, imanConover, normalQuantile, sharedDriver } from "../../../src/lib/engine/correlate.js";
import { lognormalFrom90, triangular, Z90 } from "../../../src/lib/engine/distributions.js";
import { randomSource } from "../../../src/lib/engine/prng.js";
import { sample } from "../../../src/lib/engine/sample.js";

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks 0 … n−1 (the draws here are continuous, so ties do not arise). */
function ranks(x: Float64Array): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const r = new Float64Array(x.length);
  order.forEach((row, rank) => (r[row] = rank));
  return r;
}

const spearman = (x: Float64Array, y: Float64Array) => pearson(ranks(x), ranks(y));

describe("normalQuantile", () => {
  // Acklam's approximation has relative error below 1.2e-9; reference values to 10 significant
  // figures (Python's statistics.NormalDist().inv_cdf), so allow an absolute 1e-8.
  it.each([
    [0.975, 1.959963985],
    [0.05, -1.644853627],
    [0.5, 0],
    [0.3, -0.5244005127],
    [0.001, -3.090232306],
    [1e-6, -4.753424309],
    [0.9999, 3.719016485],
  ])("Φ⁻¹(%d) = %d", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8);
  });

  it("agrees with Z90, the 95th percentile used for 90% intervals", () => {
    expect(Math.abs(normalQuantile(0.95) - Z90)).toBeLessThan(1e-8);
  });

  it("is symmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)", () => {
    for (const p of [1e-9, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.25, 0.4, 0.49]) {
      expect(Math.abs(normalQuantile(1 - p) + normalQuantile(p))).toBeLessThan(1e-8);
    }
  });

  it("is increasing, and infinite at 0 and 1", () => {
    let previous = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const z = normalQuantile(i / 1000);
      expect(z).toBeGreaterThan(previous);
      previous = z;
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe("cholesky", () => {
  it("factors a hand 2×2: [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]", () => {
    const l = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect(l[0]).toEqual([2, 0]);
    expect(l[1]![0]).toBe(1);
    expect(l[1]![1]).toBeCloseTo(Math.SQRT2, 14);
  });

  it("factors a correlation matrix so that L·Lᵀ gives it back", () => {
    const m = [
      [1, 0.7, 0.2],
      [0.7, 1, 0.4],
      [0.2, 0.4, 1],
    ];
    const l = cholesky(m);
    expect(l[1]![1]).toBeCloseTo(Math.sqrt(1 - 0.49), 14);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i]![k]! * l[j]![k]!;
        expect(s).toBeCloseTo(m[i]![j]!, 12);
        if (j > i) expect(l[i]![j]).toBe(0);
      }
    }
  });

  it("rejects a matrix that is not positive definite", () => {
    const notPD = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(() => cholesky(notPD)).toThrow(RangeError);
    expect(() => cholesky([[1, 2], [2, 1]])).toThrow(/not positive definite/);
    expect(() => cholesky([[1, 1], [1, 1]])).toThrow(RangeError);
    expect(() => cholesky([[-1]])).toThrow(RangeError);
  });
});

describe("imanConover", () => {
  const n = 20_000;

  it("keeps each column's values and reaches a rank correlation of 0.7", () => {
    const a = sample(lognormalFrom90(300_000, 8_000_000), n, randomSource(1));
    const b = sample(triangular(0, 2, 10), n, randomSource(2));
    const sortedA = Float64Array.from(a).sort();
    const sortedB = Float64Array.from(b).sort();
    // Independent to begin with: Spearman SE ≈ 1/sqrt(n) ≈ 0.007.
    expect(Math.abs(spearman(a, b))).toBeLessThan(0.035);

    imanConover(
      [a, b],
      [
        [1, 0.7],
        [0.7, 1],
      ],
      randomSource(3),
    );
    expect(Float64Array.from(a).sort()).toEqual(sortedA);
    expect(Float64Array.from(b).sort()).toEqual(sortedB);
    // The scores are mixed to a Pearson correlation of 0.7, whose rank correlation for normal
    // scores is (6/π)·asin(0.7/2) ≈ 0.683; the sampling SE of a Spearman correlation near 0.7 is
    // about (1 − 0.49)/sqrt(n) ≈ 0.004. So the result lands within 0.017 + 3 SE ≈ 0.03 of 0.7.
    expect(Math.abs(spearman(a, b) - 0.7)).toBeLessThan(0.03);
  });

  it("is deterministic for a seed", () => {
    const run = () => {
      const cols = [sample(triangular(0, 1, 2), 500, randomSource(4)), sample(triangular(0, 1, 2), 500, randomSource(5))];
      imanConover(
        cols,
        [
          [1, -0.5],
          [-0.5, 1],
        ],
        randomSource(6),
      );
      return cols;
    };
    expect(run()).toEqual(run());
  });

  it("rejects a matrix of the wrong size and columns of different lengths", () => {
    const identity = [
      [1, 0],
      [0, 1],
    ];
    expect(() => imanConover([new Float64Array(10)], identity, randomSource(1))).toThrow(RangeError);
    expect(() => imanConover([new Float64Array(10), new Float64Array(11)], identity, randomSource(1))).toThrow(RangeError);
  });
});

describe("sharedDriver", () => {
  it("gives standard normals whose pairwise correlation is rho_a·rho_b", () => {
    // n = 100,000: the SE of a Pearson r is about (1 − r²)/sqrt(n), at most 1/316 ≈ 0.0032; allow
    // 5 SE = 0.016. Each marginal has mean 0 (SE 0.0032) and variance 1 (SE sqrt(2/n) ≈ 0.0045).
    const n = 100_000;
    const next = sharedDriver(randomSource(17), [0.8, 0.5, 0]);
    const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    for (let i = 0; i < n; i++) {
      const row = next();
      for (let j = 0; j < 3; j++) cols[j]![i] = row[j]!;
    }
    expect(next()).toHaveLength(3);
    const [a, b, c] = cols as [Float64Array, Float64Array, Float64Array];
    expect(Math.abs(pearson(a, b) - 0.4)).toBeLessThan(0.016);
    expect(Math.abs(pearson(a, c))).toBeLessThan(0.016);
    expect(Math.abs(pearson(b, c))).toBeLessThan(0.016);
    for (const col of cols) {
      let sum = 0;
      let ss = 0;
      for (const v of col) {
        sum += v;
        ss += v * v;
      }
      expect(Math.abs(sum / n)).toBeLessThan(0.016);
      expect(Math.abs(ss / n - 1)).toBeLessThan(0.023);
    }
  });
});
