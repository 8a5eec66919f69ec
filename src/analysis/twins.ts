/**
 * Symmetry breaking: why the starting weights must differ. Hidden units that start with the
 * same weights in and out compute the same output in every case, receive the same
 * derivatives, take the same steps, and so stay the same unit for ever.
 */
import { type Network, cloneNetwork } from "../core/network";

/**
 * A copy of a net with one hidden layer in which every hidden unit starts as the first:
 * its weights in, its bias and its weight to each unit above.
 */
export function twinHiddenUnits(network: Network): Network {
  const twins = cloneNetwork(network);
  const [hidden, above] = twins.layers as [Network["layers"][0], Network["layers"][0]];
  hidden.weights = hidden.weights.map(() => hidden.weights[0]!.slice());
  hidden.biases = hidden.biases.map(() => hidden.biases[0]!);
  above.weights = above.weights.map((row) => row.map(() => row[0]!));
  return twins;
}

/** How far the hidden units have come apart: the largest difference of any weight, in or out, or bias from the first unit's. */
export function twinGap(network: Network): number {
  const [hidden, above] = network.layers as [Network["layers"][0], Network["layers"][0]];
  let gap = 0;
  hidden.weights.forEach((row, j) => {
    row.forEach((w, i) => (gap = Math.max(gap, Math.abs(w - hidden.weights[0]![i]!))));
    gap = Math.max(gap, Math.abs(hidden.biases[j]! - hidden.biases[0]!));
  });
  for (const row of above.weights) for (const w of row) gap = Math.max(gap, Math.abs(w - row[0]!));
  return gap;
}
