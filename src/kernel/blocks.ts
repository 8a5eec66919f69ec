import { type SeedOutcome } from "../analysis/seedRun";
import { type KernelStudyJob } from "./study";

/**
 * Seeds a worker takes at a time: about four blocks a worker, so every core stays busy to
 * the end, and at most 25 seeds, so that one long run left in a block idles only one lane.
 */
function blockSize(seeds: number, workers: number): number {
  return Math.max(1, Math.min(25, Math.ceil(seeds / (4 * workers))));
}

/** Studies cut into blocks of seeds for `workers` threads, job by job: one kernel call each. */
export function studyBlocks(jobs: readonly KernelStudyJob[], workers: number): KernelStudyJob[] {
  const block = blockSize(
    jobs.reduce((n, job) => n + job.seeds.length, 0),
    workers,
  );
  return jobs.flatMap((job) => Array.from({ length: Math.ceil(job.seeds.length / block) }, (_, k) => ({ ...job, seeds: job.seeds.slice(k * block, (k + 1) * block) })));
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
