import { quantile } from "./quantile";
import { type SeedOutcome } from "./seedRun";

/** Each run's sweeps to solve, sorted, with Infinity for a run the cap stopped first. */
export function sweepsToSolve(outcomes: readonly SeedOutcome[]): number[] {
  return outcomes.map((o) => o.solvedAt ?? Infinity).sort((a, b) => a - b);
}

/** The share of runs solved within a number of sweeps. */
export function solvedShare(outcomes: readonly SeedOutcome[], within: number): number {
  return outcomes.filter((o) => o.solvedAt !== null && o.solvedAt <= within).length / outcomes.length;
}

/** Quartiles and tail of sweeps to solve over all runs (unsolved count as Infinity: a median past the cap is Infinity). */
export function solveQuartiles(outcomes: readonly SeedOutcome[]): { q1: number; median: number; q3: number; p90: number } {
  const sorted = sweepsToSolve(outcomes);
  return { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), p90: quantile(sorted, 0.9) };
}
