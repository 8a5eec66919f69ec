import { type FamilyFit, type FamilyJob, type FamilyOutcome } from "../analysis/familyRun";
import { type PoolOptions, runJobs } from "./seedPool";

type Options = Omit<PoolOptions, "chunk">;

/**
 * Jobs a worker takes at a time, one kernel call: about four blocks a worker, so every core
 * stays busy to the end, and at most 8 jobs, so that the progress bar moves every second or so.
 */
function blocks(jobs: readonly FamilyJob[], workers: number): FamilyJob[][] {
  const size = Math.max(1, Math.min(8, Math.ceil(jobs.length / (4 * workers))));
  return Array.from({ length: Math.ceil(jobs.length / size) }, (_, k) => jobs.slice(k * size, (k + 1) * size));
}

/** The pool's options for blocks of jobs: one block at a time, progress counted in jobs. */
function blockOptions(parts: readonly FamilyJob[][], { workers, onProgress }: Options): PoolOptions {
  const total = parts.reduce((n, part) => n + part.length, 0);
  return { workers, chunk: 1, ...(onProgress ? { onProgress: (done: number) => onProgress(parts.slice(0, done).reduce((n, part) => n + part.length, 0), total) } : {}) };
}

/** `runFamily` for every job, through the kernel on worker threads: outcome k is job k's, the same for any number of workers. */
export async function runFamilies(jobs: readonly FamilyJob[], options: Options): Promise<FamilyOutcome[]> {
  const parts = blocks(jobs, options.workers);
  return (await runJobs("familyKernel", parts, blockOptions(parts, options))).flat();
}

/** `fitFamily` for every job, likewise. */
export async function fitFamilies(jobs: readonly FamilyJob[], options: Options): Promise<FamilyFit[]> {
  const parts = blocks(jobs, options.workers);
  return (await runJobs("familyFitKernel", parts, blockOptions(parts, options))).flat();
}
