import { beforeEach, describe, expect, it } from "vitest";
import { familyRule, fitFamiliesOnKernel, initNetwork, makeRandom, PAPER_FAMILY_RUN, type Rule, runFamiliesOnKernel, train, trainFamiliesOnKernel } from "../src/index";
import { expectCoreRun, expectRecordIsCore } from "./support/coreReference";
import {
  FAMILY_PAIRS,
  FIT_MAP_JOBS,
  STUDY_FAMILY_JOBS,
  familyCases as cases,
  familyPairName,
  familyPairRun,
  familySplit as split,
  fitFamilyName,
  initFamily as init,
  runFamilyName,
} from "./support/coreRuns";

/**
 * The family-trees kernel against the TypeScript core, which stays the reference: every
 * number the kernel hands back must be the core's, bit for bit (toEqual compares numbers
 * with Object.is, so even the sign of a zero counts). The core's full-length runs are
 * recorded (test/support/coreRuns.ts), and a sample of them is recomputed from the core on
 * every run; the other runs are computed here. The fixture of the trainer's bits from
 * before the core was restructured is checked in trainBits.test.ts.
 */
const margin = PAPER_FAMILY_RUN.margin;

// These tests compute for seconds without awaiting anything: a turn of the event loop before
// each lets vitest's worker answer its messages.
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

describe("the record of the core's runs", () => {
  it("is what the core computes now, for a sample: the notebook's setting from seed 1, the study's first job, the fit map's last", () => {
    expectRecordIsCore(familyPairName(FAMILY_PAIRS[0]![0], 1));
    expectRecordIsCore(runFamilyName(0));
    expectRecordIsCore(fitFamilyName(FIT_MAP_JOBS.length - 1));
  });
});

describe("the family-trees kernel trains as the TypeScript core does", () => {
  it.each(FAMILY_PAIRS)("gives two runs side by side, each on its own split, the core's losses, weights, Δw and fitting sweep: %s", (setting, ε, range) => {
    const [ka, kb] = trainFamiliesOnKernel(cases, [
      { from: init(1, range), trains: split(1001).trains, ...familyPairRun(ε) },
      { from: init(2, range), trains: split(1002).trains, ...familyPairRun(ε) },
    ], margin);
    expectCoreRun(familyPairName(setting, 1), ka);
    expectCoreRun(familyPairName(setting, 2), kb);
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
    const outcomes = runFamiliesOnKernel(STUDY_FAMILY_JOBS);
    expect(outcomes).toHaveLength(STUDY_FAMILY_JOBS.length);
    outcomes.forEach((o, k) => expectCoreRun(runFamilyName(k), o));
  });

  it("give fitFamily's outcome for each run of the fit map's corners, whatever runs share their lanes", () => {
    const forward = fitFamiliesOnKernel(FIT_MAP_JOBS);
    expect(fitFamiliesOnKernel(FIT_MAP_JOBS.slice().reverse()).reverse()).toEqual(forward);
    expect(forward.filter((f) => f.fittedAt !== null).length).toBeGreaterThan(0);
    expect(forward).toHaveLength(FIT_MAP_JOBS.length);
    forward.forEach((f, k) => expectCoreRun(fitFamilyName(k), f));
  });
});
