import { runKernelStudies } from "../parallel/kernelStudy";
import { PAPER_SYMMETRY_RUN } from "../tasks/symmetry";
import { type SeedOutcome } from "./seedRun";
import { CLAIMS_STUDY } from "./claimsStudyPlan";
import { gridJobs } from "./stepRuleGrid";

export { CLAIMS_STUDY };

export interface ClaimsStudyResult {
  /** The paper's settings, one outcome per seed, in seed order. */
  paper: SeedOutcome[];
  /** The grid's outcomes, in `gridJobs` order. */
  grid: SeedOutcome[];
}

/**
 * Runs both parts of the study as one batch on worker threads, in the WebAssembly kernel
 * (the same outcomes as `runSeed`, bit for bit), so both cores stay busy to the end.
 */
export async function runClaimsStudy(options: { workers: number; onProgress?: (done: number, total: number) => void }): Promise<ClaimsStudyResult> {
  const { ε, α } = PAPER_SYMMETRY_RUN;
  const { seeds, cap, settle, grid } = CLAIMS_STUDY;
  const paper = { H: 2, seeds: Array.from({ length: seeds }, (_, seed) => seed), ε, α, cap, settle };
  // `gridJobs`'s runs, one kernel study per cell (they come cell by cell)
  const runs = gridJobs(grid);
  const cells = Array.from({ length: runs.length / grid.seeds }, (_, k) => {
    const cell = runs.slice(k * grid.seeds, (k + 1) * grid.seeds);
    return { H: 2, seeds: cell.map((run) => run.seed), ε: cell[0]!.ε, α: cell[0]!.α, cap: grid.cap, settle: 0 };
  });
  const [paperOutcomes, ...cellOutcomes] = await runKernelStudies([paper, ...cells], options);
  return { paper: paperOutcomes!, grid: cellOutcomes.flat() };
}
