/**
 * Three slips a first backward pass often makes, each written the way the mistaken code
 * computes, so that notebook 4 can set its gradient beside the right one. They share the
 * matrix form's pieces (matrixForm.ts); only the slip differs from the right pass.
 */
import { gradient } from "../core/backward";
import { forward } from "../core/forward";
import { type Case } from "../core/loss";
import { logisticDerivative } from "../core/logistic";
import { addOuterProduct, caseDeltas, matrixGradient, times, transposeTimes } from "../core/matrixForm";
import { cloneNetwork, type Network, zerosLike } from "../core/network";

/** acc += g, weight by weight. */
function addInto(acc: Network, g: Network): void {
  acc.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => row.forEach((_, i) => (row[i]! += g.layers[l]!.weights[j]![i]!)));
    layer.biases.forEach((_, j) => (layer.biases[j]! += g.layers[l]!.biases[j]!));
  });
}

/** w − ε g for every weight: plain descent's step, eq. 8. */
function descended(network: Network, g: Network, ε: number): Network {
  const next = cloneNetwork(network);
  next.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => row.forEach((w, i) => (row[i] = w - ε * g.layers[l]!.weights[j]![i]!)));
    layer.biases.forEach((b, j) => (layer.biases[j] = b - ε * g.layers[l]!.biases[j]!));
  });
  return next;
}

/**
 * Plain descent for `sweeps` sweeps with one gradient accumulator. With `reset` it is zeroed
 * before each sweep, as it must be; without, the slip, each sweep's gradient piles onto all the
 * earlier ones. Returns the weights the last sweep started from and the gradient it used.
 */
export function descentWithAccumulator(network: Network, cases: readonly Case[], sweeps: number, ε: number, reset: boolean): { network: Network; used: Network } {
  let weights = network;
  let acc = zerosLike(network);
  for (let sweep = 1; ; sweep++) {
    if (reset) acc = zerosLike(network);
    addInto(acc, gradient(weights, cases).dEdw);
    if (sweep === sweeps) return { network: weights, used: acc };
    weights = descended(weights, acc, ε);
  }
}

/**
 * The slip of changing each layer's weights (by −ε ∂E/∂w) as soon as its derivatives are summed,
 * before the pass has gone below it: the layer below is then handed δ through the changed weights.
 * Returns the gradient this pass computes, to set beside the right one of the unchanged weights.
 */
export function gradientWithEarlyStep(network: Network, cases: readonly Case[], ε: number): Network {
  const dEdw = zerosLike(network);
  const changed = cloneNetwork(network);
  const ys = cases.map((c) => forward(network, c.input));
  let δs = cases.map((c) => caseDeltas(network, c).δ.at(-1)!);
  for (let l = network.layers.length - 1; l >= 0; l--) {
    ys.forEach((y, k) => addOuterProduct(dEdw.layers[l]!, δs[k]!, y[l]!));
    changed.layers[l] = descended({ layers: [network.layers[l]!] }, { layers: [dEdw.layers[l]!] }, ε).layers[0]!;
    if (l > 0) δs = δs.map((δ, k) => times(transposeTimes(changed.layers[l]!.weights, δ), ys[k]![l]!.map(logisticDerivative)));
  }
  return dEdw;
}

/** The slip of taking the logistic's slope y(1 − y) of the total input x instead: x(1 − x) in every unit. */
export function gradientWithSlopeOfX(network: Network, cases: readonly Case[]): Network {
  return matrixGradient(network, cases, (_, x) => x * (1 - x));
}
