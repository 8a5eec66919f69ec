/**
 * The three mirror pairs of the symmetry net's inputs and how large each pair's weights
 * are. Figure 1 carries 14.2 on the outer pair, 3.6 on the middle pair, 7.2 on the inner.
 */

/** The mirror pairs, outside in: inputs (1, 6), (2, 5), (3, 4). */
export const PAIRS = ["outer", "middle", "inner"] as const;
export type Pair = (typeof PAIRS)[number];

/** The pair magnitudes m₁, m₂, m₃ (outer, middle, inner): each the mean of |w_i| and |w_{7−i}| (equal when the unit is antisymmetric). */
export function pairMagnitudes(w: readonly number[]): [number, number, number] {
  const m = (i: number) => (Math.abs(w[i]!) + Math.abs(w[5 - i]!)) / 2;
  return [m(0), m(1), m(2)];
}

/** The pairs from the largest magnitude to the smallest, as `outer > inner > middle` (Figure 1's order). */
export function pairOrder(w: readonly number[]): string {
  const m = pairMagnitudes(w);
  return [0, 1, 2]
    .sort((a, b) => m[b]! - m[a]!)
    .map((k) => PAIRS[k])
    .join(" > ");
}

/** The magnitudes sorted from small to large, m₍₁₎ ≤ m₍₂₎ ≤ m₍₃₎, and divided by the smallest: `[1, m₍₂₎/m₍₁₎, m₍₃₎/m₍₁₎]`. */
export function magnitudeRatios(w: readonly number[]): [number, number, number] {
  const [m1, m2, m3] = pairMagnitudes(w).sort((a, b) => a - b) as [number, number, number];
  return [1, m2 / m1, m3 / m1];
}

/** The study's tolerance: each ratio within 10% of the pattern's. */
export const RATIO_TOLERANCE = 0.1;

/**
 * Whether the sorted magnitudes stand in the ratio of a sorted pattern such as 1:2:4 or
 * 2:3:4, in whatever order the pairs carry them: m₍₂₎/m₍₁₎ and m₍₃₎/m₍₁₎ each within the tolerance
 * (as a fraction) of the pattern's own.
 */
export function inRatio(w: readonly number[], pattern: readonly [number, number, number], tolerance = RATIO_TOLERANCE): boolean {
  const [, r2, r3] = magnitudeRatios(w);
  const [p1, p2, p3] = pattern;
  return Math.abs(r2 / (p2 / p1) - 1) <= tolerance && Math.abs(r3 / (p3 / p1) - 1) <= tolerance;
}
