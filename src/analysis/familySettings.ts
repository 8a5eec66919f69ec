/**
 * Notebooks 08a's and 08b's settings cells: the values their prose describes (the paper's
 * schedule, and the seeds, ranges and sizes that are ours where the paper gives none), and
 * the range of each setting that is not one of the four the series shares (ε, α, seed,
 * sweeps), for `useSettings`.
 */
import { MAX_ε, numberRange, type SettingRange, wholeNumberRange } from "../notebook/settings";
import { FAMILY_REPRODUCTION, FAMILY_SEED, FAMILY_SPLIT, PAPER_FAMILY_RUN } from "../tasks/familyTrees";
import { FAMILY_FIT_MAP } from "./familyFitMap";
import { PAPER_FAMILY_SCHEDULE } from "./familyRun";
import { FAMILY_STUDY_RUNS } from "./familyStudy";

/** Notebook 08a's run as its prose describes it. */
export const FAMILY_SETTINGS = {
  ...PAPER_FAMILY_SCHEDULE,
  margin: PAPER_FAMILY_RUN.margin,
  sweeps: PAPER_FAMILY_RUN.sweeps,
  range: PAPER_FAMILY_RUN.range,
  seed: FAMILY_SEED,
  split: FAMILY_SPLIT,
  reproductionε: FAMILY_REPRODUCTION.ε,
  reproductionRange: FAMILY_REPRODUCTION.range,
} as const;

/** Notebook 08b's runs as its prose describes them: run k has seed firstSeed + k. */
export const FAMILY_STUDY_SETTINGS = {
  mapRuns: FAMILY_FIT_MAP.runs,
  studyRuns: FAMILY_STUDY_RUNS,
  firstSeed: 1,
  reproductionε: FAMILY_REPRODUCTION.ε,
  reproductionRange: FAMILY_REPRODUCTION.range,
} as const;

const momentum: SettingRange = { holds: (v) => v >= 0 && v < 1, range: "a momentum, a number from 0 up to (not including) 1" };
const seedLike = wholeNumberRange(0, 1_000_000);
// A start wider than ±5 saturates the first layer's units from the first sweep.
const initialRange = numberRange(0, 5);

/** The ranges of both notebooks' own settings. */
export const FAMILY_SETTING_RANGES: Record<string, SettingRange> = {
  earlyε: numberRange(0, MAX_ε),
  laterε: numberRange(0, MAX_ε),
  reproductionε: numberRange(0, MAX_ε),
  earlyα: momentum,
  laterα: momentum,
  earlySweeps: wholeNumberRange(0, 1000),
  decay: { holds: (v) => v >= 0 && v <= 0.01, range: "a share from 0 to 0.01 (1% a change)" },
  margin: { holds: (v) => v >= 0 && v < 0.5, range: "a number from 0 up to (not including) 0.5" },
  range: initialRange,
  reproductionRange: initialRange,
  split: seedLike,
  firstSeed: seedLike,
  mapRuns: wholeNumberRange(1, 64),
  studyRuns: wholeNumberRange(1, 1000),
};
