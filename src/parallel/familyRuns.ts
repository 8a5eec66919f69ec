import { type FamilyFit, type FamilyJob, type FamilyOutcome } from "../analysis/familyRun";
import { blockSize, inPieces, itemProgress } from "../kernel/blocks";
import { type PoolOptions, runJobs } from "./seedPool";

/** The pool's options; two worker threads unless told otherwise. */
type Options = Partial<Omit<PoolOptions, "chunk">>;

/** Jobs in blocks, one kernel call each (at most 8 a block, so that the progress bar moves every second or so), and the pool's options for them. */
function inBlocks(jobs: readonly FamilyJob[], { workers = 2, onProgress }: Options): { parts: FamilyJob[][]; options: PoolOptions } {
  const parts = inPieces(jobs, blockSize(jobs.length, workers, 8));
  return { parts, options: { workers, chunk: 1, ...(onProgress ? { onProgress: itemProgress(parts.map((part) => part.length), onProgress) } : {}) } };
}

/** `runFamily` for every job, through the kernel on worker threads: outcome k is job k's, the same for any number of workers. */
export async function runFamilies(jobs: readonly FamilyJob[], options: Options = {}): Promise<FamilyOutcome[]> {
  const { parts, options: pool } = inBlocks(jobs, options);
  return (await runJobs("familyKernel", parts, pool)).flat();
}

/** `fitFamily` for every job, likewise. */
export async function fitFamilies(jobs: readonly FamilyJob[], options: Options = {}): Promise<FamilyFit[]> {
  const { parts, options: pool } = inBlocks(jobs, options);
  return (await runJobs("familyFitKernel", parts, pool)).flat();
}
