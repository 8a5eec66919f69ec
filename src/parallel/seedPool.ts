/**
 * Runs many independent training jobs on worker threads: the symmetry study's seeds or the
 * family-trees study's runs. Each job depends only on itself, and outcomes come back in
 * the order of the jobs, so the result is the same for any number of workers.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type JobKind, type JobOf, type OutcomeOf } from "./runners";

export interface PoolOptions {
  /** Worker threads to start (at least 1). */
  workers: number;
  /** Called after each chunk with the number of jobs done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Jobs handed to a worker at a time: small enough to balance, large enough to keep messages few. */
  chunk?: number;
}

/** The compiled worker in dist/parallel: beside the bundle dist/index.js, or reached from src/ when this file runs as TypeScript (tests, tsx). */
function workerPath(): string {
  const dist = __filename.endsWith(".ts") ? join(__dirname, "../../dist") : __dirname;
  const path = join(dist, "parallel", "seedWorker.js");
  if (!existsSync(path)) throw new Error(`no compiled worker at ${path}: run 'npm run compile' first`);
  return path;
}

/** Runs jobs of one kind on `workers` threads; outcome k is job k's. */
export async function runJobs<K extends JobKind>(kind: K, jobs: readonly JobOf<K>[], { workers, onProgress, chunk = 4 }: PoolOptions): Promise<OutcomeOf<K>[]> {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number of at least 1, got ${workers}`);
  const outcomes: OutcomeOf<K>[] = new Array(jobs.length);
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
        worker.postMessage({ kind, jobs: jobs.slice(start, next) });
      };
      worker.on("message", (results: OutcomeOf<K>[]) => {
        results.forEach((outcome, k) => (outcomes[start + k] = outcome));
        done += results.length;
        onProgress?.(done, jobs.length);
        send();
      });
      worker.on("error", reject);
      send();
    });

  const count = Math.min(workers, Math.max(1, jobs.length));
  await Promise.all(Array.from({ length: count }, () => drive(new Worker(path))));
  return outcomes;
}

/** The symmetry study's seeds. */
export const runSeedJobs = (jobs: readonly JobOf<"symmetry">[], options: PoolOptions) => runJobs("symmetry", jobs, options);
