import { solvedShare, solveQuartiles } from "./solveTimes";
import { type SeedJob, type SeedOutcome } from "./seedRun";

/** A grid of step rules: every ε with every α, each tried from the same seeds. */
export interface StepRuleGrid {
  εs: number[];
  αs: number[];
  seeds: number;
  cap: number;
}

/** The grid's runs, α-major then ε then seed. */
export function gridJobs({ εs, αs, seeds, cap }: StepRuleGrid): SeedJob[] {
  return αs.flatMap((α) => εs.flatMap((ε) => Array.from({ length: seeds }, (_, seed) => ({ seed, ε, α, cap, settle: 0 }))));
}

/** Per cell, `[row α][column ε]`: the share solved by the cap and the median sweeps to solve (Infinity past the cap). */
export function gridSummary(grid: StepRuleGrid, outcomes: readonly SeedOutcome[]): { share: number[][]; median: number[][] } {
  const cell = (ε: number, α: number) => outcomes.filter((o) => o.ε === ε && o.α === α);
  return {
    share: grid.αs.map((α) => grid.εs.map((ε) => solvedShare(cell(ε, α), grid.cap))),
    median: grid.αs.map((α) => grid.εs.map((ε) => solveQuartiles(cell(ε, α)).median)),
  };
}
