/**
 * A worker thread of the study pool: it runs each chunk of jobs it is sent and posts
 * back the outcomes. Runs as compiled JS (dist/parallel/seedWorker.js).
 */
import { parentPort } from "node:worker_threads";
import { type SeedJob, runSeed } from "../analysis/seedRun";

parentPort!.on("message", (jobs: SeedJob[]) => parentPort!.postMessage(jobs.map(runSeed)));
