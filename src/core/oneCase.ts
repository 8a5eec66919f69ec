/**
 * Back-propagation for one case, as a student writes it from the paper: plain numbers,
 * one equation per function, the notebooks' names. The batched trainer computes the same
 * sums for every case at once and is tested against this, bit for bit; the exercise
 * checkers compare a student's answers with it. E for one case is `caseError` (loss.ts).
 */
import { forward } from "./forward";
import { logisticDerivative } from "./logistic";
import { type Case, caseError, outputError } from "./loss";
import { type Network, zerosLike } from "./network";

/** One case's ∂E_c/∂x of a unit, from its ∂E_c/∂y and its output y: ∂E_c/∂y · y(1 − y). */
export function dEdxOf(dEdy: number, y: number): number {
  return dEdy * logisticDerivative(y);
}

/** ∂E_c/∂y_j of a hidden unit j: Σ_k ∂E_c/∂x_k · w_kj over the units k it feeds (`wAbove[k]` is w_kj). */
export function hiddenDEdy(dEdxAbove: readonly number[], wAbove: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < dEdxAbove.length; k++) sum += dEdxAbove[k]! * wAbove[k]!;
  return sum;
}

/** ∂E_c/∂w_ji = ∂E_c/∂x_j · y_i; for the bias, whose input is always 1, ∂E_c/∂b_j = ∂E_c/∂x_j. */
export function dEdwOf(dEdx: number, yBelow: number): number {
  return dEdx * yBelow;
}

/** The change of one weight: Δw(t) = −ε ∂E/∂w(t) + α Δw(t−1). */
export function weightChange(dEdw: number, previousDelta: number, ε: number, α: number): number {
  return -ε * dEdw + α * previousDelta;
}

/** The weight after its change, then shrunk by the decay: (w + Δw)(1 − decay). */
export function changedWeight(w: number, delta: number, decay = 0): number {
  return (w + delta) * (1 - decay);
}

/** Every quantity of the chain rule for one case, layer by layer, as plain arrays. */
export interface BackwardTrace {
  /** `y[0]` is the input, `y[l + 1]` the outputs of layer l. */
  y: number[][];
  /** `dEdy[l]`, `dEdx[l]`: derivatives at the units of layer l. */
  dEdy: number[][];
  dEdx: number[][];
  E: number;
  dEdw: Network;
}

/** The forward and backward passes for one case, every intermediate kept, in the paper's order. */
export function backwardTrace(network: Network, c: Case, margin = 0): BackwardTrace {
  const { layers } = network;
  const y = forward(network, c.input);
  const top = layers.length - 1;
  // Stryker disable next-line ArrayDeclaration: the loop below writes every layer's row, from the top down to 0, so no first entry survives it
  const dEdy: number[][] = [];
  const dEdx: number[][] = [];
  const dEdw = zerosLike(network);
  // ∂E_c/∂w as a sum over this one case, from 0 as over a batch: so a 0 is +0, never a −0 from −0.03 · 0.
  const sumOfOne = (term: number) => 0 + term;
  dEdy[top] = y[top + 1]!.map((yj, j) => outputError(yj, c.target[j]!, margin));
  for (let l = top; l >= 0; l--) {
    const { weights, connected } = layers[l]!;
    dEdx[l] = dEdy[l]!.map((e, j) => dEdxOf(e, y[l + 1]![j]!));
    dEdx[l]!.forEach((dx, j) => {
      dEdw.layers[l]!.biases[j] = sumOfOne(dEdwOf(dx, 1));
      dEdw.layers[l]!.weights[j] = y[l]!.map((yi, i) => (connected?.[j]?.[i] === false ? 0 : sumOfOne(dEdwOf(dx, yi))));
    });
    if (l > 0) dEdy[l - 1] = y[l]!.map((_, i) => hiddenDEdy(dEdx[l]!, weights.map((row) => row[i]!)));
  }
  return { y, dEdy, dEdx, E: caseError(y[top + 1]!, c.target, margin), dEdw };
}
