import { predict } from "./forward";
import { type Network } from "./network";

/** One training case: an input vector and the desired output d for every output unit. */
export interface Case {
  input: number[];
  target: number[];
}

/**
 * ∂E/∂y for one output unit with output y and desired value d: y − d. With a margin m
 * (the paper's family-trees rule, m = 0.2) an output within m of its target already
 * counts as right, so the error is measured only beyond that point: for d = 1 against
 * 0.8, for d = 0 against 0.2, and is 0 on the right side of it.
 */
export function outputError(y: number, d: number, margin = 0): number {
  if (margin === 0) return y - d;
  return d > 0.5 ? Math.min(0, y - (d - margin)) : Math.max(0, y - (d + margin));
}

/** One case's share of E: ½ Σ_j (y_j − d_j)², or its margin form. */
export function caseError(output: readonly number[], target: readonly number[], margin = 0): number {
  let E = 0;
  for (let j = 0; j < output.length; j++) {
    const e = outputError(output[j]!, target[j]!, margin);
    E += 0.5 * e * e;
  }
  return E;
}

/** Whether every output is on the right side of 0.5: above it where d = 1, below it where d = 0. */
export function rightSide(output: readonly number[], target: readonly number[]): boolean {
  for (let j = 0; j < output.length; j++) {
    if (output[j]! > 0.5 !== target[j]! > 0.5) return false;
  }
  return true;
}

/** E over a set of cases: ½ Σ_c Σ_j (y_j,c − d_j,c)², a sum, not a mean. */
export function error(network: Network, cases: readonly Case[], margin = 0): number {
  let E = 0;
  for (const c of cases) E += caseError(predict(network, c.input), c.target, margin);
  return E;
}
