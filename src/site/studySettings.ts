/**
 * The settings of the claims page's live study: ε, α and the cap on sweeps, each with its
 * slider's range, and their place in the URL (`#eps=0.1&alpha=0.9&cap=30000`). The seeds
 * and the settling are the notebook's: seeds 0–999, 500 sweeps after solving.
 */
import { CLAIMS_STUDY } from "../analysis/claimsStudyPlan";
import { PAPER_SYMMETRY_RUN } from "../tasks/symmetry";
import { type Slider } from "./liveSettings";

export interface StudySettings {
  ε: number;
  α: number;
  cap: number;
}

export const STUDY_SLIDERS: readonly Slider<StudySettings>[] = [
  { key: "ε", param: "eps", label: "learning rate ε", min: 0.01, max: 1, step: 0.01 },
  { key: "α", param: "alpha", label: "momentum α", min: 0, max: 0.99, step: 0.01 },
  { key: "cap", param: "cap", label: "cap on sweeps", min: 1000, max: CLAIMS_STUDY.cap, step: 1000 },
];

/** The notebook's study: the paper's ε and α, capped where notebook 07a caps it. */
export const STUDY_DEFAULTS: StudySettings = { ε: PAPER_SYMMETRY_RUN.ε, α: PAPER_SYMMETRY_RUN.α, cap: CLAIMS_STUDY.cap };

/** The kernel job for these settings: the 6-2-1 net, notebook 07a's seeds and settling. */
export function studyJob({ ε, α, cap }: StudySettings) {
  return { H: 2, seeds: Array.from({ length: CLAIMS_STUDY.seeds }, (_, seed) => seed), ε, α, cap, settle: CLAIMS_STUDY.settle };
}
