import { type Case } from "../core/loss";
import { type Network } from "../core/network";
import { type TrainOptions, type TrainResult, type TrainState, train } from "../core/train";

export interface ChunkOptions {
  /** Sweeps per chunk; a multiple of `snapshotEvery`, so snapshots fall where one long run puts them. */
  chunk: number;
  /** Called after each chunk with the whole run so far: redraw live charts here. */
  onChunk: (soFar: TrainResult) => void;
  /** A pause after each redraw, so a reader can watch the run (0: just let the messages flush). */
  pauseMs?: number;
}

/**
 * `train` cut into chunks, with a redraw between them, for live charts in a notebook.
 * Each chunk resumes from the last one's state, so the result is bit for bit that of
 * one `train` call: one list of losses and snapshots, the first solving sweep.
 */
export async function trainInChunks(from: Network | TrainState, cases: readonly Case[], options: TrainOptions, { chunk, onChunk, pauseMs = 0 }: ChunkOptions): Promise<TrainResult> {
  const { snapshotEvery = 0 } = options;
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a whole number of sweeps, at least 1, got ${chunk}`);
  if (snapshotEvery > 0 && chunk % snapshotEvery !== 0) throw new RangeError(`chunk (${chunk}) must be a multiple of snapshotEvery (${snapshotEvery})`);
  const last = ("layers" in from ? 0 : from.sweep) + options.sweeps;
  let soFar: TrainResult | null = null;
  do {
    const at = soFar?.sweep ?? last - options.sweeps;
    const part = train(soFar ?? from, cases, { ...options, sweeps: Math.min(chunk, last - at) });
    soFar = soFar === null ? part : joinRuns(soFar, part);
    onChunk(soFar);
    await new Promise((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
  } while (soFar.sweep < last && soFar.stopped === "sweeps");
  return soFar;
}

/** A run and its continuation as one run: the continuation repeats the start it shares with the run's end. */
function joinRuns(run: TrainResult, next: TrainResult): TrainResult {
  return {
    ...next,
    losses: [...run.losses, ...next.losses.slice(1)],
    snapshots: [...run.snapshots, ...next.snapshots.slice(1)],
    solvedAt: run.solvedAt ?? next.solvedAt,
  };
}
