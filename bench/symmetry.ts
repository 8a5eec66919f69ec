/**
 * The core's speed on the paper's run: one 1,425-sweep symmetry run (ε 0.1, α 0.9),
 * timed cold (the first run, JIT still warming) and warm (median of many).
 */
import { paperRun } from "../src/index";

function millis(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export function benchSymmetryRun(): void {
  const cold = millis(() => paperRun(0));
  const times = Array.from({ length: 300 }, (_, k) => millis(() => paperRun(k + 1))).sort((a, b) => a - b);
  const median = times[times.length >> 1]!;
  console.log(`one 1,425-sweep symmetry run: ${median.toFixed(2)} ms (median of ${times.length} warm runs; fastest ${times[0]!.toFixed(2)} ms; first, cold: ${cold.toFixed(2)} ms)  [floor: 10 ms]`);
}
