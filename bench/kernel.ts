/**
 * Our WebAssembly kernel beside the TypeScript core, NumPy batched over seeds (the best a
 * NumPy user would write, bench/numpy_symmetry.py, run from .venv) and TensorFlow.js
 * (CPU backend), on the symmetry net's three jobs: a 1,425-sweep run amortised over many
 * seeds on one core, a single seed's run, and the 1,000-seed study until solved or 30,000
 * sweeps on two cores. Printed as times and as ratios to the kernel's; never asserted.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { initNetwork, makeRandom, PAPER_SYMMETRY_RUN, paperRun, runKernelStudy, runSeedJobs, SYMMETRY_ARCHITECTURE, symmetryArchitecture, symmetryCases, trainOnKernel, trainTwoOnKernel } from "../src/index";
import { liveRun } from "../src/site/liveRun";
import { tfjsTrain } from "../test/support/tfjsSymmetry";

const { ε, α, sweeps } = PAPER_SYMMETRY_RUN;
const rule = { ε, α };
const init = (seed: number) => initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), PAPER_SYMMETRY_RUN.range);
const PYTHON = join(__dirname, "..", ".venv/bin/python");
const NUMPY_SCRIPT = join(__dirname, "..", "bench/numpy_symmetry.py");

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

function millis(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Wall and CPU time of a call, in ms (CPU time counts every thread of the process: on a shared machine it is the steadier figure). */
async function clocks(f: () => unknown): Promise<{ wall: number; cpu: number }> {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  await f();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

/** The kernel's 1,425-sweep run amortised over pairs of seeds on one core, for 6-H-1 nets: ms a run, wall and CPU. */
async function amortised(H: number, pairs: number): Promise<{ wall: number; cpu: number }> {
  const start = (seed: number) => initNetwork(symmetryArchitecture(H), makeRandom(seed), PAPER_SYMMETRY_RUN.range);
  // warm: V8 first runs WebAssembly from its baseline compiler and swaps in optimised code as functions get hot
  for (let k = 0; k < 10; k++) trainTwoOnKernel(start(2 * k), start(2 * k + 1), { sweeps, rule });
  const { wall, cpu } = await clocks(() => {
    for (let k = 0; k < pairs; k++) trainTwoOnKernel(start(2 * k), start(2 * k + 1), { sweeps, rule });
  });
  return { wall: wall / (2 * pairs), cpu: cpu / (2 * pairs) };
}

/** NumPy's wall time in seconds for a mode and a number of seeds, or null where .venv has no NumPy. */
function numpy(mode: "runs" | "study", seeds: number): { seconds: number; seeds: number } | null {
  if (!existsSync(PYTHON)) return null;
  try {
    return JSON.parse(execFileSync(PYTHON, [NUMPY_SCRIPT, mode, String(seeds)], { encoding: "utf8" })) as { seconds: number; seeds: number };
  } catch {
    return null;
  }
}

/** One line: each contender's figure and how many times the kernel's it is. */
function row(title: string, unit: string, kernel: number, others: [string, number | null][], floor: string): void {
  const cells = others.map(([name, value]) => (value === null ? `${name} n/a` : `${name} ${value.toFixed(2)} ${unit} (×${(value / kernel).toFixed(1)})`));
  console.log(`${title}: kernel ${kernel.toFixed(2)} ${unit}; ${cells.join(", ")}  [floor: ${floor}]`);
}

export async function benchKernel(): Promise<void> {
  const cases = symmetryCases();
  console.log(`kernel figures: load average ${loadavg().map((l) => l.toFixed(2)).join(", ")} (the machine's other work shows in wall time more than in CPU time)`);
  // a run amortised over seeds, one core: the kernel two seeds at a time, NumPy 1,000 seeds at once
  const perRun = await amortised(2, 100);
  const kernelAmortised = perRun.wall;
  paperRun(0);
  const core = median(Array.from({ length: 40 }, (_, k) => millis(() => paperRun(k + 1))));
  const numpyMany = numpy("runs", 1000);
  const tfjs = median(await Promise.all([0, 1, 2].map(async () => {
    const t0 = performance.now();
    await tfjsTrain(init(588), cases, sweeps, rule);
    return performance.now() - t0;
  })));
  row("1,425-sweep run amortised over seeds, one core", "ms", kernelAmortised, [["TS core", core], ["NumPy ×1,000 seeds", numpyMany && (1000 * numpyMany.seconds) / numpyMany.seeds], ["TF.js (one seed at a time)", tfjs]], "1.5 ms");
  const hidden = [{ H: 2, ...perRun }];
  for (const H of [3, 4]) hidden.push({ H, ...(await amortised(H, 50)) });
  console.log(`  kernel, ms a 1,425-sweep run amortised per core (wall / CPU): ${hidden.map((h) => `H = ${h.H} ${h.wall.toFixed(2)} / ${h.cpu.toFixed(2)}`).join(", ")}`);

  // one seed alone, and the live figure's run: snapshots every 25 sweeps, the figures built
  const kernelSingle = median(Array.from({ length: 60 }, (_, k) => millis(() => trainOnKernel(init(k), { sweeps, rule }))));
  const numpyOne = numpy("runs", 1);
  row("one seed's 1,425-sweep run", "ms", kernelSingle, [["TS core", core], ["NumPy", numpyOne && 1000 * numpyOne.seconds], ["TF.js", tfjs]], "4 ms");
  const live = median(Array.from({ length: 60 }, (_, k) => millis(() => liveRun({ ε, α, seed: k, sweeps }))));
  console.log(`  the live figure's run in Node (kernel in chunks of 25 sweeps for snapshots, both figures built): ${live.toFixed(2)} ms`);

  // the 1,000-seed study, until solved or 30,000 sweeps, two workers
  const job = { H: 2, seeds: Array.from({ length: 1000 }, (_, seed) => seed), ε, α, cap: 30_000, settle: 0 };
  let outcomes: Awaited<ReturnType<typeof runKernelStudy>> = [];
  const study = await clocks(async () => (outcomes = await runKernelStudy(job, { workers: 2 })));
  const kernelStudy = study.wall / 1000;
  const seedSweeps = outcomes.reduce((n, o) => n + o.sweeps + 1, 0);
  const t0 = performance.now();
  await runSeedJobs(job.seeds.map((seed) => ({ seed, ε, α, cap: job.cap, settle: 0 })), { workers: 2, chunk: 10 });
  const coreStudy = (performance.now() - t0) / 1000;
  const numpyStudy = numpy("study", 1000);
  const tfjsStudy = (tfjs / (sweeps + 1)) * seedSweeps / 1000 / 2; // estimated: its per-sweep time, over two cores
  row(
    `1,000-seed study to solved or 30,000 sweeps (${(seedSweeps / 1e6).toFixed(1)} M sweeps), 2 workers`,
    "s",
    kernelStudy,
    [["TS core", coreStudy], ["NumPy (one process, solved seeds dropped)", numpyStudy && numpyStudy.seconds], ["TF.js (estimated from its run)", tfjsStudy]],
    "5 s",
  );
  console.log(
    `  kernel study: ${(study.cpu / 1000).toFixed(1)} s CPU in all, ${((1e6 * study.cpu) / 1000 / seedSweeps).toFixed(2)} µs a sweep of one seed, so ${((study.cpu / 1000) / 2).toFixed(1)} s on 2 otherwise idle cores`,
  );
}
