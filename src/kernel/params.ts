import { type Architecture, type Network } from "../core/network";

/** The kernel's largest hidden layer (MAX_H in kernel.ts). */
export const KERNEL_MAX_HIDDEN = 8;

/** The symmetry task's net with H hidden units: 6 inputs, H logistic hidden units, 1 output. */
export function symmetryArchitecture(H: number): Architecture {
  return { inputs: 6, layers: [{ units: H }, { units: 1 }] };
}

/** A 6-H-1 net's parameter count: 6H weights and H biases below, H weights and a bias above. */
export const paramCount = (H: number) => 8 * H + 1;

/** H of a 6-H-1 net the kernel can train, or a RangeError naming what does not fit. */
export function hiddenUnitsOf(network: Network): number {
  const [hidden, output] = network.layers;
  const H = hidden?.biases.length ?? 0;
  const fits =
    network.layers.length === 2 &&
    H >= 1 &&
    H <= KERNEL_MAX_HIDDEN &&
    hidden!.weights.length === H &&
    hidden!.weights.every((row) => row.length === 6) &&
    !hidden!.connected &&
    output!.biases.length === 1 &&
    output!.weights[0]?.length === H &&
    !output!.connected;
  if (!fits) throw new RangeError(`the kernel trains 6-H-1 symmetry nets with H from 1 to ${KERNEL_MAX_HIDDEN}`);
  return H;
}

/** The kernel's flat order, the core's layer by layer: w_ji below (row j), b_j, then the output unit's w_j and b. */
export function writeParams(network: Network, into: Float64Array, at: number): void {
  let k = at;
  for (const layer of network.layers) {
    for (const row of layer.weights) for (const w of row) into[k++] = w;
    for (const b of layer.biases) into[k++] = b;
  }
}

/**
 * `count` numbers of a kernel's memory from `at`, as a plain array. A loop, not
 * `Array.from(view)`, which walks a typed array through its iterator: for a run's 1,426
 * losses that took 0.1–0.2 ms, as long as a tenth of the run itself.
 */
export function numbersAt(from: Float64Array, at: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let k = 0; k < count; k++) out[k] = from[at + k]!;
  return out;
}

export function readParams(from: Float64Array, at: number, H: number): Network {
  const weights = Array.from({ length: H }, (_, j) => numbersAt(from, at + 6 * j, 6));
  return {
    layers: [
      { weights, biases: numbersAt(from, at + 6 * H, H) },
      { weights: [numbersAt(from, at + 7 * H, H)], biases: numbersAt(from, at + 8 * H, 1) },
    ],
  };
}
