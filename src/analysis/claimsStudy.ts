import { runSeedJobs } from "../parallel/seedPool";
import { PAPER_SYMMETRY_RUN } from "../tasks/symmetry";
import { type SeedOutcome } from "./seedRun";
import { type StepRuleGrid, gridJobs } from "./stepRuleGrid";

/**
 * The study of notebook 07: seeds 0–999 with the paper's settings, each until solved or
 * 10,000 sweeps (seven times the paper's 1,425), a solved run then trained 500 sweeps
 * more to let its weights settle; and a grid of ε and α from seeds 0–31, each until
 * solved or 3,000 sweeps.
 */
export const CLAIMS_STUDY = {
  seeds: 1000,
  cap: 10_000,
  settle: 500,
  grid: { εs: [0.025, 0.05, 0.1, 0.2, 0.4, 0.8], αs: [0, 0.5, 0.8, 0.9, 0.95], seeds: 32, cap: 3000 } satisfies StepRuleGrid,
};

export interface ClaimsStudyResult {
  /** The paper's settings, one outcome per seed, in seed order. */
  paper: SeedOutcome[];
  /** The grid's outcomes, in `gridJobs` order. */
  grid: SeedOutcome[];
}

/** Runs both parts of the study as one batch on worker threads, so both cores stay busy to the end. */
export async function runClaimsStudy(options: { workers: number; onProgress?: (done: number, total: number) => void }): Promise<ClaimsStudyResult> {
  const { ε, α } = PAPER_SYMMETRY_RUN;
  const paper = Array.from({ length: CLAIMS_STUDY.seeds }, (_, seed) => ({ seed, ε, α, cap: CLAIMS_STUDY.cap, settle: CLAIMS_STUDY.settle }));
  const grid = gridJobs(CLAIMS_STUDY.grid);
  const outcomes = await runSeedJobs([...paper, ...grid], options);
  return { paper: outcomes.slice(0, paper.length), grid: outcomes.slice(paper.length) };
}
