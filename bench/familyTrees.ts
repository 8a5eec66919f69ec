/**
 * One 1,500-sweep family-trees run (100 training queries, the paper's schedule with the
 * project's ε and initial range), timed cold and warm, in the TypeScript core and in the
 * WebAssembly kernel (two runs side by side, the time halved): the study and the fit map
 * in notebook 08 cost about the kernel's figure per run. Processor time is printed too,
 * since on a shared machine it moves less than the clock.
 */
import { FAMILY_REPRODUCTION, type FamilyJob, runFamiliesOnKernel, runFamily } from "../src/index";

interface Timing {
  wall: number;
  cpu: number;
}

function timed(f: () => unknown): Timing {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  f();
  const { user, system } = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (user + system) / 1000 };
}

/** The median of `count` warm timings of `f`, per run, and the first, cold one. */
function medianOf(count: number, runs: number, f: (k: number) => unknown): { cold: Timing; wall: number; cpu: number } {
  const cold = timed(() => f(0));
  const times = Array.from({ length: count }, (_, k) => timed(() => f(k + 1)));
  const median = (key: keyof Timing) => times.map((t) => t[key] / runs).sort((a, b) => a - b)[count >> 1]!;
  return { cold: { wall: cold.wall / runs, cpu: cold.cpu / runs }, wall: median("wall"), cpu: median("cpu") };
}

export function benchFamilyTreesRun(): void {
  const job = (seed: number): FamilyJob => ({ seed, split: seed, ...FAMILY_REPRODUCTION });
  const core = medianOf(15, 1, (k) => runFamily(job(k)));
  const kernel = medianOf(15, 2, (k) => runFamiliesOnKernel([job(2 * k), job(2 * k + 1)]));
  const line = (name: string, t: typeof core) =>
    `  ${name}: ${t.wall.toFixed(0)} ms (median of 15 warm; ${t.cpu.toFixed(0)} ms of processor time; first, cold: ${t.cold.wall.toFixed(0)} ms)`;
  console.log("one 1,500-sweep family-trees run:");
  console.log(line("TypeScript core", core));
  console.log(line("WebAssembly kernel, a run of two side by side", kernel));
  console.log(`  the kernel is ${(core.wall / kernel.wall).toFixed(1)} times as fast (${(core.cpu / kernel.cpu).toFixed(1)} times in processor time)`);
}
