import { error } from "./backward";
import { type Case, type Loss } from "./loss";
import { type Network, cloneNetwork, zerosLike } from "./network";

/**
 * ∂E/∂w for every weight and bias by central finite differences,
 * (E(w + h) − E(w − h)) / 2h: slow, but an independent truth for the backward pass.
 * Links the architecture leaves out get 0, as in the backward pass.
 */
export function finiteDifferenceGradient(network: Network, cases: readonly Case[], margin = 0, h = 1e-6, loss: Loss = "squared"): Network {
  const probe = cloneNetwork(network);
  const result = zerosLike(network);
  const slope = (read: () => number, write: (v: number) => void): number => {
    const w = read();
    write(w + h);
    const up = error(probe, cases, margin, loss);
    write(w - h);
    const down = error(probe, cases, margin, loss);
    write(w);
    return (up - down) / (2 * h);
  };
  probe.layers.forEach((layer, l) => {
    const out = result.layers[l]!;
    layer.weights.forEach((row, j) =>
      row.forEach((_, i) => {
        if (layer.connected?.[j]?.[i] === false) return;
        out.weights[j]![i] = slope(() => row[i]!, (v) => (row[i] = v));
      }),
    );
    layer.biases.forEach((_, j) => {
      out.biases[j] = slope(() => layer.biases[j]!, (v) => (layer.biases[j] = v));
    });
  });
  return result;
}

/** Calls `visit` on each weight and bias of `a` beside the same one of `b`, a network of the same shape. */
function eachPair(a: Network, b: Network, visit: (u: number, v: number) => void): void {
  a.layers.forEach((layer, l) => {
    const other = b.layers[l]!;
    layer.weights.forEach((row, j) => row.forEach((w, i) => visit(w, other.weights[j]![i]!)));
    layer.biases.forEach((w, j) => visit(w, other.biases[j]!));
  });
}

/** The largest absolute difference between two networks (or gradients) of one shape. */
export function maxDifference(a: Network, b: Network): number {
  let worst = 0;
  eachPair(a, b, (u, v) => (worst = Math.max(worst, Math.abs(u - v))));
  return worst;
}

/**
 * The worst relative difference between two gradients of one shape, over every weight:
 * |a − b| / max(|a|, |b|), which reads as how many significant digits they share whatever
 * each derivative's size; 0 where both are 0.
 */
export function relativeError(a: Network, b: Network): number {
  let worst = 0;
  eachPair(a, b, (u, v) => {
    const size = Math.max(Math.abs(u), Math.abs(v));
    if (size > 0) worst = Math.max(worst, Math.abs(u - v) / size);
  });
  return worst;
}
