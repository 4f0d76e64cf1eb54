import type { Random } from "./prng.js";

/** An integer in [min, max], both included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick from an empty list");
  return items[Math.floor(random() * items.length)] as T;
}

/** One key, with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) throw new RangeError("weights must add up to more than zero");
  let x = random() * total;
  for (const [item, w] of weighted) {
    x -= w;
    if (x < 0) return item;
  }
  return weighted[weighted.length - 1]![0];
}

/** True with probability p. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}
