/**
 * The family-trees study: many independent runs at one setting, each with its own initial
 * weights and its own four held-out queries, and the shares of held-out answers they get
 * right, each with a 95% interval. Runs, not answers, are the independent unit: a run's
 * four answers come from one network, so they succeed or fail together more than four
 * separate draws would.
 */
import { type FamilyJob, type FamilyOutcome } from "./familyRun";
import { type Interval, type RunLevelInterval, runLevelInterval, wilsonInterval } from "./proportion";

/** A run with seed s draws its held-out four from split seed SPLIT_OFFSET + s, so the two draws never share a stream. */
export const SPLIT_OFFSET = 1000;

/**
 * Runs in notebook 08b's study: enough that each share's 95% interval is ±3 points or less.
 * The run-level standard error of a share is about 0.28/√runs here (a run's four answers
 * vary by about ±0.28 of a share around the mean, more than four independent answers
 * would), so 1.96 · 0.28/√400 ≈ 0.027.
 */
export const FAMILY_STUDY_RUNS = 400;

/** `runs` independent runs of the family-trees task at one setting: the k-th (from 0) has seed firstSeed + k and split SPLIT_OFFSET + firstSeed + k. */
export function familyJobs(runs: number, setting: { ε: number; range: number }, firstSeed = 1): FamilyJob[] {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a whole number of at least 1, got ${runs}`);
  return Array.from({ length: runs }, (_, k) => ({ seed: firstSeed + k, split: SPLIT_OFFSET + firstSeed + k, ...setting }));
}

export interface HeldOutShare {
  /** The run-level interval: the one the notebook reports. */
  byRun: RunLevelInterval;
  /** Wilson's interval as if every answer were independent, for comparison. */
  byAnswer: Interval;
}

/** The share of held-out answers right, strictly or by ranking, over every run of a study. */
export function heldOutShare(study: readonly FamilyOutcome[], key: "strict" | "ranked"): HeldOutShare {
  const runs = study.map((o) => ({ hits: o.heldOut.filter((j) => j[key]).length, of: o.heldOut.length }));
  const hits = runs.reduce((s, r) => s + r.hits, 0);
  const answers = runs.reduce((s, r) => s + r.of, 0);
  return { byRun: runLevelInterval(runs), byAnswer: wilsonInterval(hits, answers) };
}
