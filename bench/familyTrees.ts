/**
 * One 1,500-sweep family-trees run (100 training queries, the paper's schedule with the
 * project's ε and initial range), timed cold and warm: the seed study in notebook 08
 * costs about this much per run.
 */
import { FAMILY_REPRODUCTION, runFamily } from "../src/index";

function millis(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export function benchFamilyTreesRun(): void {
  const run = (seed: number) => runFamily({ seed, split: seed, ...FAMILY_REPRODUCTION });
  const cold = millis(() => run(0));
  const times = Array.from({ length: 15 }, (_, k) => millis(() => run(k + 1))).sort((a, b) => a - b);
  const median = times[times.length >> 1]!;
  console.log(`one 1,500-sweep family-trees run: ${median.toFixed(0)} ms (median of ${times.length} warm runs; fastest ${times[0]!.toFixed(0)} ms; first, cold: ${cold.toFixed(0)} ms)`);
}
