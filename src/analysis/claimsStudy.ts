import { inPieces } from "../kernel/blocks";
import { type KernelStudyJob } from "../kernel/study";
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
  /** The paper's settings with more hidden units: for each H of `CLAIMS_STUDY.hidden.units`, one outcome per seed, in seed order. */
  hidden: Map<number, SeedOutcome[]>;
}

/**
 * Runs the three parts of the study as one batch on worker threads, in the WebAssembly
 * kernel (the same outcomes as `runSeed`, bit for bit), so both cores stay busy to the
 * end: the wider nets first, whose long plateau runs then overlap everything else, and
 * the grid's short runs last, to fill the gaps.
 */
export async function runClaimsStudy(options: { workers: number; onProgress?: (done: number, total: number) => void }): Promise<ClaimsStudyResult> {
  const { ε, α } = PAPER_SYMMETRY_RUN;
  const { seeds, cap, settle, grid, hidden } = CLAIMS_STUDY;
  const allSeeds = Array.from({ length: seeds }, (_, seed) => seed);
  const wider: KernelStudyJob[] = hidden.units.map((H) => ({ H, seeds: allSeeds, ε, α, cap: hidden.cap, settle }));
  // the 2-unit runs keep their state at the wider nets' cap, to be read there beside them (`atCap`)
  const paper: KernelStudyJob = { H: 2, seeds: allSeeds, ε, α, cap, settle, checkpoint: hidden.cap };
  // `gridJobs`'s runs, one kernel study per cell (they come cell by cell)
  const runs = gridJobs(grid);
  const cells = inPieces(runs, grid.seeds).map((cell) => ({ H: 2, seeds: cell.map((run) => run.seed), ε: cell[0]!.ε, α: cell[0]!.α, cap: grid.cap, settle: 0 }));
  const outcomes = await runKernelStudies([...wider, paper, ...cells], options);
  return {
    hidden: new Map(hidden.units.map((H, k) => [H, outcomes[k]!])),
    paper: outcomes[wider.length]!,
    grid: outcomes.slice(wider.length + 1).flat(),
  };
}
