import { type SeedOutcome } from "../analysis/seedRun";
import { gatherBlocks, itemProgress, studyBlocks } from "../kernel/blocks";
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
  const progress = onProgress && itemProgress(blocks.map((block) => block.seeds.length), onProgress);
  const outcomes = await runJobs("kernel", blocks, { workers, chunk: 1, ...(progress ? { onProgress: progress } : {}) });
  return gatherBlocks(jobs, outcomes);
}

/** One study through the kernel on worker threads: `studyOnKernel`'s outcomes, the same for any number of workers. */
export async function runKernelStudy(job: KernelStudyJob, options: Omit<PoolOptions, "chunk">): Promise<SeedOutcome[]> {
  return (await runKernelStudies([job], options))[0]!;
}
