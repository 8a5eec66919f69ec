import { forward } from "../core/forward";
import { type Network } from "../core/network";
import { PAPER_SYMMETRY_RUN, symmetryCases } from "../tasks/symmetry";
import { ANTISYMMETRY_TOLERANCE, asymmetry } from "./antisymmetry";
import { plateauOf } from "./plateau";
import { type SeedOutcome } from "./seedRun";
import { quantile } from "./quantile";
import { solveQuartiles, solvedShare, sweepsToSolve } from "./solveTimes";

/**
 * A study's outcomes as the same runs with a smaller `cap` would have left them, bit for
 * bit: "More connections" on trial (notebook 07b) reads the 2-unit study at the wider nets'
 * cap. A run solved by then is unchanged (settling comes after solving, whatever the cap),
 * and so is one whose weights overflowed before it; any other was still unsolved at `cap`,
 * and the kernel kept its state there (a study run with `checkpoint: cap`).
 */
export function atCap(study: readonly SeedOutcome[], cap: number): SeedOutcome[] {
  return study.map(({ checkpoint, ...outcome }) => {
    if ((outcome.solvedAt !== null && outcome.solvedAt <= cap) || (outcome.solvedAt === null && outcome.sweeps < cap)) return { ...outcome, cap };
    if (checkpoint?.sweep !== cap) throw new RangeError(`seed ${outcome.seed} was unsolved at ${cap} sweeps but its state there was not kept: run the study with checkpoint ${cap}`);
    return { ...outcome, cap, solvedAt: null, sweeps: cap, E: checkpoint.E, network: checkpoint.network, settled: null };
  });
}

/**
 * The step at which a 6-H-1 net pushes its output's net input as far per sweep as the 6-2-1
 * net does at `ε`. Early on every hidden unit's output is near ½ on every case, so a sweep
 * changes the output's net input x_o through its bias by −ε Σ_c ∂E/∂x_o and through each
 * hidden unit's weight by about ½ · (−ε Σ_c ∂E/∂x_o · ½): 1 + H/4 times the bias's push in
 * all. Equal pushes need ε_H (1 + H/4) = ε (1 + 2/4), that is ε_H = ε · 6/(4 + H).
 */
export function equalisedε(ε: number, H: number): number {
  return (ε * 6) / (4 + H);
}

/** One row of the study: how often, how soon, and where the unsolved runs stopped. */
export interface HiddenRow {
  hidden: number;
  runs: number;
  solvedBy1425: number;
  solvedByCap: number;
  /** The share of all runs that ended unsolved on the saturated plateau (`plateauOf`). */
  saturated: number;
  /** Median sweeps to solve over all runs (Infinity when over half are unsolved), and over the solved ones. */
  median: number;
  medianOfSolved: number;
}

export function hiddenRow(hidden: number, outcomes: readonly SeedOutcome[], cap: number): HiddenRow {
  const solved = outcomes.filter((o) => o.solvedAt !== null);
  const saturated = outcomes.filter((o) => o.solvedAt === null && plateauOf(o.network).kind === "saturated").length;
  return {
    hidden,
    runs: outcomes.length,
    solvedBy1425: solvedShare(outcomes, PAPER_SYMMETRY_RUN.sweeps),
    solvedByCap: solvedShare(outcomes, cap),
    saturated: saturated / outcomes.length,
    median: solveQuartiles(outcomes).median,
    medianOfSolved: solved.length > 0 ? quantile(sweepsToSolve(solved), 0.5) : Infinity,
  };
}

/** What the hidden units of a solved net do, measured on its weights and on its 64 answers. */
export interface HiddenRoles {
  /** Hidden units whose six input weights are antisymmetric within the study's tolerance. */
  antisymmetric: number;
  /**
   * The most alike and the most opposed pair of units, by the cosine between their six
   * input weights: +1 is a duplicate, −1 a mirror pair like the paper's left and right units.
   */
  mostAlike: number;
  mostOpposed: number;
  /** The largest correlation between two units' outputs over the 64 cases: near 1, one repeats another. */
  largestCorrelation: number;
  /** Units the net cannot do without: with that unit's weight to the output set to 0, some case goes wrong. */
  needed: number;
  /** How many hidden units are on (y > 0.5), on average, for a non-palindrome; no unit is on for a palindrome when this works as Figure 1's does. */
  meanOnForOthers: number;
  /** The most hidden units on for any palindrome. */
  mostOnForPalindromes: number;
}

const cases = symmetryCases();

const cosine = (a: readonly number[], b: readonly number[]) => {
  const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, x, i) => s + x * v[i]!, 0);
  return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
};

function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  return cosine(a.map((v) => v - ma), b.map((v) => v - mb));
}

export function hiddenRoles(network: Network): HiddenRoles {
  const units = network.layers[0]!.weights;
  const hidden = cases.map((c) => forward(network, c.input)[1]!);
  const outputs = units.map((_, j) => hidden.map((y) => y[j]!));
  const pairs = units.flatMap((_, a) => units.slice(a + 1).map((_, k) => [a, a + 1 + k] as const));
  const cosines = pairs.map(([a, b]) => cosine(units[a]!, units[b]!));
  const silenced = (j: number): Network => ({
    layers: [network.layers[0]!, { ...network.layers[1]!, weights: [network.layers[1]!.weights[0]!.map((v, k) => (k === j ? 0 : v))] }],
  });
  const allRight = (net: Network) => cases.every((c) => forward(net, c.input)[2]![0]! > 0.5 === c.target[0]! > 0.5);
  const onCount = (y: readonly number[]) => y.filter((v) => v > 0.5).length;
  const others = hidden.filter((_, k) => cases[k]!.target[0] === 0);
  return {
    antisymmetric: units.filter((w) => asymmetry(w) <= ANTISYMMETRY_TOLERANCE).length,
    mostAlike: Math.max(...cosines),
    mostOpposed: Math.min(...cosines),
    largestCorrelation: Math.max(...pairs.map(([a, b]) => correlation(outputs[a]!, outputs[b]!))),
    needed: units.filter((_, j) => !allRight(silenced(j))).length,
    meanOnForOthers: others.reduce((s, y) => s + onCount(y), 0) / others.length,
    mostOnForPalindromes: Math.max(...hidden.filter((_, k) => cases[k]!.target[0] === 1).map(onCount)),
  };
}
