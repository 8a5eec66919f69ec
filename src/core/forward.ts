import { logistic } from "./logistic";
import { type Network } from "./network";
import { type Batch, type PackedNetwork, pack, packCases, unitRows } from "./packed";

/**
 * The forward pass for a whole batch at once. `ys[0]` is the batch's inputs and
 * `ys[l + 1][j][c]` the output of unit j of layer l in case c:
 *   x_j = b_j + Σ_i w_ji y_i,   y_j = logistic(x_j).
 */
export function forwardBatch(net: PackedNetwork, batch: Batch, ys: Float64Array[][]): void {
  const C = batch.count;
  ys[0] = batch.inputs;
  for (let l = 0; l < net.length; l++) {
    const { n, m, w, b } = net[l]!;
    const below = ys[l]!;
    const y = ys[l + 1]!;
    for (let j = 0; j < m; j++) {
      const yj = y[j]!;
      yj.fill(b[j]!);
      for (let i = 0; i < n; i++) {
        const wji = w[j * n + i]!;
        if (wji === 0) continue; // a link left out, or a weight that is exactly 0, adds nothing
        const yi = below[i]!;
        for (let c = 0; c < C; c++) yj[c]! += wji * yi[c]!;
      }
      for (let c = 0; c < C; c++) yj[c] = logistic(yj[c]!);
    }
  }
}

/** Activation rows for `forwardBatch`: one list per layer, the inputs' slot first. */
export function activationBuffers(net: PackedNetwork, count: number): Float64Array[][] {
  return [[], ...net.map(({ m }) => unitRows(m, count))];
}

/** Every layer's outputs for one input, as plain arrays: `[input, hidden…, output]`. */
export function forward(network: Network, input: readonly number[]): number[][] {
  const net = pack(network);
  const ys = activationBuffers(net, 1);
  forwardBatch(net, packCases([{ input: input.slice(), target: [] }]), ys);
  return ys.map((rows, l) => (l === 0 ? input.slice() : rows.map((row) => row[0]!)));
}

/** The output layer's values for one input. */
export function predict(network: Network, input: readonly number[]): number[] {
  const ys = forward(network, input);
  return ys[ys.length - 1]!;
}

/** The net input x_j of each unit of layer l for one input: b_j + Σ_i w_ji y_i. */
export function netInputs(network: Network, input: readonly number[], l: number): number[] {
  const below = forward(network, input)[l]!;
  const { weights, biases } = network.layers[l]!;
  return biases.map((b, j) => weights[j]!.reduce((x, w, i) => x + w * below[i]!, b));
}
