import { describe, expect, it } from "vitest";
import { error, initNetwork, makeRandom, PAPER_SYMMETRY_RUN, REPRODUCTION_SEED, rightSide, predict, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";

const cases = symmetryCases();
const rule = { ε: 0.1, α: 0.9 };
const init = (seed: number) => initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed));

describe("training", () => {
  it("draws every initial weight and bias from U(−0.3, 0.3), the same for the same seed", () => {
    const a = init(5);
    expect(init(5)).toEqual(a);
    expect(init(6)).not.toEqual(a);
    const all = a.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
    expect(all).toHaveLength(17);
    for (const w of all) expect(Math.abs(w)).toBeLessThanOrEqual(0.3);
  });

  it("records E before the first sweep and after each of N sweeps", () => {
    const network = init(1);
    const run = train(network, cases, { sweeps: 10, rule });
    expect(run.losses).toHaveLength(11);
    expect(run.losses[0]).toBe(error(network, cases));
    expect(run.losses[10]).toBe(error(run.network, cases));
    expect(run.sweep).toBe(10);
  });

  it("is bit-identical for the same seed, and when resumed in chunks", () => {
    const whole = train(init(3), cases, { sweeps: 300, rule });
    expect(train(init(3), cases, { sweeps: 300, rule })).toEqual(whole);
    let chunk = train(init(3), cases, { sweeps: 100, rule });
    const losses = [...chunk.losses];
    for (let k = 0; k < 2; k++) {
      chunk = train(chunk, cases, { sweeps: 100, rule });
      losses.push(...chunk.losses.slice(1));
    }
    expect(chunk.network).toEqual(whole.network);
    expect(losses).toEqual(whole.losses);
  });

  it("stops at the first sweep where every case is on the right side of 0.5", () => {
    const run = train(init(REPRODUCTION_SEED), cases, { sweeps: 5000, rule, stopWhenSolved: true });
    expect(run.stopped).toBe("solved");
    expect(run.sweep).toBe(run.solvedAt);
    expect(cases.every((c) => rightSide(predict(run.network, c.input), c.target))).toBe(true);
    const before = train(init(REPRODUCTION_SEED), cases, { sweeps: run.sweep - 1, rule });
    expect(cases.every((c) => rightSide(predict(before.network, c.input), c.target))).toBe(false);
  });

  it("keeps weight snapshots at the start, every k sweeps and at the end", () => {
    const run = train(init(4), cases, { sweeps: 25, rule, snapshotEvery: 10 });
    expect(run.snapshots.map((s) => s.sweep)).toEqual([0, 10, 20, 25]);
    expect(run.snapshots[0]!.network).toEqual(init(4));
    expect(run.snapshots[3]!.network).toEqual(run.network);
  });

  it("stops and says so when the weights overflow", () => {
    const run = train(init(1), cases, { sweeps: 50, rule: { ε: 1e308, α: 0.9 } });
    expect(run.stopped).toBe("non-finite");
    expect(run.sweep).toBeLessThan(50);
  });

  it("reproduces the paper's run from the documented seed: solved by 1,425 sweeps, antisymmetric weights", () => {
    const { ε, α, sweeps } = PAPER_SYMMETRY_RUN;
    const run = train(init(REPRODUCTION_SEED), cases, { sweeps, rule: { ε, α } });
    expect(run.solvedAt).not.toBeNull();
    for (const row of run.network.layers[0]!.weights) {
      for (let i = 0; i < 3; i++) expect(row[i]! + row[5 - i]!).toBeCloseTo(0, 1);
    }
  });
});
