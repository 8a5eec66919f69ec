import { type StepRuleGrid } from "./stepRuleGrid";

/**
 * The study of notebooks 07a and 07b: seeds 0–999 with the paper's settings, each until
 * solved or 30,000 sweeps (21 times the paper's 1,425), a solved run then trained 500 sweeps
 * more to let its weights settle; a grid of ε and α from seeds 0–127 (a share's standard
 * error at most √(¼/128) ≈ 0.044), each until solved or the paper's 1,425 sweeps; and the
 * same 1,000 seeds with 3 and 4 hidden units, each until solved or 2,000 sweeps, then settled
 * like the first part: at the paper's ε, then at the step equalised to the 6-2-1 net's
 * (`equalisedε`) from the paper's ε and from a second one, 0.05, with the 6-2-1 net run at
 * that second ε too. The last two caps and the grid's largest ε (0.4: beyond it, runs with
 * momentum only fail, each at the cost of the whole cap) keep each notebook's
 * Restart-and-Run-All near 20 s on two cores; a wider net's sweep also costs more.
 */
export const CLAIMS_STUDY = {
  seeds: 1000,
  cap: 30_000,
  settle: 500,
  grid: { εs: [0.025, 0.05, 0.1, 0.2, 0.4], αs: [0, 0.5, 0.8, 0.9, 0.95], seeds: 128, cap: 1425 } satisfies StepRuleGrid,
  hidden: { units: [3, 4], cap: 2000, secondε: 0.05 },
};
