/**
 * Runs many seed jobs on worker threads. Each job depends only on itself, and outcomes
 * come back in the order of the jobs, so the result is the same for any number of workers.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type SeedJob, type SeedOutcome } from "../analysis/seedRun";

export interface PoolOptions {
  /** Worker threads to start (at least 1). */
  workers: number;
  /** Called after each chunk with the number of jobs done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Jobs handed to a worker at a time: small enough to balance, large enough to keep messages few. */
  chunk?: number;
}

/** The compiled worker: beside this file in dist/, or in dist/ when this file runs as TypeScript (tests, tsx). */
function workerPath(): string {
  const here = __filename.endsWith(".ts") ? join(__dirname, "../../dist/parallel") : __dirname;
  const path = join(here, "seedWorker.js");
  if (!existsSync(path)) throw new Error(`no compiled worker at ${path}: run 'npm run compile' first`);
  return path;
}

export async function runSeedJobs(jobs: readonly SeedJob[], { workers, onProgress, chunk = 4 }: PoolOptions): Promise<SeedOutcome[]> {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number of at least 1, got ${workers}`);
  const outcomes: SeedOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const path = workerPath();

  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let start = 0;
      const send = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        start = next;
        next = Math.min(jobs.length, next + chunk);
        worker.postMessage(jobs.slice(start, next));
      };
      worker.on("message", (results: SeedOutcome[]) => {
        results.forEach((outcome, k) => (outcomes[start + k] = outcome));
        done += results.length;
        onProgress?.(done, jobs.length);
        send();
      });
      worker.on("error", reject);
      send();
    });

  const pool = Array.from({ length: Math.min(workers, Math.max(1, jobs.length)) }, () => new Worker(path));
  try {
    await Promise.all(pool.map(drive));
  } catch (err) {
    await Promise.all(pool.map((worker) => worker.terminate()));
    throw err;
  }
  return outcomes;
}
