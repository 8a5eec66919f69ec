/**
 * A worker thread of the pool: it runs each chunk of jobs it is sent with the runner of
 * their kind and posts back the outcomes. Runs as compiled JS (dist/parallel/seedWorker.js).
 */
import { parentPort } from "node:worker_threads";
import { type JobKind, RUNNERS } from "./runners";

parentPort!.on("message", ({ kind, jobs }: { kind: JobKind; jobs: never[] }) => {
  const run = RUNNERS[kind] as (job: never) => unknown;
  parentPort!.postMessage(jobs.map(run));
});
