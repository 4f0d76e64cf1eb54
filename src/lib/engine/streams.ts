/**
 * Common random numbers: every uncertain quantity draws from its own substream, addressed by
 * the run's seed, the quantity's name and the trial (and, inside a trial, an index such as the
 * k-th loss event). A uniform is a pure function of that address, so two scenarios evaluated
 * with the same seed share every draw they have in common, and changing one input cannot shift
 * the draws of any other: they differ only by that input's effect.
 *
 * The hash is a counter-based generator: murmur3's 32-bit finaliser applied to the address
 * (trial and index mixed in with odd constants, as splitmix does). It uses only 32-bit integer
 * arithmetic, so the same address gives the same number on every machine and engine.
 */

/** murmur3's finaliser: a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A substream's key: the seed and the quantity's name, hashed together (FNV-1a over the name). */
export function streamKey(seed: number, name: string): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  let h = 0x811c9dc5 ^ fmix32(seed);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

/**
 * The uniform in (0, 1) at `trial` (and `index` within it) of the substream `key`: never 0 or 1
 * exactly, so inverse distribution functions stay finite.
 */
export function uniformAt(key: number, trial: number, index = 0): number {
  let h = fmix32((key + Math.imul(trial + 1, 0x9e3779b9)) >>> 0);
  h = fmix32((h ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  h = fmix32((h + key) >>> 0);
  return (h + 0.5) / 4294967296;
}
