/**
 * What the live study shows for its outcomes: notebook 07a's and 07b's measures, recomputed for the
 * reader's settings. Pure and DOM-free, so the browser and the tests compute it alike.
 */
import { inRatio } from "../analysis/pairMagnitudes";
import { type PlateauKind, plateauOf } from "../analysis/plateau";
import { type SeedOutcome } from "../analysis/seedRun";
import { solveQuartiles, sweepsToSolve } from "../analysis/solveTimes";
import { type Figure } from "../charts/figure";
import { solvedShareCurve } from "../charts/solvedShareCurve";
import { CLAIMS_STUDY } from "../analysis/claimsStudyPlan";
import { type StudySettings } from "./studySettings";

export interface StudyView {
  curve: Figure;
  runs: number;
  solved: number;
  median: number;
  /** Unsolved runs by the kind of plateau they stopped on. */
  plateaus: Record<PlateauKind, number>;
  /** Solved runs whose settled hidden units are both in ratio 1:2:4, both in 2:3:4, or neither. */
  split: { oneTwoFour: number; twoThreeFour: number; neither: number };
}

export function studyView(outcomes: readonly SeedOutcome[], { cap }: StudySettings): StudyView {
  const solved = outcomes.filter((o) => o.solvedAt !== null);
  const plateaus: Record<PlateauKind, number> = { saturated: 0, average: 0, partial: 0 };
  for (const o of outcomes) if (o.solvedAt === null) plateaus[plateauOf(o.network).kind]++;
  const settledIn = (pattern: [number, number, number]) => solved.filter((o) => o.settled!.layers[0]!.weights.every((w) => inRatio(w, pattern))).length;
  const oneTwoFour = settledIn([1, 2, 4]);
  const twoThreeFour = settledIn([2, 3, 4]);
  const { median } = solveQuartiles(outcomes);
  const marks = [{ sweep: 1425, label: "1,425: the paper's run" }, ...(Number.isFinite(median) ? [{ sweep: median, label: "median run" }] : [])];
  return {
    curve: solvedShareCurve(sweepsToSolve(outcomes), { cap, marks }),
    runs: outcomes.length,
    solved: solved.length,
    median,
    plateaus,
    split: { oneTwoFour, twoThreeFour, neither: solved.length - oneTwoFour - twoThreeFour },
  };
}

/** The view as the sentences under the chart. */
export function studySummary(view: StudyView, { cap }: StudySettings): string[] {
  const n = (x: number) => x.toLocaleString("en-US");
  const pct = (x: number) => `${((100 * x) / view.runs).toFixed(1)}%`;
  const unsolved = view.runs - view.solved;
  const { saturated, average, partial } = view.plateaus;
  const { oneTwoFour, twoThreeFour, neither } = view.split;
  return [
    `${n(view.solved)} of ${n(view.runs)} runs (${pct(view.solved)}) solved within ${n(cap)} sweeps; the median run took ${Number.isFinite(view.median) ? `${n(view.median)} sweeps` : "longer than the cap"}.`,
    `Still on a plateau at the cap: ${n(unsolved)} run${unsolved === 1 ? "" : "s"}, ${n(saturated)} saturated, ${n(average)} at the average answer, ${n(partial)} partway.`,
    `Of the solved runs, ${n(CLAIMS_STUDY.settle)} sweeps later ${n(oneTwoFour)} are in ratio 1:2:4, ${n(twoThreeFour)} in 2:3:4 and ${n(neither)} in neither.`,
  ];
}
