import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { initNetwork, makeRandom, runSeed, symmetryCases, train, trainOnKernel, trainTwoOnKernel, studyOnKernel, type SeedOutcome } from "../src/index";
import { expectCoreRun, expectRecordIsCore } from "./support/coreReference";
import { STUDY_JOB, SYMMETRY_RUN, initSymmetry as init, seeds, studyRunName, symmetryRunName } from "./support/coreRuns";

/**
 * The WebAssembly kernel against the TypeScript core, which stays the reference: every
 * number the kernel hands back must be the core's, bit for bit (toEqual compares numbers
 * with Object.is, so even the sign of a zero counts). The core's runs of the 128 seeds and
 * of the 300-seed study are recorded (test/support/coreRuns.ts), and a sample of them is
 * recomputed from the core on every run; the other runs are computed here.
 */
const cases = symmetryCases();

// These tests compute for seconds without awaiting anything: a turn of the event loop
// before each lets vitest's worker answer its messages, which would otherwise time out.
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

describe("the record of the core's runs", () => {
  it("is what the core computes now, for a sample of the seeds: 0, 7, 77 and 127 of the 128, and 0, 150 and 299 of the study", () => {
    for (const s of [0, 7, 77, 127]) expectRecordIsCore(symmetryRunName(s));
    for (const s of [0, 150, 299]) expectRecordIsCore(studyRunName(s));
  });
});

describe("the SIMD kernel trains as the TypeScript core does", () => {
  it("gives each of two seeds side by side the core's losses, weights, Δw and solving sweep: seeds 0–127, 1,425 sweeps", () => {
    for (let s = 0; s < 128; s += 2) {
      const [a, b] = trainTwoOnKernel(init(s), init(s + 1), SYMMETRY_RUN);
      expectCoreRun(symmetryRunName(s), a);
      expectCoreRun(symmetryRunName(s + 1), b);
    }
  });

  it("keeps to the core on knife-edge runs, where one bit of e^x decides when the plateau is left", () => {
    // ε 0.3, α 0.5, seed 7 leaves its plateau on a knife edge (the site test's run); ε 0.8, α 0.95 is chaotic throughout.
    for (const [ε, α, seed] of [[0.3, 0.5, 7], [0.8, 0.95, 3], [0.8, 0.95, 11], [0.4, 0.95, 5]] as const) {
      const rule = { ε, α };
      expect(trainOnKernel(init(seed), { sweeps: 3000, rule })).toEqual(train(init(seed), cases, { sweeps: 3000, rule }));
    }
  });

  it("trains 6-H-1 nets with 1, 3 and 4 hidden units as the core does", () => {
    const rule = { ε: 0.2, α: 0.9 };
    for (const H of [1, 3, 4]) {
      for (const s of [0, 2, 4]) {
        const [a, b] = trainTwoOnKernel(init(s, H), init(s + 1, H), { sweeps: 1000, rule, stopWhenSolved: true });
        expect(a).toEqual(train(init(s, H), cases, { sweeps: 1000, rule, stopWhenSolved: true }));
        expect(b).toEqual(train(init(s + 1, H), cases, { sweeps: 1000, rule, stopWhenSolved: true }));
      }
    }
  });

  it("goes on from a run's state as the core does, stops when solved, and stops where the weights overflow", () => {
    const rule = { ε: 0.1, α: 0.9 };
    const first = train(init(9), cases, { sweeps: 200, rule });
    expect(trainOnKernel(first, { sweeps: 300, rule })).toEqual(train(first, cases, { sweeps: 300, rule }));
    expect(trainOnKernel(init(588), { sweeps: 5000, rule, stopWhenSolved: true })).toEqual(train(init(588), cases, { sweeps: 5000, rule, stopWhenSolved: true }));
    const huge = { ε: 1e308, α: 0.9 };
    const overflow = trainOnKernel(init(1), { sweeps: 50, rule: huge });
    expect(overflow.stopped).toBe("non-finite");
    expect(overflow).toEqual(train(init(1), cases, { sweeps: 50, rule: huge }));
  });

  it("keeps snapshots as the core does, in chunks that give one run's losses, weights, Δw and solving sweep", () => {
    const rule = { ε: 0.1, α: 0.9 };
    // the live figure's run (every 25 of 1,425 sweeps), a last chunk shorter than the rest, a run going on from a state
    for (const [from, sweeps, every] of [[init(588), 1425, 25], [init(3), 1000, 30], [train(init(9), cases, { sweeps: 205, rule }), 310, 25]] as const) {
      const chunked = trainOnKernel(from, { sweeps, rule, snapshotEvery: every });
      expect(chunked).toEqual(train(from, cases, { sweeps, rule, snapshotEvery: every }));
      expect(chunked.snapshots.length).toBeGreaterThan(sweeps / every);
    }
    // stopped by the stopping test inside a chunk, and on a chunk's first sweep; no sweeps at all
    const solved = train(init(588), cases, { sweeps: 5000, rule, stopWhenSolved: true });
    for (const every of [7, solved.sweep]) expect(trainOnKernel(init(588), { sweeps: 5000, rule, stopWhenSolved: true, snapshotEvery: every })).toEqual(train(init(588), cases, { sweeps: 5000, rule, stopWhenSolved: true, snapshotEvery: every }));
    expect(trainOnKernel(init(1), { sweeps: 0, rule, snapshotEvery: 25 })).toEqual(train(init(1), cases, { sweeps: 0, rule, snapshotEvery: 25 }));
    // a run whose weights overflow keeps no snapshot of its end, whether it stops inside a chunk or at its end
    const huge = { ε: 1e308, α: 0.9 };
    const overflow = train(init(1), cases, { sweeps: 50, rule: huge, snapshotEvery: 1 });
    expect(overflow.stopped).toBe("non-finite");
    for (const every of [1, 2, 3, overflow.sweep]) expect(trainOnKernel(init(1), { sweeps: 50, rule: huge, snapshotEvery: every })).toEqual(train(init(1), cases, { sweeps: 50, rule: huge, snapshotEvery: every }));
  });

  it("refuses what it cannot train, naming it", () => {
    expect(() => trainOnKernel(init(1), { sweeps: 10, rule: { ε: 0.1, α: 0.9 }, snapshotEvery: 2.5 })).toThrow(/snapshotEvery/);
    expect(() => trainOnKernel(init(1), { sweeps: 10, rule: { ε: 0.1, α: 0.9, decay: 0.002 } })).toThrow(/decay/);
    expect(() => trainOnKernel(initNetwork({ inputs: 6, layers: [{ units: 2 }, { units: 2 }] }, makeRandom(1)), { sweeps: 10, rule: { ε: 0.1, α: 0.9 } })).toThrow(/6-H-1/);
    expect(() => studyOnKernel({ H: 9, seeds: [0], ε: 0.1, α: 0.9, cap: 10, settle: 0 })).toThrow(/hidden units/);
  });
});

describe("the kernel's study", () => {
  let outcomes: SeedOutcome[] = [];
  beforeAll(() => {
    outcomes = studyOnKernel({ H: 2, seeds: seeds(0, 300), ...STUDY_JOB });
  });

  it("ends some of 300 runs solved and settled, others at the cap", () => {
    expect(outcomes.filter((o) => o.settled !== null).length).toBeGreaterThan(50);
    expect(outcomes.filter((o) => o.solvedAt === null).length).toBeGreaterThan(50);
  });

  it("gives runSeed's outcome for each seed, lanes refilled as runs end: seeds 0–299", () => {
    expect(outcomes.map((o) => o.seed)).toEqual(seeds(0, 300));
    outcomes.forEach((o) => expectCoreRun(studyRunName(o.seed), o));
  });

  it("gives the same outcome for a seed whatever runs share its lanes, in every corner of the step-rule grid", () => {
    for (const [ε, α] of [[0.025, 0], [0.8, 0.95], [0.4, 0.9], [0.3, 0.5]] as const) {
      const job = { ε, α, cap: 800, settle: 0 };
      const forward = studyOnKernel({ H: 2, seeds: seeds(100, 24), ...job });
      const backward = studyOnKernel({ H: 2, seeds: seeds(100, 24).reverse(), ...job }).reverse();
      expect(backward).toEqual(forward);
      forward.forEach((o) => expect(o).toEqual(runSeed({ seed: o.seed, ...job })));
    }
  });

  it("counts a run whose weights overflow as unsolved, stopped where the core stops it", () => {
    const job = { ε: 1e308, α: 0.9, cap: 100, settle: 0 };
    const outcomes = studyOnKernel({ H: 2, seeds: seeds(0, 5), ...job });
    outcomes.forEach((o) => expect(o).toEqual(runSeed({ seed: o.seed, ...job })));
    expect(outcomes[0]!.sweeps).toBeLessThan(100);
  });
});
