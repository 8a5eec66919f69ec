/**
 * The backward pass in matrix form, as a modern course writes it. For one case c, with δ⁽ˡ⁾
 * the vector of ∂E_c/∂x over layer l's units and W⁽ˡ⁾ the matrix of its weights (row j, column i
 * holding w_ji):
 *   δ⁽ᵗᵒᵖ⁾ = (y − d) ⊙ y ⊙ (1 − y)
 *   δ⁽ˡ⁾   = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ y⁽ˡ⁾ ⊙ (1 − y⁽ˡ⁾)
 *   ∂E/∂W⁽ˡ⁾ = Σ_c δ⁽ˡ⁾ y⁽ˡ⁻¹⁾ᵀ (a sum of outer products),  ∂E/∂b⁽ˡ⁾ = Σ_c δ⁽ˡ⁾.
 * Written from whole vectors and matrices rather than the unit-by-unit functions of oneCase.ts,
 * so that the two forms can be held against each other. A link the network leaves out (the
 * family-trees net's `connected`) gets no derivative, as in the library's gradient.
 */
import { forward, layerNetInputs } from "./forward";
import { logisticDerivative } from "./logistic";
import { type Case } from "./loss";
import { type Layer, type Network, zerosLike } from "./network";

/** Wᵀv: row i is Σ_j W[j][i] v[j], what the layer below receives back through W. */
export function transposeTimes(W: readonly (readonly number[])[], v: readonly number[]): number[] {
  return W[0]!.map((_, i) => W.reduce((sum, row, j) => sum + row[i]! * v[j]!, 0));
}

/** The outer product a bᵀ: entry [j][i] is a[j] · b[i]. */
export function outer(a: readonly number[], b: readonly number[]): number[][] {
  return a.map((aj) => b.map((bi) => aj * bi));
}

/** The element-by-element product a ⊙ b. */
export function times(a: readonly number[], b: readonly number[]): number[] {
  return a.map((aj, j) => aj * b[j]!);
}

/** A unit's slope dy/dx from its output y and total input x; the logistic's is y(1 − y), x unused. */
export type Slope = (y: number, x: number) => number;
const logisticSlope: Slope = (y) => logisticDerivative(y);

/** A layer's slopes, element by element, from its outputs and total inputs. */
export function slopes(y: readonly number[], x: readonly number[], slope: Slope = logisticSlope): number[] {
  return y.map((yj, j) => slope(yj, x[j]!));
}

/**
 * δ⁽ˡ⁾ = ∂E_c/∂x for every layer l of one case, from the top down, with the outputs y and total
 * inputs x of its forward pass. `slope` is the logistic's unless a caller means to show a slip.
 */
export function caseDeltas(network: Network, c: Case, slope: Slope = logisticSlope): { y: number[][]; δ: number[][] } {
  const { layers } = network;
  const y = forward(network, c.input);
  const x = layers.map((layer, l) => layerNetInputs(layer, y[l]!));
  const top = layers.length - 1;
  const δ: number[][] = [];
  δ[top] = times(y[top + 1]!.map((yj, j) => yj - c.target[j]!), slopes(y[top + 1]!, x[top]!, slope));
  for (let l = top - 1; l >= 0; l--) δ[l] = times(transposeTimes(layers[l + 1]!.weights, δ[l + 1]!), slopes(y[l + 1]!, x[l]!, slope));
  return { y, δ };
}

/** Adds one case's δ yᵀ to a layer's ∂E/∂W and its δ to ∂E/∂b; a link the layer leaves out gets nothing. */
export function addOuterProduct(into: Layer, δ: readonly number[], yBelow: readonly number[], connected?: boolean[][]): void {
  outer(δ, yBelow).forEach((row, j) => row.forEach((g, i) => (into.weights[j]![i]! += connected?.[j]?.[i] === false ? 0 : g)));
  δ.forEach((g, j) => (into.biases[j]! += g));
}

/** ∂E/∂W⁽ˡ⁾ = Σ_c δ⁽ˡ⁾ y⁽ˡ⁻¹⁾ᵀ and ∂E/∂b⁽ˡ⁾ = Σ_c δ⁽ˡ⁾ over the cases, for every layer. */
export function matrixGradient(network: Network, cases: readonly Case[], slope: Slope = logisticSlope): Network {
  const dEdw = zerosLike(network);
  for (const c of cases) {
    const { y, δ } = caseDeltas(network, c, slope);
    dEdw.layers.forEach((layer, l) => addOuterProduct(layer, δ[l]!, y[l]!, network.layers[l]!.connected));
  }
  return dEdw;
}
