import { beforeEach, describe, expect, it } from "vitest";
import {
  FAMILY_REPRODUCTION,
  FAMILY_TREES_ARCHITECTURE,
  familyJobs,
  familyRule,
  fitFamiliesOnKernel,
  fitFamily,
  fitMapJobs,
  holdOut,
  initNetwork,
  makeRandom,
  type Network,
  PAPER_FAMILY_RUN,
  queries,
  queryCase,
  type Rule,
  runFamiliesOnKernel,
  runFamily,
  train,
  trainFamiliesOnKernel,
} from "../src/index";

/**
 * The family-trees kernel against the TypeScript core, which stays the reference: every
 * number the kernel hands back must be the core's, bit for bit (toEqual compares numbers
 * with Object.is, so even the sign of a zero counts). The fixture's recorded runs are in
 * trainBits.test.ts.
 */
const all = queries();
const cases = all.map(queryCase);
const margin = PAPER_FAMILY_RUN.margin;
const init = (seed: number, range: number): Network => initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(seed), range);
/** Split seed s's training queries, as a mask over all 104 and as the core's cases. */
function split(s: number) {
  const trainQueries = new Set(holdOut(all, PAPER_FAMILY_RUN.heldOut, makeRandom(s)).train);
  return { trains: all.map((q) => trainQueries.has(q)), cases: all.filter((q) => trainQueries.has(q)).map(queryCase) };
}

// These tests compute for seconds without awaiting anything: a turn of the event loop before
// each lets vitest's worker answer its messages.
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

describe("the family-trees kernel trains as the TypeScript core does", () => {
  it.each([
    ["the notebook's setting, ε 0.1 from U(−1, 1)", 0.1, 1],
    ["the printed schedule from U(−0.3, 0.3), which never leaves its plateau", 0.01, 0.3],
    ["the fit map's corner ε 0.1 from U(−2, 2)", 0.1, 2],
    ["the fit map's corner ε 0.01 from U(−2, 2)", 0.01, 2],
  ])("gives two runs side by side, each on its own split, the core's losses, weights, Δw and fitting sweep: %s", (_, ε, range) => {
    const [a, b] = [split(1001), split(1002)];
    const options = { sweeps: PAPER_FAMILY_RUN.sweeps, rule: familyRule(ε) };
    const [ka, kb] = trainFamiliesOnKernel(cases, [
      { from: init(1, range), trains: a.trains, ...options },
      { from: init(2, range), trains: b.trains, ...options },
    ], margin);
    expect(ka).toEqual(train(init(1, range), a.cases, { ...options, margin }));
    expect(kb).toEqual(train(init(2, range), b.cases, { ...options, margin }));
  });

  it("stops each run where it fits, with three runs in two lanes and every case trained on", () => {
    const options = { sweeps: 1200, rule: familyRule(0.1), stopWhenSolved: true };
    const runs = [3, 4, 5].map((seed) => ({ from: init(seed, 2), ...options }));
    const kernel = trainFamiliesOnKernel(cases, runs, margin);
    expect(kernel.map((r) => r.stopped)).toContain("solved");
    kernel.forEach((r, k) => expect(r).toEqual(train(runs[k]!.from, cases, { ...options, margin })));
  });

  it("goes on from a run's state mid-schedule, and follows a fixed rule, no decay and no margin, as the core does", () => {
    const { trains, cases: own } = split(7);
    const first = train(init(6, 1), own, { sweeps: 12, rule: familyRule(0.1), margin });
    const later = trainFamiliesOnKernel(cases, [{ from: first, trains, sweeps: 300, rule: familyRule(0.1) }], margin)[0];
    expect(later).toEqual(train(first, own, { sweeps: 300, rule: familyRule(0.1), margin }));
    const rules: Rule[] = [PAPER_FAMILY_RUN.rule.map((phase) => ({ ...phase, decay: 0 })), { ε: 0.05, α: 0.8 }];
    for (const rule of rules) {
      for (const m of [margin, 0]) {
        expect(trainFamiliesOnKernel(cases, [{ from: init(8, 1), sweeps: 400, rule }], m)[0]).toEqual(train(init(8, 1), cases, { sweeps: 400, rule, margin: m }));
      }
    }
  });

  it("keeps to the core as the weights grow past what e^x can take, and stops where they overflow", () => {
    // momentum above 1 grows every Δw tenfold a sweep: the net inputs pass ±700 (e^x's rare branches) long before the weights overflow
    const rule = { ε: 0.1, α: 10 };
    const [run] = trainFamiliesOnKernel(cases, [{ from: init(9, 1), sweeps: 400, rule }], margin);
    expect(run!.stopped).toBe("non-finite");
    expect(run).toEqual(train(init(9, 1), cases, { sweeps: 400, rule, margin }));
  });

  it("refuses what it cannot train, naming it", () => {
    const net = init(1, 1);
    const ok = { from: net, sweeps: 10, rule: familyRule(0.1) };
    const symmetry = initNetwork({ inputs: 6, layers: [{ units: 2 }, { units: 1 }] }, makeRandom(1));
    expect(() => trainFamiliesOnKernel(cases, [{ ...ok, from: symmetry }])).toThrow(/run 0's network is not Figure 3's/);
    const leaky = { layers: net.layers.map((l, k) => (k === 0 ? { ...l, weights: l.weights.map((row) => row.map(() => 0.1)) } : l)) };
    expect(() => trainFamiliesOnKernel(cases, [ok, { ...ok, from: leaky }])).toThrow(/run 1's network .* links left out/);
    const twoPeople = { input: cases[0]!.input.map((v, i) => (i === 1 ? 1 : v)), target: cases[0]!.target };
    expect(() => trainFamiliesOnKernel([cases[0]!, twoPeople], [ok])).toThrow(/case 1 is not a family-trees query/);
    expect(() => trainFamiliesOnKernel(cases, [{ ...ok, trains: [true] }])).toThrow(/marks 1 cases to train on, not 104/);
    expect(() => trainFamiliesOnKernel(cases, [{ ...ok, rule: Array(5).fill(familyRule(0.1)[0]!) }])).toThrow(/1 to 4 phases, got 5/);
    expect(() => trainFamiliesOnKernel(cases, [{ ...ok, sweeps: 1.5 }])).toThrow(/sweeps must be a whole number/);
  });
});

describe("the kernel's family-trees jobs", () => {
  it("give runFamily's outcome for each of the study's first runs", () => {
    const jobs = familyJobs(4, FAMILY_REPRODUCTION);
    expect(runFamiliesOnKernel(jobs)).toEqual(jobs.map(runFamily));
  });

  it("give fitFamily's outcome for each run of the fit map's corners, whatever runs share their lanes", () => {
    const jobs = fitMapJobs({ ranges: [0.3, 2], εs: [0.01, 0.1], runs: 3 }).map((job) => ({ ...job, sweeps: 800 }));
    const forward = fitFamiliesOnKernel(jobs);
    expect(fitFamiliesOnKernel(jobs.slice().reverse()).reverse()).toEqual(forward);
    expect(forward.filter((f) => f.fittedAt !== null).length).toBeGreaterThan(0);
    expect(forward).toEqual(jobs.map(fitFamily));
  });
});
