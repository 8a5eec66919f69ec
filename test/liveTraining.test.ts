import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { initNetwork, makeRandom, REPRODUCTION_SEED, RunInterrupted, SYMMETRY_ARCHITECTURE, symmetryCases, train, trainInChunks } from "../src/index";

const cases = symmetryCases();
const start = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(REPRODUCTION_SEED));
const rule = { ε: 0.1, α: 0.9 };

describe("trainInChunks", () => {
  it("gives bit for bit the run of one train call, losses and snapshots included", async () => {
    const whole = train(start, cases, { sweeps: 1425, rule, snapshotEvery: 25 });
    const chunked = await trainInChunks(start, cases, { sweeps: 1425, rule, snapshotEvery: 25 }, { chunk: 100, onChunk: () => {} });
    expect(chunked).toEqual(whole);
  });

  it("stops where one run's stopping test stops it", async () => {
    const whole = train(start, cases, { sweeps: 3000, rule, stopWhenSolved: true });
    const chunked = await trainInChunks(start, cases, { sweeps: 3000, rule, stopWhenSolved: true }, { chunk: 64, onChunk: () => {} });
    expect(whole.stopped).toBe("solved");
    expect(chunked).toEqual(whole);
  });

  it("hands each chunk's whole run so far to the redraw", async () => {
    const seen: number[] = [];
    await trainInChunks(start, cases, { sweeps: 250, rule }, { chunk: 100, redrawEveryMs: 0, onChunk: (run) => seen.push(run.losses.length - 1) });
    expect(seen).toEqual([100, 200, 250]);
  });

  it("redraws at most once per interval, and always the run's last state", async () => {
    const seen: number[] = [];
    await trainInChunks(start, cases, { sweeps: 1425, rule }, { chunk: 25, redrawEveryMs: 60_000, onChunk: (run) => seen.push(run.sweep) });
    expect(seen).toEqual([25, 1425]);
  });

  it("stops at the next chunk when its signal is aborted, redraws there, and says where in one line", async () => {
    const aborter = new AbortController();
    const seen: number[] = [];
    const stopped = trainInChunks(start, cases, { sweeps: 1425, rule }, {
      chunk: 25,
      redrawEveryMs: 0,
      signal: aborter.signal,
      onChunk: (run) => {
        seen.push(run.sweep);
        if (run.sweep === 100) aborter.abort();
      },
    });
    const error = await stopped.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunInterrupted);
    expect(inspect(error)).toBe("interrupted at sweep 100");
    expect(seen).toEqual([25, 50, 75, 100]);
  });

  it("refuses chunks that would misplace snapshots", async () => {
    await expect(trainInChunks(start, cases, { sweeps: 100, rule, snapshotEvery: 30 }, { chunk: 50, onChunk: () => {} })).rejects.toThrow(/multiple of snapshotEvery/);
  });
});
