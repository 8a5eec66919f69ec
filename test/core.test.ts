/** The core's one-case maths and its small helpers, each against values worked by hand. */
import { describe, expect, it } from "vitest";
import {
  caseError,
  changedWeight,
  cloneNetwork,
  dEdwOf,
  dEdxOf,
  hiddenDEdy,
  initNetwork,
  logistic,
  logisticDerivative,
  makeRandom,
  MAX_SEED,
  type Network,
  outputError,
  pack,
  packCases,
  forward,
  maxDifference,
  netInputs,
  predict,
  rightSide,
  train,
  ruleAt,
  step,
  uniform,
  unitError,
  unpack,
  weightChange,
  zerosLike,
} from "../src/index";

describe("∂E/∂y at an output unit", () => {
  it("is y − d without a margin", () => {
    expect(outputError(0.75, 1)).toBe(-0.25);
    expect(outputError(0.25, 0)).toBe(0.25);
    expect(outputError(0.75, 1, 0)).toBe(-0.25);
  });

  it("with the margin 0.2, is 0 on the right side of 0.8 (d = 1) and measured from 0.8 below it", () => {
    expect(outputError(0.9, 1, 0.2)).toBe(0);
    expect(outputError(0.8, 1, 0.2)).toBe(0);
    expect(outputError(0.75, 1, 0.2)).toBeCloseTo(-0.05, 15);
    expect(outputError(0.3, 1, 0.2)).toBeCloseTo(-0.5, 15);
  });

  it("with the margin 0.2, is 0 on the right side of 0.2 (d = 0) and measured from 0.2 above it", () => {
    expect(outputError(0.1, 0, 0.2)).toBe(0);
    expect(outputError(0.2, 0, 0.2)).toBe(0);
    expect(outputError(0.25, 0, 0.2)).toBeCloseTo(0.05, 15);
    expect(outputError(0.7, 0, 0.2)).toBeCloseTo(0.5, 15);
  });

  it("with a margin, tells d = 1 from d = 0 by which side of ½ d is on", () => {
    expect(outputError(0.5, 0.75, 0.2)).toBeCloseTo(-0.05, 15); // d > ½: wants y ≥ 0.55
    expect(outputError(0.5, 0.25, 0.2)).toBeCloseTo(0.05, 15); // d < ½: wants y ≤ 0.45
  });
});

describe("E for one case", () => {
  it("is ½ Σ_j (y_j − d_j)², worked by hand", () => {
    expect(unitError(-0.5)).toBe(0.125);
    expect(caseError([0.5, 0.25], [1, 0])).toBe(0.125 + 0.03125);
    expect(caseError([], [])).toBe(0);
  });

  it("counts only what lies beyond the margin", () => {
    expect(caseError([0.7, 0.3, 0.9, 0.1], [1, 0, 1, 0], 0.2)).toBeCloseTo(0.005 + 0.005, 15);
  });

  it("without a margin, is y − d for any target, not only 0 and 1", () => {
    expect(outputError(0.25, 0.5)).toBe(-0.25);
    expect(outputError(0.75, 0.5)).toBe(0.25);
  });

  it("says a case is right when every output is on its target's side of ½, and ½ itself is not above it", () => {
    expect(rightSide([0.6, 0.4], [1, 0])).toBe(true);
    expect(rightSide([0.6, 0.6], [1, 0])).toBe(false);
    expect(rightSide([0.4, 0.4], [1, 0])).toBe(false);
    expect(rightSide([0.5], [1])).toBe(false);
    expect(rightSide([0.5], [0])).toBe(true);
  });
});

describe("the chain rule for one case", () => {
  it("takes ∂E/∂x = ∂E/∂y · y(1 − y) and the logistic's slope from its output", () => {
    expect(logistic(0)).toBe(0.5);
    expect(logisticDerivative(0.5)).toBe(0.25);
    expect(logisticDerivative(0.75)).toBe(0.1875);
    expect(dEdxOf(-0.5, 0.5)).toBe(-0.125);
    expect(dEdxOf(2, 0.75)).toBe(0.375);
  });

  it("sums a hidden unit's ∂E/∂y over every unit above: Σ_k ∂E/∂x_k · w_kj", () => {
    expect(hiddenDEdy([0.5, -0.25], [3, 4])).toBe(0.5);
    expect(hiddenDEdy([0.5, -0.25, 1], [3, 4, -2])).toBe(-1.5);
    expect(hiddenDEdy([], [])).toBe(0);
  });

  it("takes ∂E/∂w_ji = ∂E/∂x_j · y_i", () => {
    expect(dEdwOf(0.5, 0.25)).toBe(0.125);
    expect(dEdwOf(-0.125, 1)).toBe(-0.125);
  });
});

describe("the forward pass for one case", () => {
  // Two hidden units (x = 0 and x = ln 3) feeding one output with weights 2 and −4.
  const network: Network = {
    layers: [
      { weights: [[1, -1], [0.5, 0.5]], biases: [-1, Math.log(3) - 1] },
      { weights: [[2, -4]], biases: [1] },
    ],
  };

  it("gives every layer's net inputs b_j + Σ_i w_ji y_i and outputs logistic(x_j), worked by hand", () => {
    expect(netInputs(network, [1, 0], 0)).toEqual([0, Math.log(3) - 0.5]);
    expect(netInputs(network, [1, 1], 0)).toEqual([-1, Math.log(3)]);
    expect(forward(network, [1, 1])[1]![0]).toBeCloseTo(1 / (1 + Math.E), 15);
    expect(forward(network, [1, 1])[1]![1]).toBeCloseTo(0.75, 15);
    expect(netInputs(network, [2, 0], 1)[0]).toBeCloseTo(1 + 2 * logistic(1) - 4 * 0.75, 15);
    const [, hidden, output] = forward(network, [2, 0]);
    expect(hidden).toEqual([logistic(1), logistic(Math.log(3))]);
    expect(predict(network, [2, 0])).toEqual(output);
    expect(output![0]).toBeCloseTo(logistic(1 + 2 * logistic(1) - 3), 15);
  });
});

describe("the step for one weight", () => {
  it("is Δw(t) = −ε ∂E/∂w + α Δw(t−1), worked by hand", () => {
    expect(weightChange(0.5, 0.25, 0.5, 0.5)).toBe(-0.125);
    expect(weightChange(-1, 0.5, 0.25, 0.75)).toBe(0.625);
  });

  it("adds Δw, then shrinks the sum by the decay: (w + Δw)(1 − decay), not w(1 − decay) + Δw", () => {
    expect(changedWeight(1, 0.5)).toBe(1.5);
    expect(changedWeight(1, 0.5, 0.5)).toBe(0.75); // decay first would give 1.0
    expect(changedWeight(-2, 1, 0.25)).toBe(-0.75); // decay first would give −0.5
  });
});

/** eq. 9 and the decay on every weight and bias, written out with nothing from the core. */
function stepByHand(w: Network, g: Network, before: Network, ε: number, α: number, decay: number) {
  const network = cloneNetwork(w);
  const delta = zerosLike(w);
  w.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) =>
      row.forEach((value, i) => {
        const d = -ε * g.layers[l]!.weights[j]![i]! + α * before.layers[l]!.weights[j]![i]!;
        delta.layers[l]!.weights[j]![i] = d;
        network.layers[l]!.weights[j]![i] = (value + d) * (1 - decay);
      }),
    );
    layer.biases.forEach((value, j) => {
      const d = -ε * g.layers[l]!.biases[j]! + α * before.layers[l]!.biases[j]!;
      delta.layers[l]!.biases[j] = d;
      network.layers[l]!.biases[j] = (value + d) * (1 - decay);
    });
  });
  return { network, delta };
}

describe("the step rule on a whole network", () => {
  const shape = { inputs: 3, layers: [{ units: 2 }, { units: 2 }] };
  const draw = (seed: number) => initNetwork(shape, makeRandom(seed), 1);

  it.each([
    [0.1, 0.9, 0],
    [0.5, 0.5, 0.002],
    [0.25, 0, 0.1],
  ])("matches eq. 9 and the decay worked weight by weight (ε %f, α %f, decay %f)", (ε, α, decay) => {
    const [w, g, before] = [draw(1), draw(2), draw(3)];
    expect(step(w, g, before, { ε, α, decay })).toEqual(stepByHand(w, g, before, ε, α, decay));
  });

  it("changes every weight and bias of every layer", () => {
    const { network } = step(draw(1), draw(2), draw(3), { ε: 0.1, α: 0.9 });
    const before = draw(1).layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
    const after = network.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
    after.forEach((v, k) => expect(v).not.toBe(before[k]));
  });

  it("before its first phase and between phases, keeps the phase reached last", () => {
    const schedule = [
      { fromSweep: 5, ε: 0.5, α: 0 },
      { fromSweep: 10, ε: 0.25, α: 0.5 },
    ];
    expect(ruleAt(schedule, 1)).toBe(schedule[0]);
    expect(ruleAt(schedule, 9)).toBe(schedule[0]);
    expect(ruleAt(schedule, 10)).toBe(schedule[1]);
    expect(ruleAt(schedule, 99)).toBe(schedule[1]);
  });
});

describe("seeded randomness", () => {
  it("accepts every integer seed from 0 to 2³² − 1 and refuses the rest, saying why", () => {
    expect(() => makeRandom(0)).not.toThrow();
    expect(() => makeRandom(MAX_SEED)).not.toThrow();
    for (const bad of [-1, MAX_SEED + 1, 1.5, NaN]) expect(() => makeRandom(bad)).toThrow(/seed must be an integer from 0 to 4294967295/);
  });

  it("draws what the C reference of mulberry32 draws, as k / 2³²", () => {
    // From Tommy Ettinger's C mulberry32, run on seeds 0, 1, 588 and 2³² − 1: its first three 32-bit outputs.
    const reference: [number, number[]][] = [
      [0, [1144304738, 1416247, 958946056]],
      [1, [2693262067, 11749833, 2265367787]],
      [588, [2593353500, 3672124576, 4157671839]],
      [MAX_SEED, [3850105811, 813802916, 3073704848]],
    ];
    for (const [seed, outputs] of reference) {
      const random = makeRandom(seed);
      expect(outputs.map(() => random() * 2 ** 32)).toEqual(outputs);
    }
  });

  it("draws numbers in [0, 1) that differ by seed, and U(low, high) scales them", () => {
    const random = makeRandom(9);
    const draws = Array.from({ length: 1000 }, () => random());
    for (const u of draws) expect(u >= 0 && u < 1).toBe(true);
    expect(Math.min(...draws)).toBeLessThan(0.01);
    expect(Math.max(...draws)).toBeGreaterThan(0.99);
    expect(makeRandom(10)()).not.toBe(makeRandom(9)());
    expect(uniform(() => 0, -2, 6)).toBe(-2);
    expect(uniform(() => 0.5, -2, 6)).toBe(2);
  });
});

describe("networks and their packed layout", () => {
  const connected = [
    [true, false],
    [false, true],
  ];
  const masked = initNetwork({ inputs: 2, layers: [{ units: 2, connected }, { units: 1 }] }, makeRandom(4), 1);

  it("draws no weight for a link left out and keeps the mask", () => {
    expect(masked.layers[0]!.weights[0]![1]).toBe(0);
    expect(masked.layers[0]!.weights[1]![0]).toBe(0);
    expect(masked.layers[0]!.weights[0]![0]).not.toBe(0);
    expect(masked.layers[0]!.connected).toBe(connected);
    expect(masked.layers[1]!.connected).toBeUndefined();
  });

  it("copies deeply, keeps the mask, and zeros every weight and bias", () => {
    const copy = cloneNetwork(masked);
    expect(copy).toEqual(masked);
    copy.layers[1]!.weights[0]![0] = 99;
    copy.layers[1]!.biases[0] = 99;
    expect(masked.layers[1]!.weights[0]![0]).not.toBe(99);
    expect(masked.layers[1]!.biases[0]).not.toBe(99);
    expect(zerosLike(masked)).toEqual({
      layers: [
        { weights: [[0, 0], [0, 0]], biases: [0, 0] },
        { weights: [[0, 0]], biases: [0] },
      ],
    });
  });

  it("measures the largest difference between two networks, weights and biases alike", () => {
    const other = cloneNetwork(masked);
    expect(maxDifference(masked, other)).toBe(0);
    other.layers[1]!.weights[0]![1]! -= 0.5;
    expect(maxDifference(masked, other)).toBeCloseTo(0.5, 15);
    other.layers[0]!.biases[1]! += 2;
    expect(maxDifference(masked, other)).toBeCloseTo(2, 15);
  });

  it("packs a network row by row and back again, links marked, masks lent back", () => {
    const packed = pack(masked);
    expect(packed[0]!.n).toBe(2);
    expect(packed[0]!.m).toBe(2);
    expect(Array.from(packed[0]!.links!)).toEqual([1, 0, 0, 1]);
    expect(packed[1]!.links).toBeNull();
    expect(Array.from(packed[1]!.w)).toEqual(masked.layers[1]!.weights[0]);
    expect(unpack(packed, masked)).toEqual(masked);
    expect(unpack(packed).layers[0]!.connected).toBeUndefined();
  });

  it("steps a masked network and hands it back with its mask", () => {
    const { network } = step(masked, zerosLike(masked), zerosLike(masked), { ε: 0.1, α: 0.9 });
    expect(network.layers[0]!.connected).toBe(connected);
  });

  it("gives an empty batch for no cases", () => {
    expect(packCases([])).toEqual({ count: 0, inputs: [], targets: [], active: [] });
  });

  it("lays cases out unit by unit, listing the cases where each input is not 0", () => {
    const batch = packCases([
      { input: [1, 0], target: [1] },
      { input: [0, 0], target: [0] },
      { input: [0.5, 1], target: [1] },
    ]);
    expect(batch.count).toBe(3);
    expect(batch.inputs.map((row) => Array.from(row))).toEqual([[1, 0, 0.5], [0, 0, 1]]);
    expect(batch.targets.map((row) => Array.from(row))).toEqual([[1, 0, 1]]);
    expect(batch.active.map((cases) => Array.from(cases))).toEqual([[0, 2], [2]]);
  });
});

describe("training on a task small enough to follow", () => {
  // One logistic unit learning OR from zero weights: every output starts at ½, which is not yet right for d = 1.
  const or = [
    { input: [0, 0], target: [0] },
    { input: [0, 1], target: [1] },
    { input: [1, 0], target: [1] },
    { input: [1, 1], target: [1] },
  ];
  const zero: Network = { layers: [{ weights: [[0, 0]], biases: [0] }] };

  it("stops at the first sweep where every case is right, and not a sweep earlier", () => {
    const run = train(zero, or, { sweeps: 100, rule: { ε: 1, α: 0 }, stopWhenSolved: true });
    expect(run.stopped).toBe("solved");
    expect(run.sweep).toBeGreaterThan(0);
    expect(run.solvedAt).toBe(run.sweep);
    expect(run.losses).toHaveLength(run.sweep + 1);
    expect(train(zero, or, { sweeps: run.sweep - 1, rule: { ε: 1, α: 0 } }).solvedAt).toBeNull();
  });

  it("keeps no snapshots unless asked", () => {
    expect(train(zero, or, { sweeps: 3, rule: { ε: 1, α: 0 } }).snapshots).toEqual([]);
  });

  it("stops and says so when only a bias overflows", () => {
    // The input is 0, so only the bias has a gradient; ε 10³⁰⁸ with α 0.99 carries it past the largest double.
    const run = train(zero, [{ input: [0, 0], target: [1] }], { sweeps: 500, rule: { ε: 1e308, α: 0.99 } });
    expect(run.stopped).toBe("non-finite");
    expect(run.network.layers[0]!.weights[0]).toEqual([0, 0]);
  });

  it("without the stopping test, runs on and remembers when it was first solved", () => {
    const run = train(zero, or, { sweeps: 30, rule: { ε: 1, α: 0 } });
    const first = train(zero, or, { sweeps: 30, rule: { ε: 1, α: 0 }, stopWhenSolved: true }).sweep;
    expect(run.stopped).toBe("sweeps");
    expect(run.sweep).toBe(30);
    expect(run.solvedAt).toBe(first);
  });
});
