/**
 * A batch of 1,000 seeds of the paper's symmetry run (1,425 sweeps each, no early stop)
 * on worker threads: wall time and runs per second with one worker and with one per core.
 */
import { cpus } from "node:os";
import { PAPER_SYMMETRY_RUN } from "../src/index";
import { runJobs } from "../src/parallel/seedPool";

export async function benchBatch(): Promise<void> {
  const { ε, α, sweeps } = PAPER_SYMMETRY_RUN;
  const jobs = Array.from({ length: 1000 }, (_, seed) => ({ seed, ε, α, sweeps }));
  for (const workers of [1, cpus().length]) {
    const t0 = performance.now();
    const outcomes = await runJobs("fixed", jobs, { workers, chunk: 25 });
    const seconds = (performance.now() - t0) / 1000;
    const solved = outcomes.filter((o) => o.solvedAt !== null).length;
    console.log(
      `1,000 seeds × 1,425 sweeps on ${workers} worker${workers > 1 ? "s" : ""}: ${seconds.toFixed(2)} s, ${(1000 / seconds).toFixed(0)} runs/s (${solved} solved)  [floor with both cores: 6 s]`,
    );
  }
}
