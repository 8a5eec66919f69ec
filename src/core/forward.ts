import { logistic } from "./logistic";
import { type Layer, type Network } from "./network";
import { type Batch, type PackedNetwork, unitRows } from "./packed";

/** The net input x_j = b_j + Σ_i w_ji y_i of every unit of a layer, from the outputs y of the layer below. */
export function layerNetInputs(layer: Layer, below: readonly number[]): number[] {
  return layer.biases.map((b, j) => layer.weights[j]!.reduce((x, w, i) => x + w * below[i]!, b));
}

/** Every layer's outputs for one input, as plain arrays: `[input, hidden…, output]`, y_j = logistic(x_j). */
export function forward(network: Network, input: readonly number[]): number[][] {
  const ys = [input.slice()];
  for (const layer of network.layers) ys.push(layerNetInputs(layer, ys[ys.length - 1]!).map(logistic));
  return ys;
}

/** The output layer's values for one input. */
export function predict(network: Network, input: readonly number[]): number[] {
  const ys = forward(network, input);
  return ys[ys.length - 1]!;
}

/** The net input x_j of each unit of layer l for one input: b_j + Σ_i w_ji y_i. */
export function netInputs(network: Network, input: readonly number[], l: number): number[] {
  return layerNetInputs(network.layers[l]!, forward(network, input)[l]!);
}

/** `row[c] += a · v[c]` for every case c, or only for the cases listed (those where v is not 0). */
export function addScaled(row: Float64Array, a: number, v: Float64Array, cases: Uint32Array | null): void {
  if (cases === null) {
    // Stryker disable next-line EqualityOperator: `c <= row.length` only adds a write past the end, which a Float64Array ignores
    for (let c = 0; c < row.length; c++) row[c]! += a * v[c]!;
  } else {
    // Stryker disable next-line EqualityOperator: `k <= cases.length` only adds a write to row[undefined], a key no sum reads
    for (let k = 0; k < cases.length; k++) row[cases[k]!]! += a * v[cases[k]!]!;
  }
}

/**
 * The forward pass for a whole batch at once, the same sums as `forward` case by case.
 * `ys[0]` is the batch's inputs and `ys[l + 1][j][c]` the output of unit j of layer l in
 * case c: x_j = b_j + Σ_i w_ji y_i, y_j = logistic(x_j).
 */
export function forwardBatch(net: PackedNetwork, batch: Batch, ys: Float64Array[][]): void {
  ys[0] = batch.inputs;
  for (let l = 0; l < net.length; l++) {
    const { n, m, w, b } = net[l]!;
    const below = ys[l]!;
    for (let j = 0; j < m; j++) {
      const y = ys[l + 1]![j]!; // holds x_j until the logistic turns it into y_j
      y.fill(b[j]!);
      for (let i = 0; i < n; i++) {
        const wji = w[j * n + i]!;
        // Stryker disable next-line ConditionalExpression: adding every link (w = 0 too) or every case (v = 0 too) adds only w · v = ±0 terms, which change no sum but the sign of an exact 0, and the logistic ignores that
        if (wji !== 0) addScaled(y, wji, below[i]!, l === 0 ? batch.active[i]! : null); // a link left out adds nothing
      }
      for (let c = 0; c < y.length; c++) y[c] = logistic(y[c]!);
    }
  }
}

/** Activation rows for `forwardBatch`: one list per layer, the inputs' slot first. */
export function activationBuffers(net: PackedNetwork, count: number): Float64Array[][] {
  return [[], ...net.map(({ m }) => unitRows(m, count))];
}
