import { describe, expect, it } from "vitest";
import { paired } from "../../../src/lib/model/paired.js";

describe("paired", () => {
  it("works a small case by hand", () => {
    // Differences 1, 1, 3, −1: mean 1, sample variance ((0 + 0 + 4 + 4) / 3) = 8/3, SE = sqrt(8/3 / 4) = 0.8165.
    const r = paired([2, 3, 6, 1], [1, 2, 3, 2]);
    expect(r.meanDifference).toBe(1);
    expect(r.standardError).toBeCloseTo(Math.sqrt(8 / 3 / 4), 12);
    // A is lower only in the last trial: P(A beats B) = 1/4.
    expect(r.probability).toBe(0.25);
    expect(r.tie).toBe(true); // 1 < 2 × 0.8165
  });

  it("calls identical draws an exact tie, with P = 1/2", () => {
    const a = [5, 1, 9, 2];
    const r = paired(a, [...a]);
    expect(r).toMatchObject({ meanDifference: 0, standardError: 0, probability: 0.5, tie: true });
  });

  it("is not a tie when a clear gap exceeds two standard errors", () => {
    const r = paired([10, 11, 12, 13], [1, 2, 3, 4.5]);
    expect(r.tie).toBe(false);
    expect(r.probability).toBe(0);
  });

  it("refuses draws of different lengths", () => {
    expect(() => paired([1, 2], [1])).toThrow(RangeError);
  });
});
