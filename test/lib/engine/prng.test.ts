import { describe, expect, it } from "vitest";
import { randomSource } from "../../../src/lib/engine/prng.js";

const take = (seed: number, n: number) => {
  const random = randomSource(seed);
  return Array.from({ length: n }, () => random.uint32());
};

describe("randomSource(seed)", () => {
  it("gives the same sequence for the same seed", () => {
    expect(take(42, 1000)).toEqual(take(42, 1000));
  });

  it("gives unrelated sequences for neighbouring seeds", () => {
    const a = take(1, 1000);
    const b = take(2, 1000);
    expect(a.filter((x, i) => x === b[i]).length).toBe(0);
  });

  it("pins the first outputs of seed 0 and seed 2024, so any machine can check it computes the same stream", () => {
    // Computed independently (a Python transcription of splitmix32 + sfc32 with 12 discarded
    // rounds); a change here changes every sample and simulation.
    expect(take(0, 3)).toEqual(PINNED_0);
    expect(take(2024, 3)).toEqual(PINNED_2024);
  });

  it("draws uniformly in [0, 1)", () => {
    const random = randomSource(7);
    const n = 200_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const x = random();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
      bins[Math.floor(x * 10)]!++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Mean 0.5 with standard error sqrt(1/12/n) ≈ 0.00065: allow 6 standard errors.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.004);
    // Each tenth holds n/10 ± 6 standard errors (sqrt(n * 0.1 * 0.9) ≈ 134).
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(800);
  });

  it("rejects seeds that are not 32-bit unsigned integers", () => {
    expect(() => randomSource(-1)).toThrow(RangeError);
    expect(() => randomSource(1.5)).toThrow(/integer from 0 to 4294967295/);
    expect(() => randomSource(2 ** 32)).toThrow(RangeError);
  });
});

const PINNED_0 = [591558436, 2737234123, 107644106];
const PINNED_2024 = [3352509597, 3345386657, 3524443052];
