/**
 * The four acts of a symmetry run, as notebook 05 reads the paper's: the fall and the
 * overshoot, the plateau on the upper level (E = 4, answering 0 to everything), the shelf
 * on the lower one (E = 3.5, answering the share of palindromes to everything), and the
 * plunge to the solved state. Each number is null when the run has no such act or ended
 * before it (a run of other settings), never a made-up sweep.
 */
import { forward } from "../core/forward";
import { type Case } from "../core/loss";
import { type TrainResult } from "../core/train";

/** The E of answering `answer` to every case (notebook 03's two levels are its values at 0 and at the share of palindromes). */
export function constantAnswerE(cases: readonly Case[], answer: number): number {
  return cases.reduce((E, c) => E + 0.5 * (answer - c.target[0]!) ** 2, 0);
}

/** Where the overshoot must carry E back up to count as on the upper plateau. */
export const PLATEAU_LEVEL = 3.9;
/** How near the lower level E must be to count as on the shelf. */
export const SHELF_BAND = 0.15;

/** The first sweep after `after` whose E passes `test`, or null. */
function firstSweep(losses: readonly number[], after: number | null, test: (E: number) => boolean): number | null {
  if (after === null) return null;
  const t = losses.findIndex((E, sweep) => sweep > after && test(E));
  return t < 0 ? null : t;
}

export function runActs(run: TrainResult, cases: readonly Case[]) {
  const at = (sweep: number) => run.snapshots.find((s) => s.sweep === sweep)?.network ?? null;
  const outputs = (sweep: number | null) => {
    const network = sweep === null ? null : at(sweep);
    return network === null ? null : cases.map((c) => forward(network, c.input)[2]![0]!);
  };
  const baseRate = cases.filter((c) => c.target[0] === 1).length / cases.length;
  const sayZero = constantAnswerE(cases, 0);
  const bestConstant = constantAnswerE(cases, baseRate);
  const backAbove = firstSweep(run.losses, 2, (E) => E > PLATEAU_LEVEL);
  const reachesShelf = firstSweep(run.losses, 100, (E) => E < bestConstant + SHELF_BAND);
  const leavesShelf = firstSweep(run.losses, reachesShelf, (E) => E < bestConstant - SHELF_BAND);
  const shelfSweep = reachesShelf === null || leavesShelf === null ? null : 25 * Math.round((reachesShelf + leavesShelf) / 50);
  const [at500, onShelf] = [outputs(500), outputs(shelfSweep)];
  return {
    E2: run.losses[2] ?? null,
    E25: run.losses[25] ?? null,
    E500: run.losses[500] ?? null,
    outputBias500: at(500)?.layers[1]!.biases[0]! ?? null,
    highestOutput500: at500 === null ? null : Math.max(...at500),
    plateauLevel: PLATEAU_LEVEL,
    backAbove,
    leavesPlateau: firstSweep(run.losses, backAbove, (E) => E < PLATEAU_LEVEL),
    sayZero,
    bestConstant,
    baseRate,
    shelfBand: SHELF_BAND,
    reachesShelf,
    leavesShelf,
    shelfSweep,
    shelfLowest: onShelf === null ? null : Math.min(...onShelf),
    shelfHighest: onShelf === null ? null : Math.max(...onShelf),
    solvedAt: run.solvedAt,
    finalE: run.losses.at(-1)!,
  };
}

/** What each of `runActs`' numbers is, as the claims table shows it. */
export const RUN_ACT_LABELS: Record<keyof ReturnType<typeof runActs>, string> = {
  E2: "E after 2 sweeps",
  E25: "E after 25 sweeps",
  E500: "E after 500 sweeps",
  outputBias500: "output bias at sweep 500",
  highestOutput500: "highest answer at sweep 500",
  plateauLevel: "level of the upper plateau's edge",
  backAbove: "sweep E went back above it",
  leavesPlateau: "sweep E fell below it again",
  sayZero: "E of answering 0 to everything",
  bestConstant: "E of answering the share of palindromes",
  baseRate: "share of palindromes",
  shelfBand: "band around the lower level",
  reachesShelf: "sweep E reached the shelf",
  leavesShelf: "sweep E left the shelf",
  shelfSweep: "a sweep on the shelf",
  shelfLowest: "lowest answer there",
  shelfHighest: "highest answer there",
  solvedAt: "sweep first solved",
  finalE: "E at the end",
};
