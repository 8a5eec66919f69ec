/**
 * How long the saturated plateau lasts, estimated from where the run stands at its bottom,
 * beside how long it lasted.
 *
 * On that plateau every output y is tiny, so E is nearly the "answer 0 to everything" level
 * less the outputs that should be 1: E ≈ E₀ − S, with S = Σ y over the (case, unit) pairs
 * whose target d is 1 (the 8 palindromes, E₀ = 4). The estimate rests on three assumptions:
 *  1. Tiny outputs: y ≪ 1, so (y − d) y(1 − y) ≈ −y where d = 1 and ≈ 0 where d = 0; then
 *     ∂E/∂w ≈ −Σ y ∂x/∂w over the d = 1 pairs, and E ≈ E₀ − S.
 *  2. Momentum in steady drift: the gradient changes little over 1/(1 − α) sweeps, so each
 *     sweep changes the weights by −ε/(1 − α) ∂E/∂w, and E by −ε/(1 − α) |∂E/∂w|².
 *  3. The outputs that should be 1 rise together and the network's ∂x/∂w hold still, so
 *     |∂E/∂w| stays in proportion to S: |∂E/∂w|² = k S², with k fixed at the bottom.
 * Then dS/dt = ε k S²/(1 − α), whose solution S(t) = S₀ / (1 − t/T) runs away at
 * T = (1 − α) / (ε k S₀) = (1 − α) S₀ / (ε |∂E/∂w|²): the smaller the outputs at the bottom,
 * the longer the plateau, in inverse proportion. S reaches S₁ (E fallen by S₁) at T (1 − S₀/S₁).
 */
import { gradient } from "../core/backward";
import { forward } from "../core/forward";
import { type Case } from "../core/loss";
import { type Network } from "../core/network";
import { type StepRule } from "../core/stepRule";
import { joinRuns, train } from "../core/train";
import { PAPER_SYMMETRY_RUN, paperStart, symmetryCases } from "../tasks/symmetry";
import { PLATEAU_LEVEL, constantAnswerE } from "./runActs";

export interface PlateauLengthEstimate {
  /** S₀ = Σ y over the outputs whose target is 1. */
  push: number;
  /** |∂E/∂w| over every weight and bias. */
  slope: number;
  /** k = |∂E/∂w|² / S₀²: how strongly the weights' changes raise those outputs. */
  gain: number;
  /** T (1 − S₀/S₁): the sweeps until S has risen to S₁. */
  sweeps: number;
}

/** The estimate at a network on the saturated plateau, for S to reach `rise` (E to fall by about that much). */
export function plateauLengthEstimate(network: Network, cases: readonly Case[], { ε, α }: StepRule, rise: number): PlateauLengthEstimate {
  const push = cases.reduce((S, c) => {
    const y = forward(network, c.input).at(-1)!;
    return S + c.target.reduce((s, d, j) => s + (d === 1 ? y[j]! : 0), 0);
  }, 0);
  const { dEdw } = gradient(network, cases);
  const slope = Math.hypot(...dEdw.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]));
  const gain = (slope / push) ** 2;
  return { push, slope, gain, sweeps: ((1 - α) / (ε * gain * push)) * (1 - push / rise) };
}

const CHUNK = 2000;

export interface PlateauLength {
  /** The sweep where E stands highest on the plateau, after the overshoot: where S is least and the estimate starts. */
  bottom: number;
  /** The first sweep after it with E below the plateau's edge (3.9), or null within the sweeps run. */
  left: number | null;
  /** left − bottom, or null. */
  observed: number | null;
  estimate: PlateauLengthEstimate;
}

/** Where E goes back above the plateau's edge after sweep 2, and where it next falls below it; −1 for either not found. */
function edges(losses: readonly number[]): { above: number; below: number } {
  const above = losses.findIndex((E, t) => t > 2 && E > PLATEAU_LEVEL);
  return { above, below: above < 0 ? -1 : losses.findIndex((E, t) => t > above && E < PLATEAU_LEVEL) };
}

/**
 * The paper's run of a symmetry seed (the paper's step rule unless told otherwise) for up to
 * `sweeps`, read for its upper plateau: E back above 3.9 after sweep 2, as notebook 05 reads
 * it. Null if the run never goes back up there.
 */
export function plateauLength(seed: number, { rule = PAPER_SYMMETRY_RUN as StepRule, sweeps = 30_000 } = {}): PlateauLength | null {
  const cases = symmetryCases();
  const start = paperStart(seed);
  // In chunks, so that a run is not trained on long after it has left the plateau.
  let run = train(start, cases, { sweeps: Math.min(CHUNK, sweeps), rule });
  while (run.sweep < sweeps && edges(run.losses).below < 0) run = joinRuns(run, train(run, cases, { sweeps: Math.min(CHUNK, sweeps - run.sweep), rule }));
  const { losses } = run;
  const { above, below } = edges(losses);
  if (above < 0) return null;
  const end = below < 0 ? losses.length : below;
  const bottom = losses.slice(above, end).reduce((best, E, k) => (E > losses[best]! ? above + k : best), above);
  const network = train(start, cases, { sweeps: bottom, rule }).network;
  const rise = constantAnswerE(cases, 0) - PLATEAU_LEVEL;
  const left = below < 0 ? null : below;
  return { bottom, left, observed: left === null ? null : left - bottom, estimate: plateauLengthEstimate(network, cases, rule, rise) };
}
