import { describe, expect, it } from "vitest";
import {
  backwardTrace,
  cloneNetwork,
  exp,
  finiteDifferenceGradient,
  gradient,
  initNetwork,
  makeRandom,
  maxDifference,
  type Network,
  SYMMETRY_ARCHITECTURE,
  train,
} from "../src/index";

describe("exp at the ends of its range", () => {
  it("gives Math.exp's bits at the overflow and underflow thresholds and far beyond them", () => {
    // fdlibm's o_threshold and u_threshold: exp of the first is still finite, of the second still 5e-324.
    for (const x of [7.09782712893383973096e2, -7.45133219101941108420e2, -1e10, -1e300, -Number.MAX_VALUE, 1e300]) {
      expect(Object.is(exp(x), Math.exp(x)), `exp(${x})`).toBe(true);
    }
    expect(exp(7.09782712893383973096e2)).toBeLessThan(Infinity);
    expect(exp(-7.45133219101941108420e2)).toBe(5e-324);
  });
});

describe("the gradient on inputs other than 0 and 1", () => {
  it("matches finite differences when the inputs are fractions, negatives and zeros", () => {
    // The first layer sums only over the cases where an input is not 0; with inputs of 1 alone, a·v and a/v agree.
    const cases = [
      { input: [0.5, -2, 0, 3, 0.25, 0], target: [1] },
      { input: [0, 1.5, -0.5, 0, 2, -1], target: [0] },
      { input: [-1, 0, 0.75, 0.5, 0, 4], target: [1] },
    ];
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(11), 1);
    expect(maxDifference(gradient(network, cases).dEdw, finiteDifferenceGradient(network, cases))).toBeLessThan(1e-7);
  });
});

describe("a resumed run's snapshots", () => {
  it("count every k sweeps from where this call started, not from sweep 0", () => {
    // One unit learning to say 1 for input 1: the snapshots' sweeps do not depend on the task.
    const cases = [{ input: [1], target: [1] }];
    const unit: Network = { layers: [{ weights: [[0]], biases: [0] }] };
    const rule = { ε: 0.5, α: 0 };
    const resumed = train(train(unit, cases, { sweeps: 3, rule }), cases, { sweeps: 25, rule, snapshotEvery: 10 });
    expect(resumed.snapshots.map((s) => s.sweep)).toEqual([3, 13, 23, 28]);
  });
});

describe("a mask that lists only some units", () => {
  it("leaves every link of the units it does not list in place, in the checkers' passes as in training's", () => {
    // Unit 1 of the hidden layer has no row in the mask: all its links exist, as `pack` reads it.
    const network = initNetwork({ inputs: 2, layers: [{ units: 2, connected: [[true, false]] }, { units: 1 }] }, makeRandom(8), 1);
    const c = { input: [0.5, 1], target: [1] };
    const batched = gradient(network, [c]).dEdw;
    expect(batched.layers[0]!.weights[1]![0]).not.toBe(0);
    expect(maxDifference(backwardTrace(network, c).dEdw, batched)).toBeLessThan(1e-15);
    expect(maxDifference(finiteDifferenceGradient(network, [c]), batched)).toBeLessThan(1e-8);
  });
});

describe("plain networks and traces carry nothing extra", () => {
  it("a copy of a network without a mask has no mask key at all", () => {
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(2));
    expect(cloneNetwork(network)).toStrictEqual(network);
  });

  it("a one-case trace holds one row of ∂E/∂y and ∂E/∂x per layer, none below the first", () => {
    const trace = backwardTrace(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(2)), { input: [1, 0, 1, 1, 0, 1], target: [1] });
    expect(Object.keys(trace.dEdy)).toEqual(["0", "1"]);
    expect(Object.keys(trace.dEdx)).toEqual(["0", "1"]);
  });
});
