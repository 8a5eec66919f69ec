import { type Network } from "../core/network";

/**
 * How far one hidden unit's input weights are from antisymmetric about the midpoint
 * (w_i = −w_{7−i} for six inputs): the largest |w_i + w_{7−i}| over the mirror pairs, as a
 * fraction of the unit's largest |w_i|. 0 is exact; Figure 1's left unit scores 0.
 */
export function asymmetry(w: readonly number[]): number {
  const n = w.length;
  let largest = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(w[i]!));
  for (let i = 0; i < n >> 1; i++) worst = Math.max(worst, Math.abs(w[i]! + w[n - 1 - i]!));
  return largest === 0 ? 0 : worst / largest;
}

/** The study's tolerance: every mirror pair cancels to within 10% of the unit's largest weight. */
export const ANTISYMMETRY_TOLERANCE = 0.1;

/** Whether every hidden unit of a one-hidden-layer net is antisymmetric within the tolerance. */
export function isAntisymmetric(network: Network, tolerance = ANTISYMMETRY_TOLERANCE): boolean {
  return network.layers[0]!.weights.every((w) => asymmetry(w) <= tolerance);
}
