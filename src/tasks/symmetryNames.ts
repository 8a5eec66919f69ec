import { type Network } from "../core/network";
import { flatten } from "./figureMatch";

/**
 * The symmetry net's units and weights by name, as the notebooks draw and discuss them:
 * the input bits y1…y6 (as in the paper, an input unit's output is its y), hidden units L
 * and R (the figure's left and right), the output o.
 */
export const SYMMETRY_UNIT_NAMES = [["y1", "y2", "y3", "y4", "y5", "y6"], ["L", "R"], ["o"]];

/** Every weight's name in `flatten` order: each unit's incoming weights, then its bias. */
export const SYMMETRY_WEIGHT_NAMES = [
  ...["L", "R"].flatMap((j) => [...[1, 2, 3, 4, 5, 6].map((i) => `w_${j}${i}`), `b_${j}`]),
  "w_oL",
  "w_oR",
  "b_o",
];

/** Every weight and bias of a symmetry net with its name, in `flatten` order. */
export function namedWeights(network: Network): { name: string; w: number }[] {
  const values = flatten(network);
  if (values.length !== SYMMETRY_WEIGHT_NAMES.length) {
    throw new RangeError(`a symmetry net has ${SYMMETRY_WEIGHT_NAMES.length} weights and biases, this network has ${values.length}`);
  }
  return values.map((w, k) => ({ name: SYMMETRY_WEIGHT_NAMES[k]!, w }));
}
