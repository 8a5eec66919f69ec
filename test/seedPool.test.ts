import { describe, expect, it } from "vitest";
import { initNetwork, makeRandom, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";
import { runSeed } from "../src/analysis/seedRun";
import { runSeedJobs } from "../src/parallel/seedPool";
import { blockSize, itemProgress } from "../src/kernel/blocks";

const jobs = Array.from({ length: 10 }, (_, seed) => ({ seed, ε: 0.1, α: 0.9, cap: 1500, settle: 50 }));

describe("the seed pool", () => {
  it("gives the same outcomes, in seed order, with one worker, two workers, or in this thread", async () => {
    const here = jobs.map(runSeed);
    const one = await runSeedJobs(jobs, { workers: 1 });
    const two = await runSeedJobs(jobs, { workers: 2, chunk: 3 });
    expect(one).toEqual(here);
    expect(two).toEqual(here);
    expect(here.some((o) => o.solvedAt !== null) && here.some((o) => o.solvedAt === null)).toBe(true);
  });

  it("reports progress up to the total", async () => {
    const seen: number[] = [];
    await runSeedJobs(jobs.slice(0, 5), { workers: 2, chunk: 2, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("refuses a worker count that is not a whole number of at least 1", async () => {
    await expect(runSeedJobs(jobs, { workers: 0 })).rejects.toThrow(/workers must be a whole number/);
    await expect(runSeedJobs(jobs, { workers: 1.5 })).rejects.toThrow(/workers must be a whole number/);
  });
});

describe("one seed's run", () => {
  it("stops at the solving sweep, and its settled weights are one uninterrupted run that much longer", () => {
    const outcome = runSeed({ seed: 3, ε: 0.1, α: 0.9, cap: 5000, settle: 200 });
    const initial = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(3));
    const once = train(initial, symmetryCases(), { sweeps: 5000, rule: { ε: 0.1, α: 0.9 } });
    expect(outcome.solvedAt).toBe(once.solvedAt);
    expect(outcome.sweeps).toBe(once.solvedAt);
    const longer = train(initial, symmetryCases(), { sweeps: once.solvedAt! + 200, rule: { ε: 0.1, α: 0.9 } });
    expect(outcome.settled).toEqual(longer.network);
  });

  it("an unsolved run reports the cap and no settled weights", () => {
    const outcome = runSeed({ seed: 5, ε: 0.1, α: 0.9, cap: 300, settle: 200 });
    expect(outcome).toMatchObject({ solvedAt: null, sweeps: 300, settled: null });
  });
});

describe("blocks of work for the kernels", () => {
  it("are about four a worker, at most the given size, and never empty", () => {
    expect(blockSize(1000, 2, 25)).toBe(25);
    expect(blockSize(40, 2, 25)).toBe(5);
    expect(blockSize(41, 2, 25)).toBe(6);
    expect(blockSize(1, 8, 25)).toBe(1);
  });

  it("report progress in items, not blocks", () => {
    const seen: [number, number][] = [];
    const progress = itemProgress([25, 25, 3], (done, total) => seen.push([done, total]));
    for (const blocksDone of [1, 2, 3]) progress(blocksDone);
    expect(seen).toEqual([[25, 53], [50, 53], [53, 53]]);
  });
});
