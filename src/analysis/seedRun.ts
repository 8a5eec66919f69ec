import { type Network, initNetwork } from "../core/network";
import { makeRandom } from "../core/random";
import { train } from "../core/train";
import { PAPER_SYMMETRY_RUN, SYMMETRY_ARCHITECTURE, paperRun, symmetryCases } from "../tasks/symmetry";

/** One run of the symmetry study: the seed that draws the initial weights, the step rule, and a cap on sweeps. */
export interface SeedJob {
  seed: number;
  ε: number;
  α: number;
  cap: number;
  /** Sweeps to go on training after the run solves, so its weights settle into their final shape (0: none). */
  settle: number;
}

/** How a run ended. Plain data, so it crosses from a worker thread intact. */
export interface SeedOutcome extends SeedJob {
  /** The sweep at which every case was first on the right side of 0.5, or null if never by the cap. */
  solvedAt: number | null;
  /** Sweeps done: `solvedAt` for a solved run, the cap (or fewer, if a weight overflowed) otherwise. */
  sweeps: number;
  /** E where the run stopped. */
  E: number;
  /** The weights where the run stopped. */
  network: Network;
  /** A solved run's weights after `settle` more sweeps, momentum carried on; null when unsolved or not settled. */
  settled: Network | null;
  /** Where a run that was still unsolved after `sweep` sweeps stood then (kept by the kernel's study on request). */
  checkpoint?: { sweep: number; E: number; network: Network };
}

const cases = symmetryCases();

/** Trains the 6-2-1 net from the seed's U(−0.3, 0.3) weights until solved or capped, then lets a solved one settle. */
export function runSeed(job: SeedJob): SeedOutcome {
  const { seed, ε, α, cap, settle } = job;
  const initial = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), PAPER_SYMMETRY_RUN.range);
  const run = train(initial, cases, { sweeps: cap, rule: { ε, α }, stopWhenSolved: true });
  const settled = run.stopped === "solved" && settle > 0 ? train(run, cases, { sweeps: settle, rule: { ε, α } }).network : null;
  return { ...job, solvedAt: run.solvedAt, sweeps: run.sweep, E: run.losses[run.losses.length - 1]!, network: run.network, settled };
}

/** A symmetry run of a fixed length, the paper's way: no stopping test, every sweep done. */
export interface FixedRunJob {
  seed: number;
  ε: number;
  α: number;
  sweeps: number;
}

export interface FixedRunOutcome extends FixedRunJob {
  E: number;
  solvedAt: number | null;
}

export function runFixed(job: FixedRunJob): FixedRunOutcome {
  const run = paperRun(job.seed, job, job.sweeps);
  return { ...job, E: run.losses[run.losses.length - 1]!, solvedAt: run.solvedAt };
}
