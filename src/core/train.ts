import { makeWorkspace, sweepInto, zerosPacked } from "./backward";
import { type Case, type Loss } from "./loss";
import { type Network, zerosLike } from "./network";
import { type PackedNetwork, pack, packCases, unpack } from "./packed";
import { type Rule, ruleAt, stepPacked } from "./stepRule";

/** Where a run stands: the weights, the last Δw (momentum's memory) and the sweeps done. */
export interface TrainState {
  network: Network;
  delta: Network;
  sweep: number;
}

export interface TrainOptions {
  /** How many sweeps to run, at most. */
  sweeps: number;
  rule: Rule;
  /** The family-trees margin: outputs within it of their target count as right. */
  margin?: number;
  /** The error E measures: the paper's squared error unless said otherwise. */
  loss?: Loss;
  /** Stop as soon as every case is on the right side of 0.5 (the project's stopping test). */
  stopWhenSolved?: boolean;
  /** Keep a copy of the weights every this many sweeps (and at the start and the end). */
  snapshotEvery?: number;
}

export interface Snapshot {
  sweep: number;
  network: Network;
}

export interface TrainResult extends TrainState {
  /** E at the start, then after each sweep: `losses[k]` is E after k sweeps of this call. */
  losses: number[];
  snapshots: Snapshot[];
  /** The first sweep count at which every case was on the right side of 0.5, if it was. */
  solvedAt: number | null;
  /** Why the run ended: the sweeps ran out, the stopping test held, or a weight overflowed. */
  stopped: "sweeps" | "solved" | "non-finite";
}

/** A fresh run from some initial weights: no Δw yet, no sweeps done. */
export function startFrom(network: Network): TrainState {
  return { network, delta: zerosLike(network), sweep: 0 };
}

function allFinite(net: PackedNetwork): boolean {
  for (const { w, b } of net) {
    for (let k = 0; k < w.length; k++) if (!Number.isFinite(w[k])) return false;
    for (let k = 0; k < b.length; k++) if (!Number.isFinite(b[k])) return false;
  }
  return true;
}

/**
 * Full-sweep training: each sweep accumulates ∂E/∂w over every case, then applies the
 * step rule once. Takes a network (a fresh start) or a state (to go on where an earlier
 * call stopped, bit for bit as if it never had). Never changes its input.
 */
export function train(from: Network | TrainState, cases: readonly Case[], options: TrainOptions): TrainResult {
  const state = "layers" in from ? startFrom(from) : from;
  const like = state.network;
  const net = pack(state.network);
  const delta = pack(state.delta);
  const dEdw = zerosPacked(net);
  const batch = packCases(cases);
  const work = makeWorkspace(net, batch.count);
  const { margin = 0, snapshotEvery = 0, loss = "squared" } = options;
  const last = state.sweep + options.sweeps;
  const losses: number[] = [];
  const snapshots: Snapshot[] = [];
  let solvedAt: number | null = null;
  let stopped: TrainResult["stopped"] = "sweeps";
  let sweep = state.sweep;
  for (;;) {
    const { E, solved } = sweepInto(net, batch, margin, work, dEdw, loss);
    losses.push(E);
    if (solved && solvedAt === null) solvedAt = sweep;
    if (solved && options.stopWhenSolved) stopped = "solved";
    const end = stopped === "solved" || sweep === last;
    if (snapshotEvery > 0 && (end || (sweep - state.sweep) % snapshotEvery === 0)) {
      snapshots.push({ sweep, network: unpack(net, like) });
    }
    if (end) break;
    sweep++;
    stepPacked(net, dEdw, delta, ruleAt(options.rule, sweep));
    if (!allFinite(net)) {
      stopped = "non-finite";
      break;
    }
  }
  return { network: unpack(net, like), delta: unpack(delta), sweep, losses, snapshots, solvedAt, stopped };
}

/** A run and its continuation as one run: the continuation repeats the start it shares with the run's end. */
export function joinRuns(run: TrainResult, next: TrainResult): TrainResult {
  return {
    ...next,
    losses: [...run.losses, ...next.losses.slice(1)],
    snapshots: [...run.snapshots, ...next.snapshots.slice(1)],
    solvedAt: run.solvedAt ?? next.solvedAt,
  };
}
