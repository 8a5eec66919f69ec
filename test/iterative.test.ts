import { describe, expect, it } from "vitest";
import {
  initIterative,
  initNetwork,
  type IterativeNet,
  iterativeError,
  iterativeFiniteDifference,
  makeRandom,
  paperRun,
  REPRODUCTION_SEED,
  runFamily,
  SHIFT_REGISTER_RUN,
  isOnePlaceShift,
  leftOf,
  shifted,
  shiftMiss,
  shiftRegisterCases,
  stateHistory,
  tiedGradient,
  backwardTrace,
  train,
  trainIterative,
  unroll,
} from "../src/index";

const cases = shiftRegisterCases(4, 3);
const largest = (a: number[][], b: number[][]) => Math.max(...a.flat().map((v, k) => Math.abs(v - b.flat()[k]!)));

describe("the iterative net as a layered net", () => {
  it("draws its weights as one square layer of the layered core would", () => {
    const { weights, biases } = initIterative(4, 3, makeRandom(3));
    expect({ weights, biases }).toEqual(initNetwork({ inputs: 4, layers: [{ units: 4 }] }, makeRandom(3)).layers[0]);
  });

  it("unrolls into T layers that each hold an equal copy of the shared weights", () => {
    const net = initIterative(4, 3, makeRandom(1));
    const layered = unroll(net);
    expect(layered.layers).toHaveLength(3);
    for (const layer of layered.layers) expect(layer).toEqual({ weights: net.weights, biases: net.biases });
    layered.layers[0]!.weights[0]![0] = 99; // copies, not aliases: the net itself is never changed
    expect(net.weights[0]![0]).not.toBe(99);
  });

  it("keeps every unit's history of outputs, y(0) to y(T), one iteration after another", () => {
    const net = initIterative(4, 3, makeRandom(2), 2);
    const history = stateHistory(net, [1, 0, 1, 1]);
    expect(history).toHaveLength(4);
    const next = (y: number[]) => net.biases.map((b, j) => 1 / (1 + Math.exp(-net.weights[j]!.reduce((x, w, i) => x + w * y[i]!, b))));
    for (let t = 0; t < 3; t++) next(history[t]!).forEach((y, j) => expect(history[t + 1]![j]).toBeCloseTo(y, 14));
  });
});

describe("reading a shift register", () => {
  it("moves a pattern t places round the ring, the last unit's bit wrapping to the first", () => {
    expect(shifted([1, 0, 0, 1], 1)).toEqual([1, 1, 0, 0]);
    expect(shifted([1, 0, 0, 1], 3)).toEqual([0, 0, 1, 1]);
    expect(shifted([1, 0, 1, 1], 4)).toEqual([1, 0, 1, 1]);
    expect([0, 1, 2, 3].map((j) => leftOf(j, 4))).toEqual([3, 0, 1, 2]);
  });

  it("reads a one-place shift off the weights only when each unit's largest weight comes from the unit before it", () => {
    const ring = [[0, 0, 0, 9], [9, 0, 0, 0], [0, 9, 0, 0], [0, 0, 9, 0]];
    expect(isOnePlaceShift(ring)).toBe(true);
    expect(isOnePlaceShift([ring[1]!, ring[0]!, ring[2]!, ring[3]!])).toBe(false);
  });

  it("finds notebook 09's trained net within 0.1 of the shifted patterns at every step, and the untrained one far from them", () => {
    const { units, iterations, seed, range, sweeps, ε, α } = SHIFT_REGISTER_RUN;
    const net0 = initIterative(units, iterations, makeRandom(seed), range);
    const { net } = trainIterative(net0, cases, { sweeps, rule: { ε, α } });
    expect(shiftMiss(net, cases)).toBeLessThan(0.1);
    expect(isOnePlaceShift(net.weights)).toBe(true);
    expect(shiftMiss(net0, cases)).toBeGreaterThan(0.4);
  });
});

describe("the tied gradient", () => {
  it("matches finite differences taken on the iterative net's own shared weights", () => {
    for (const seed of [1, 2, 3, 42]) {
      // Weights up to ±1.5 so that every unit works away from its linear middle.
      const net = initIterative(4, 3, makeRandom(seed), 1.5);
      const { dEdw } = tiedGradient(net, cases);
      const fd = iterativeFiniteDifference(net, cases);
      expect(largest(dEdw.weights, fd.weights)).toBeLessThan(1e-7);
      expect(largest([dEdw.biases], [fd.biases])).toBeLessThan(1e-7);
    }
  });

  it("is the sum of the copies' gradients, and the paper's average is that sum over T", () => {
    const net = initIterative(3, 5, makeRandom(9), 1);
    const { copies, dEdw, mean } = tiedGradient(net, shiftRegisterCases(3, 5));
    expect(copies.layers).toHaveLength(5);
    expect(copies.layers[0]).not.toEqual(copies.layers[4]); // each copy sees different states
    expect(dEdw.weights[1]![2]).toBeCloseTo(copies.layers.reduce((s, l) => s + l.weights[1]![2]!, 0), 15);
    expect(largest(mean.weights, dEdw.weights.map((row) => row.map((g) => g / 5)))).toBeLessThan(1e-16);
  });

  it("reproduces a case worked by hand", () => {
    // Two units, two iterations, W = [[1, −1], [−1, 1]], no biases, start y(0) = (1, 1):
    // every net input is 0, so every state is ½. Target (1, 0).
    const net: IterativeNet = { weights: [[1, -1], [-1, 1]], biases: [0, 0], iterations: 2 };
    const one = [{ input: [1, 1], target: [1, 0] }];
    expect(stateHistory(net, [1, 1])).toEqual([[1, 1], [0.5, 0.5], [0.5, 0.5]]);
    const { E, copies, dEdw, mean } = tiedGradient(net, one);
    expect(E).toBe(0.25); // ½ (0.5 − 1)² + ½ (0.5 − 0)²
    // Top copy: ∂E/∂y(2) = (−½, ½), ∂E/∂x(2) = (−⅛, ⅛), ∂E/∂w_ji = ∂E/∂x_j · y_i(1) with y(1) = (½, ½).
    expect(copies.layers[1]).toEqual({ weights: [[-0.0625, -0.0625], [0.0625, 0.0625]], biases: [-0.125, 0.125] });
    // ∂E/∂y(1) = Σ_j ∂E/∂x_j(2) w_ji = (−¼, ¼), ∂E/∂x(1) = (−1/16, 1/16), times y(0) = (1, 1).
    expect(copies.layers[0]).toEqual({ weights: [[-0.0625, -0.0625], [0.0625, 0.0625]], biases: [-0.0625, 0.0625] });
    expect(dEdw).toEqual({ weights: [[-0.125, -0.125], [0.125, 0.125]], biases: [-0.1875, 0.1875] });
    expect(mean).toEqual({ weights: [[-0.0625, -0.0625], [0.0625, 0.0625]], biases: [-0.09375, 0.09375] });
  });

  it("from weights within ±0.3, each step back in time shrinks every case's largest ∂E_c/∂x to at most 4 · 0.3 · ¼ of itself", () => {
    for (let seed = 0; seed < 20; seed++) {
      const layered = unroll(initIterative(4, 3, makeRandom(seed), 0.3));
      for (const c of cases) {
        const sizes = backwardTrace(layered, c).dEdx.map((row) => Math.max(...row.map(Math.abs)));
        for (let t = 0; t + 1 < sizes.length; t++) expect(sizes[t]!).toBeLessThanOrEqual(0.3 * sizes[t + 1]! * (1 + 1e-12));
      }
    }
  });

  it("names a case whose size does not fit the net", () => {
    const net = initIterative(4, 3, makeRandom(1));
    expect(() => tiedGradient(net, shiftRegisterCases(3, 3))).toThrow("case 0 has 3 inputs and 3 targets; an iterative net of 4 units needs 4 of each");
    expect(() => initIterative(4, 0, makeRandom(1))).toThrow("iterations must be a whole number of at least 1, got 0");
  });
});

describe("training an iterative net", () => {
  const rule = { ε: 0.1, α: 0.9 };

  it("learns the shift register from notebook 09's seed, and its last E is the E of the net it returns", () => {
    const { units, iterations, seed, range, sweeps } = SHIFT_REGISTER_RUN;
    const run = trainIterative(initIterative(units, iterations, makeRandom(seed), range), cases, { sweeps, rule });
    expect(run.losses).toHaveLength(sweeps + 1);
    expect(run.losses[sweeps]).toBeCloseTo(iterativeError(run.net, cases), 12);
    for (const c of cases) expect(stateHistory(run.net, c.input)[iterations]!.map((y) => (y > 0.5 ? 1 : 0))).toEqual(c.target);
  });

  it("with one iteration, trains bit for bit as the ordinary one-layer net", () => {
    const net = initIterative(4, 1, makeRandom(5));
    const oneStep = shiftRegisterCases(4, 1);
    const layered = train(unroll(net), oneStep, { sweeps: 200, rule });
    const tied = trainIterative(net, oneStep, { sweeps: 200, rule });
    expect(tied.losses).toEqual(layered.losses);
    expect(tied.net.weights).toEqual(layered.network.layers[0]!.weights);
  });

  it("averaging rather than summing divides ε by T: the mean at ε runs as the sum at ε/T", () => {
    const net = initIterative(4, 3, makeRandom(7));
    const mean = trainIterative(net, cases, { sweeps: 200, rule, gather: "mean" });
    const sum = trainIterative(net, cases, { sweeps: 200, rule: { ε: rule.ε / 3, α: rule.α }, gather: "sum" });
    const sumFull = trainIterative(net, cases, { sweeps: 200, rule, gather: "sum" });
    expect(largest(mean.net.weights, sum.net.weights)).toBeLessThan(1e-9);
    expect(largest(mean.net.weights, sumFull.net.weights)).toBeGreaterThan(0.1);
  });
});

describe("the existing tasks", () => {
  // Recorded before the iterative module existed: the same bits after it.
  it("train bit for bit as before", () => {
    const run = paperRun(REPRODUCTION_SEED);
    expect(run.losses[1425]).toBe(0.1277881693021417);
    expect(run.solvedAt).toBe(1315);
    expect(run.network.layers[0]!.weights[0]![0]).toBe(9.530740867355014);
    const family = runFamily({ seed: 1, split: 1, ε: 0.1, range: 2, sweeps: 200 });
    expect(family.E).toBe(17.318371710318985);
    expect(family.network.layers[3]!.biases[0]).toBe(-1.2262867164568312);
  });
});
