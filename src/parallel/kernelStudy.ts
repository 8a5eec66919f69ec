import { type SeedOutcome } from "../analysis/seedRun";
import { type KernelStudyJob } from "../kernel/study";
import { type PoolOptions, runJobs } from "./seedPool";

/** Seeds a worker takes at a time: enough that a lane's last long run wastes little, few enough to keep two cores busy to the end. */
const BLOCK = 25;

/**
 * The symmetry study through the WebAssembly kernel on worker threads: the seeds go out
 * in blocks, each block one kernel call. A seed's outcome depends on nothing but its own
 * run, so the result is the same for any number of workers. Progress counts seeds.
 */
export async function runKernelStudy(job: KernelStudyJob, { workers, onProgress }: Omit<PoolOptions, "chunk">): Promise<SeedOutcome[]> {
  const blocks: KernelStudyJob[] = [];
  for (let k = 0; k < job.seeds.length; k += BLOCK) blocks.push({ ...job, seeds: job.seeds.slice(k, k + BLOCK) });
  const progress = onProgress && ((done: number) => onProgress(Math.min(job.seeds.length, done * BLOCK), job.seeds.length));
  const outcomes = await runJobs("kernel", blocks, { workers, chunk: 1, ...(progress ? { onProgress: progress } : {}) });
  return outcomes.flat();
}
