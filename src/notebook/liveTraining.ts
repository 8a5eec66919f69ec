import { type Case } from "../core/loss";
import { type Network } from "../core/network";
import { type TrainOptions, type TrainResult, type TrainState, joinRuns, train } from "../core/train";
import { type Figure } from "../charts/figure";
import { liveFigure } from "./display";
import { RunInterrupted, whileInterruptible } from "./interrupt";

export interface ChunkOptions {
  /** Sweeps per chunk; a multiple of `snapshotEvery`, so snapshots fall where one long run puts them. */
  chunk: number;
  /**
   * Called with the whole run so far: redraw live charts here. Called after a chunk once
   * `redrawEveryMs` have passed since the last call, and always for the run's last state.
   */
  onChunk: (soFar: TrainResult) => void;
  /** A pause after each chunk, so a reader can watch the run (0: just let the messages flush). */
  pauseMs?: number;
  /** The least time between redraws (default 100 ms): a front end redraws a chart in tens of milliseconds. */
  redrawEveryMs?: number;
  /** Stops the run at the next chunk when aborted. Default: the notebook kernel's interrupt. */
  signal?: AbortSignal;
}

/**
 * `train` cut into chunks, with redraws between them, for live charts in a notebook.
 * Each chunk resumes from the last one's state, so the result is bit for bit that of
 * one `train` call: one list of losses and snapshots, the first solving sweep.
 * Interrupted (Kernel → Interrupt, or `signal`), it redraws where it stopped and throws
 * `RunInterrupted`, which a notebook prints as one line: "interrupted at sweep N".
 */
export async function trainInChunks(from: Network | TrainState, cases: readonly Case[], options: TrainOptions, chunks: ChunkOptions): Promise<TrainResult> {
  const { chunk, signal } = chunks;
  const { snapshotEvery = 0 } = options;
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a whole number of sweeps, at least 1, got ${chunk}`);
  if (snapshotEvery > 0 && chunk % snapshotEvery !== 0) throw new RangeError(`chunk (${chunk}) must be a multiple of snapshotEvery (${snapshotEvery})`);
  return signal === undefined ? whileInterruptible((kernel) => runChunks(from, cases, options, chunks, kernel)) : runChunks(from, cases, options, chunks, signal);
}

async function runChunks(from: Network | TrainState, cases: readonly Case[], options: TrainOptions, chunks: ChunkOptions, signal: AbortSignal): Promise<TrainResult> {
  const { chunk, onChunk, pauseMs = 0, redrawEveryMs = 100 } = chunks;
  const last = ("layers" in from ? 0 : from.sweep) + options.sweeps;
  let drawn: TrainResult | null = null;
  let drawnAt = -Infinity;
  const redraw = (run: TrainResult) => {
    if (run === drawn) return;
    onChunk(run);
    drawn = run;
    drawnAt = Date.now();
  };
  let soFar: TrainResult | null = null;
  for (;;) {
    const at = soFar?.sweep ?? last - options.sweeps;
    const part = train(soFar ?? from, cases, { ...options, sweeps: Math.min(chunk, last - at) });
    soFar = soFar === null ? part : joinRuns(soFar, part);
    const over = soFar.sweep >= last || soFar.stopped !== "sweeps";
    if (over || Date.now() - drawnAt >= redrawEveryMs) redraw(soFar);
    if (over) return soFar;
    await new Promise((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
    if (signal.aborted) {
      redraw(soFar);
      throw new RunInterrupted(soFar.sweep);
    }
  }
}

/**
 * A run trained with live charts: `figures(soFar)` gives the charts for the run so far, each
 * redrawn in place (at a fixed height, `liveFigure`) between chunks of `snapshotEvery`
 * sweeps, with a short pause after each so the reader can watch. Returns the run, bit for
 * bit that of one `train` call.
 */
export function trainLive(from: Network, cases: readonly Case[], options: TrainOptions & { snapshotEvery: number }, figures: (soFar: TrainResult) => readonly Figure[]): Promise<TrainResult> {
  const charts: ReturnType<typeof liveFigure>[] = [];
  return trainInChunks(from, cases, options, {
    chunk: options.snapshotEvery,
    pauseMs: 15,
    onChunk: (soFar) =>
      figures(soFar).forEach((figure, k) => {
        charts[k] ??= liveFigure();
        charts[k]!.draw(figure);
      }),
  });
}
