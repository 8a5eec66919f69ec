import { describe, expect, it } from "vitest";
import { runSeed } from "../src/analysis/seedRun";
import { runSeedJobs } from "../src/parallel/seedPool";

const jobs = Array.from({ length: 10 }, (_, seed) => ({ seed, ε: 0.1, α: 0.9, cap: 1500 }));

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
