import { type SeedOutcome } from "../analysis/seedRun";
import { gatherBlocks, studyBlocks } from "../kernel/blocks";
import { type KernelStudyJob } from "../kernel/study";
import { type PoolOptions, runJobs } from "./seedPool";

/**
 * Symmetry studies through the WebAssembly kernel on worker threads: each job's seeds go
 * out in blocks, one kernel call each, all jobs' blocks in one batch. A seed's outcome
 * depends on nothing but its own run, so the result is the same for any number of
 * workers. Outcome list k is job k's, in its seed order; progress counts seeds.
 */
export async function runKernelStudies(jobs: readonly KernelStudyJob[], { workers, onProgress }: Omit<PoolOptions, "chunk">): Promise<SeedOutcome[][]> {
  const blocks = studyBlocks(jobs, workers);
  const total = jobs.reduce((n, job) => n + job.seeds.length, 0);
  const seedsBefore = blocks.map((_, k) => blocks.slice(0, k).reduce((n, b) => n + b.seeds.length, 0));
  // the pool counts blocks done; blocks are of equal size but for each job's last, so this is near the seeds done, and exact at the end
  const progress = onProgress && ((done: number) => onProgress(done === blocks.length ? total : seedsBefore[done]!, total));
  const outcomes = await runJobs("kernel", blocks, { workers, chunk: 1, ...(progress ? { onProgress: progress } : {}) });
  return gatherBlocks(jobs, outcomes);
}

/** One study through the kernel on worker threads: `studyOnKernel`'s outcomes, the same for any number of workers. */
export async function runKernelStudy(job: KernelStudyJob, options: Omit<PoolOptions, "chunk">): Promise<SeedOutcome[]> {
  return (await runKernelStudies([job], options))[0]!;
}
