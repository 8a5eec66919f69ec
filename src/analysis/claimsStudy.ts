import { inPieces } from "../kernel/blocks";
import { type KernelStudyJob } from "../kernel/study";
import { runKernelStudies, runKernelStudy } from "../parallel/kernelStudy";
import { PAPER_SYMMETRY_RUN } from "../tasks/symmetry";
import { type SeedOutcome } from "./seedRun";
import { CLAIMS_STUDY } from "./claimsStudyPlan";
import { equalisedε } from "./hiddenUnits";
import { gridJobs } from "./stepRuleGrid";
import { MAX_ε, numberRange, type SettingRange, wholeNumberRange } from "../notebook/settings";

export { CLAIMS_STUDY };

/** The study's three parts: the paper's settings (both notebooks), the step-rule grid (07a), the wider nets (07b). */
export type ClaimsStudyPart = "paper" | "grid" | "hidden";

/** One arm of the wider nets' study: H hidden units at step ε, equalised (or not) to the 6-2-1 net's push at `base`. */
export interface HiddenArm {
  H: number;
  ε: number;
  /** The 6-2-1 net's ε this arm is compared with. */
  base: number;
  /** Whether ε is `equalisedε(base, H)` rather than `base` itself. */
  equalised: boolean;
  /** One outcome per seed, in seed order. */
  outcomes: SeedOutcome[];
}

export interface ClaimsStudyResult {
  /** The paper's settings, one outcome per seed, in seed order (empty unless the part was run). */
  paper: SeedOutcome[];
  /** The grid's outcomes, in `gridJobs` order (empty unless the part was run). */
  grid: SeedOutcome[];
  /** The wider nets' arms, in `hiddenArms` order (empty unless the part was run). */
  hidden: HiddenArm[];
}

/**
 * The wider nets' arms: 3 and 4 hidden units at the paper's ε; the same at the step that
 * pushes the output's net input as far per sweep as the 6-2-1 net's does at the paper's ε;
 * and all three widths at the second ε, the wider ones equalised to it. A notebook's
 * settings may put another ε in the paper's place, or another second ε.
 */
export function hiddenArms(ε: number = PAPER_SYMMETRY_RUN.ε, secondε: number = CLAIMS_STUDY.hidden.secondε): Omit<HiddenArm, "outcomes">[] {
  const { units } = CLAIMS_STUDY.hidden;
  return [
    ...units.map((H) => ({ H, ε, base: ε, equalised: false })),
    ...units.map((H) => ({ H, ε: equalisedε(ε, H), base: ε, equalised: true })),
    { H: 2, ε: secondε, base: secondε, equalised: true },
    ...units.map((H) => ({ H, ε: equalisedε(secondε, H), base: secondε, equalised: true })),
  ];
}

/**
 * What the settings cells of notebooks 07a and 07b may change in the study, under the
 * notebooks' names: the step rule of the main runs (the wider nets' arms take it too),
 * how many seeds (0, 1, …) and the caps. 07a's `continueTo` is read by the notebook alone.
 */
// a type, not an interface, so that it passes as the plain record of numbers `useSettings` takes
export type ClaimsStudySettings = {
  ε: number;
  α: number;
  /** Seeds of the main runs and of each wider net's arm. */
  studySeeds: number;
  cap: number;
  /** How far 07a carries on the runs still unsolved at `cap`. */
  continueTo: number;
  /** Seeds in each cell of the grid. */
  gridSeeds: number;
  gridCap: number;
  hiddenCap: number;
  secondε: number;
};

/** The settings the prose of 07a and 07b describes: the paper's step rule and `CLAIMS_STUDY`'s sizes. */
export const CLAIMS_SETTINGS: ClaimsStudySettings = {
  ε: PAPER_SYMMETRY_RUN.ε,
  α: PAPER_SYMMETRY_RUN.α,
  studySeeds: CLAIMS_STUDY.seeds,
  cap: CLAIMS_STUDY.cap,
  continueTo: 60_000,
  gridSeeds: CLAIMS_STUDY.grid.seeds,
  gridCap: CLAIMS_STUDY.grid.cap,
  hiddenCap: CLAIMS_STUDY.hidden.cap,
  secondε: CLAIMS_STUDY.hidden.secondε,
};

/**
 * The ranges of the study's own settings (ε and α have the series' ranges). The main runs
 * keep their state at `hiddenCap` for 07b to compare the wider nets there, so `cap` is at
 * least the largest `hiddenCap`, 2,000; the upper limits keep a run of the notebook within
 * minutes.
 */
export const CLAIMS_SETTING_RANGES: Record<string, SettingRange> = {
  studySeeds: wholeNumberRange(1, 10_000),
  cap: wholeNumberRange(CLAIMS_STUDY.hidden.cap, 100_000),
  continueTo: wholeNumberRange(1, 200_000),
  gridSeeds: wholeNumberRange(1, 1000),
  gridCap: wholeNumberRange(1, 30_000),
  hiddenCap: wholeNumberRange(100, CLAIMS_STUDY.hidden.cap),
  secondε: numberRange(0, MAX_ε),
};

/** Worker threads for the study: both cores of the two-core machine the series is written for. */
export const STUDY_WORKERS = 2;

/**
 * Notebook 07a's look past the cap: the 6-2-1 runs of `seeds` at ε and α again, each until
 * solved or `continueTo` sweeps (none when `seeds` is empty).
 */
export async function continueRuns(
  seeds: readonly number[],
  { ε, α, continueTo }: Pick<ClaimsStudySettings, "ε" | "α" | "continueTo">,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedOutcome[]> {
  if (seeds.length === 0) return [];
  return runKernelStudy({ H: 2, seeds: [...seeds], ε, α, cap: continueTo, settle: 0 }, { workers: STUDY_WORKERS, ...(onProgress ? { onProgress } : {}) });
}

/**
 * Runs the parts of the study asked for as one batch on worker threads, in the WebAssembly
 * kernel (the same outcomes as `runSeed`, bit for bit), so both cores stay busy to the
 * end: the wider nets first, whose long plateau runs then overlap everything else, and
 * the grid's short runs last, to fill the gaps. A part's outcomes do not depend on which
 * other parts run beside it.
 */
export async function runClaimsStudy(options: {
  parts?: readonly ClaimsStudyPart[];
  settings?: Partial<ClaimsStudySettings>;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<ClaimsStudyResult> {
  const { parts = ["paper", "grid", "hidden"], settings = {}, workers = STUDY_WORKERS, onProgress } = options;
  const pool = { workers, ...(onProgress ? { onProgress } : {}) };
  const { ε, α, studySeeds, cap, gridSeeds, gridCap, hiddenCap, secondε } = { ...CLAIMS_SETTINGS, ...settings };
  const { settle } = CLAIMS_STUDY;
  const grid = { ...CLAIMS_STUDY.grid, seeds: gridSeeds, cap: gridCap };
  const allSeeds = Array.from({ length: studySeeds }, (_, seed) => seed);
  const arms = parts.includes("hidden") ? hiddenArms(ε, secondε) : [];
  const wider: KernelStudyJob[] = arms.map(({ H, ε }) => ({ H, seeds: allSeeds, ε, α, cap: hiddenCap, settle }));
  // the 2-unit runs keep their state at the wider nets' cap, to be read there beside them (`atCap`)
  const paper: KernelStudyJob[] = parts.includes("paper") ? [{ H: 2, seeds: allSeeds, ε, α, cap, settle, checkpoint: hiddenCap }] : [];
  // `gridJobs`'s runs, one kernel study per cell (they come cell by cell)
  const cells = parts.includes("grid")
    ? inPieces(gridJobs(grid), grid.seeds).map((cell) => ({ H: 2, seeds: cell.map((run) => run.seed), ε: cell[0]!.ε, α: cell[0]!.α, cap: grid.cap, settle: 0 }))
    : [];
  const outcomes = await runKernelStudies([...wider, ...paper, ...cells], pool);
  return {
    hidden: arms.map((arm, k) => ({ ...arm, outcomes: outcomes[k]! })),
    paper: paper.length > 0 ? outcomes[wider.length]! : [],
    grid: outcomes.slice(wider.length + paper.length).flat(),
  };
}
