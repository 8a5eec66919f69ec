/**
 * One sentence on how a symmetry run went: solved when, or what stopped it and why, in the
 * words of the plateaus of `plateauOf`. The site's live figure prints it under its chart,
 * and a training notebook under its live run, so a run that fails says so in words.
 */
import { formatWeight } from "../charts/style";
import { type TrainResult } from "../core/train";
import { type StepRule } from "../core/stepRule";
import { plateauOf } from "./plateau";

export function runVerdict(result: TrainResult, { ε, α }: StepRule): string {
  const sweeps = result.sweep.toLocaleString("en-US");
  if (result.stopped === "non-finite")
    return `The run blew up at sweep ${sweeps}: momentum lets each step grow to about ε/(1 − α) = ${formatWeight(ε / (1 - α), 2)} times the gradient, and steps that large overshoot the valley and grow until a weight overflows.`;
  const E = formatWeight(result.losses.at(-1)!, 4);
  if (result.solvedAt !== null) return `Solved: every case on the right side of ½ from sweep ${result.solvedAt.toLocaleString("en-US")}, and E = ${E} after ${sweeps} sweeps.`;
  const plateau = plateauOf(result.network);
  if (plateau.kind === "saturated")
    return `Not solved in ${sweeps} sweeps (E = ${E}): momentum carried the first steps (up to ε/(1 − α) = ${formatWeight(ε / (1 - α), 1)} times the gradient) past the best constant answer until the output unit said “no” to every case, and saturated there its slope y(1 − y) is so near 0 that almost no error reaches the hidden units.`;
  if (plateau.kind === "average")
    return `Not solved in ${sweeps} sweeps (E = ${E}): the output answers about the share of palindromes to every case, the best a network can do without telling cases apart, and the hidden units do not tell them apart yet; more sweeps may let them.`;
  return `Not solved in ${sweeps} sweeps (E = ${E}): the hidden units tell cases apart, but ${plateau.wrongPalindromes} palindromes and ${plateau.wrongOthers} other vectors are still on the wrong side of ½; more sweeps may finish the job, or the run may have settled in a poorer valley.`;
}
