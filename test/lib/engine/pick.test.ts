import { describe, expect, it } from "vitest";
import { chance, pick, pickWeighted, randomInt } from "../../../src/lib/engine/pick.js";
import { randomSource } from "../../../src/lib/engine/prng.js";

describe("randomInt", () => {
  it("returns every integer between the bounds, both included, and nothing outside", () => {
    const random = randomSource(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(randomInt(random, -2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });
});

describe("pickWeighted", () => {
  it("picks in proportion to the weights and never picks a zero weight", () => {
    const random = randomSource(11);
    const counts = { a: 0, b: 0, c: 0 };
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[pickWeighted(random, [["a", 1], ["b", 3], ["c", 0]] as const)]++;
    expect(counts.c).toBe(0);
    // Expect a = n/4 = 15,000; standard deviation sqrt(n * 0.25 * 0.75) ≈ 106.
    expect(Math.abs(counts.a - 15_000)).toBeLessThan(650);
    expect(counts.a + counts.b).toBe(n);
  });

  it("refuses weights that add up to nothing", () => {
    expect(() => pickWeighted(randomSource(1), [["a", 0]])).toThrow(/more than zero/);
  });
});

describe("pick and chance", () => {
  it("pick refuses an empty list and chance honours 0 and 1", () => {
    const random = randomSource(5);
    expect(() => pick(random, [])).toThrow(/empty/);
    expect(Array.from({ length: 100 }, () => chance(random, 0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => chance(random, 1)).every(Boolean)).toBe(true);
  });
});
