/**
 * Seeded randomness. Every random draw in the project comes from a generator made here
 * from an explicit seed, so a seed gives bit-identical results on any machine.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** The largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;

/** mulberry32: 32 bits of state, integer arithmetic only, so no platform can disagree. */
export function makeRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from the uniform distribution U(low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}
