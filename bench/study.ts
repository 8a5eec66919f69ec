/**
 * Wall time of notebooks 07a and 07b's whole study (1,000 seeds to 30,000 sweeps, the ε × α grid, and the wider nets' arms, in the kernel)
 * on one worker thread and on two, and a check that both give identical outcomes.
 */
import { isDeepStrictEqual } from "node:util";
import { CLAIMS_STUDY, runClaimsStudy } from "../src/index";

export async function benchStudy(): Promise<void> {
  const times: Record<number, number> = {};
  const results = [];
  for (const workers of [1, 2]) {
    const t0 = performance.now();
    results.push(await runClaimsStudy({ workers }));
    times[workers] = (performance.now() - t0) / 1000;
  }
  const { paper, grid, hidden } = results[0]!;
  const sweeps = [...paper, ...grid, ...hidden.flatMap((arm) => arm.outcomes)].reduce((sum, o) => sum + o.sweeps + (o.settled ? o.settle : 0), 0);
  console.log(
    `claims study (${CLAIMS_STUDY.seeds} seeds + ${grid.length} grid runs + ${CLAIMS_STUDY.seeds} seeds in each of ${hidden.length} wider-net arms, ${(sweeps / 1e6).toFixed(2)} M sweeps): ` +
      `1 worker ${times[1]!.toFixed(1)} s, 2 workers ${times[2]!.toFixed(1)} s (×${(times[1]! / times[2]!).toFixed(2)}); identical outcomes: ${isDeepStrictEqual(results[0], results[1])}  [goal: each notebook's Restart-and-Run-All in 20 s]`,
  );
}
