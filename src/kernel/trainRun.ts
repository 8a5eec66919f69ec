import { type Network } from "../core/network";
import { type StepRule } from "../core/stepRule";
import { type Snapshot, type TrainResult, type TrainState, joinRuns, startFrom } from "../core/train";
import { kernelInstance } from "./instance";
import { hiddenUnitsOf, numbersAt, paramCount, readParams, writeParams } from "./params";

export interface KernelTrainOptions {
  sweeps: number;
  /** A fixed rule: the kernel has no decay and no schedule. */
  rule: StepRule;
  stopWhenSolved?: boolean;
}

export interface KernelRunOptions extends KernelTrainOptions {
  /** Keep a copy of the weights every this many sweeps (and at the start and the end), as `train` does. */
  snapshotEvery?: number;
}

const STOPPED = ["sweeps", "solved", "non-finite"] as const;

/**
 * The core's `train` on the 64 symmetry cases for two 6-H-1 runs at once, one per SIMD
 * lane of the WebAssembly kernel: the same losses, weights and solving sweep, bit for bit,
 * as `train(from, symmetryCases(), options)` gives each (snapshots aside).
 */
export function trainTwoOnKernel(a: Network | TrainState, b: Network | TrainState, options: KernelTrainOptions): [TrainResult, TrainResult] {
  const { sweeps, rule, stopWhenSolved = false } = options;
  if ((rule.decay ?? 0) !== 0) throw new RangeError("the kernel's step rule has no weight decay");
  if (!Number.isInteger(sweeps) || sweeps < 0) throw new RangeError(`sweeps must be a whole number of at least 0, got ${sweeps}`);
  const states = [a, b].map((from) => ("layers" in from ? startFrom(from) : from));
  const H = hiddenUnitsOf(states[0]!.network);
  if (hiddenUnitsOf(states[1]!.network) !== H) throw new RangeError("both runs need the same number of hidden units");
  const P = paramCount(H);
  const record = 3 + 2 * P;
  const doubles = 4 * P + 2 * (sweeps + 1) + 2 * record;
  const { kernel, start } = kernelInstance(8 * doubles);
  const memory = new Float64Array(kernel.memory.buffer, start, doubles);
  states.forEach((state, lane) => {
    writeParams(state.network, memory, lane * P);
    writeParams(state.delta, memory, 2 * P + lane * P);
  });
  const losses = 4 * P;
  const out = losses + 2 * (sweeps + 1);
  kernel.trainPair(H, start, start + 16 * P, rule.ε, rule.α, sweeps, stopWhenSolved ? 1 : 0, start + 8 * losses, start + 8 * out);
  const results = states.map((state, lane): TrainResult => {
    const rec = out + lane * record;
    const done = memory[rec]!;
    const solvedAt = memory[rec + 1]!;
    const stopped = STOPPED[memory[rec + 2]!]!;
    // a run that overflowed measured no E after its last step
    const measured = stopped === "non-finite" ? done : done + 1;
    return {
      network: readParams(memory, rec + 3, H),
      delta: readParams(memory, rec + 3 + P, H),
      sweep: state.sweep + done,
      losses: numbersAt(memory, losses + lane * (sweeps + 1), measured),
      snapshots: [],
      solvedAt: solvedAt < 0 ? null : state.sweep + solvedAt,
      stopped,
    };
  });
  return [results[0]!, results[1]!];
}

/**
 * One run through the kernel (it fills both lanes, which costs no more than one): bit for
 * bit `train(from, symmetryCases(), options)`, snapshots included. The kernel keeps no
 * snapshots, so with `snapshotEvery` the run goes in chunks of that many sweeps, each
 * going on from the last one's state, and a snapshot is each chunk's start.
 */
export function trainOnKernel(from: Network | TrainState, options: KernelRunOptions): TrainResult {
  const { snapshotEvery = 0, ...train } = options;
  if (snapshotEvery === 0) return trainTwoOnKernel(from, from, train)[0];
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) throw new RangeError(`snapshotEvery must be a whole number of sweeps, got ${snapshotEvery}`);
  const state = "layers" in from ? startFrom(from) : from;
  const last = state.sweep + train.sweeps;
  const snapshots: Snapshot[] = [];
  let run: TrainResult | null = null;
  do {
    const at: TrainState = run ?? state;
    snapshots.push({ sweep: at.sweep, network: at.network });
    const part = trainTwoOnKernel(at, at, { ...train, sweeps: Math.min(snapshotEvery, last - at.sweep) })[0];
    run = run === null ? part : joinRuns(run, part);
  } while (run.sweep < last && run.stopped === "sweeps");
  // the end's snapshot, unless a chunk's start already is it; a run that overflowed keeps no weights of its end
  if (run.stopped !== "non-finite" && run.sweep !== snapshots.at(-1)!.sweep) snapshots.push({ sweep: run.sweep, network: run.network });
  return { ...run, snapshots };
}
