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

/**
 * Which error the output units measure: the paper's squared error, ½ (y − d)², or the
 * cross-entropy −[d ln y + (1 − d) ln(1 − y)] that later practice uses at logistic outputs;
 * or, with a margin, squared error read the other way the paper's words allow
 * ("squaredFromTarget", see `outputErrorFromTarget`).
 */
export type Loss = "squared" | "crossEntropy" | "squaredFromTarget";

/**
 * The rival reading of the family-trees margin m: an output within m of its target counts
 * as right (0), and one outside it is measured from the target itself, y − d, not from the
 * margin's edge as `outputError` measures it. The error jumps by m at the edge.
 */
export function outputErrorFromTarget(y: number, d: number, margin: number): number {
  return Math.abs(y - d) < margin ? 0 : y - d;
}

/**
 * One output unit's cross-entropy for a target d of 0 or 1. Its ∂E/∂y, (y − d) / y(1 − y),
 * meets the logistic's slope y(1 − y), so its ∂E/∂x is y − d: no slope that vanishes when
 * the output is confidently wrong.
 */
export function unitCrossEntropy(y: number, d: number): number {
  // From 0, so that a certain right answer costs +0, not −0; each term is left out where d makes it 0 · ln 0.
  return 0 - (d === 0 ? 0 : d * Math.log(y)) - (d === 1 ? 0 : (1 - d) * Math.log1p(-y));
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
