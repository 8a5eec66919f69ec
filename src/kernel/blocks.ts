import { type SeedOutcome } from "../analysis/seedRun";
import { type KernelStudyJob } from "./study";

/**
 * Items (seeds, jobs) a worker takes at a time, one kernel call each: about four blocks a
 * worker, so every core stays busy to the end, and at most `most`, so that one long run
 * left in a block idles only one lane and progress moves often.
 */
export function blockSize(items: number, workers: number, most: number): number {
  return Math.max(1, Math.min(most, Math.ceil(items / (4 * workers))));
}

/** `items` cut in order into pieces of `size` (the last may be shorter). */
export function inPieces<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}

/** A pool's progress in blocks done, told as items done out of all of them. */
export function itemProgress(sizes: readonly number[], onProgress: (done: number, total: number) => void): (blocksDone: number) => void {
  const before = sizes.reduce((sums, size) => [...sums, sums.at(-1)! + size], [0]);
  return (blocksDone) => onProgress(before[blocksDone]!, before.at(-1)!);
}

/** Studies cut into blocks of seeds for `workers` threads, job by job: one kernel call each. */
export function studyBlocks(jobs: readonly KernelStudyJob[], workers: number): KernelStudyJob[] {
  const block = blockSize(
    jobs.reduce((n, job) => n + job.seeds.length, 0),
    workers,
    25,
  );
  return jobs.flatMap((job) => inPieces(job.seeds, block).map((seeds) => ({ ...job, seeds })));
}

/** The blocks' outcomes (in block order) back into one list per job, in its seed order. */
export function gatherBlocks(jobs: readonly KernelStudyJob[], outcomes: readonly SeedOutcome[][]): SeedOutcome[][] {
  let next = 0;
  return jobs.map((job) => {
    const seeds: SeedOutcome[] = [];
    while (seeds.length < job.seeds.length) seeds.push(...outcomes[next++]!);
    return seeds;
  });
}
