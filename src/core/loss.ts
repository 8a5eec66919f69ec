/**
 * E for one case, as the paper writes it: E = ½ Σ_j (y_j − d_j)² over the output units.
 * Every E the project reports comes from `unitError`, one unit in one case at a time.
 */

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

/** One output unit's share of E, from its ∂E/∂y = y − d: ½ (y − d)². */
export function unitError(dEdy: number): number {
  return 0.5 * dEdy * dEdy;
}

/** One case's share of E: ½ Σ_j (y_j − d_j)², or its margin form. */
export function caseError(output: readonly number[], target: readonly number[], margin = 0): number {
  let E = 0;
  for (let j = 0; j < output.length; j++) E += unitError(outputError(output[j]!, target[j]!, margin));
  return E;
}

/** Whether an output is on the right side of 0.5: above it where d = 1, not above it where d = 0 (an output of exactly 0.5 reads as a no, in the kernels too). */
export function rightSideOf(y: number, d: number): boolean {
  return y > 0.5 === d > 0.5;
}

/** Whether every output of a case is on the right side of 0.5. */
export function rightSide(output: readonly number[], target: readonly number[]): boolean {
  for (let j = 0; j < output.length; j++) if (!rightSideOf(output[j]!, target[j]!)) return false;
  return true;
}
