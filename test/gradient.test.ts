import { describe, expect, it } from "vitest";
import {
  backwardTrace,
  finiteDifferenceGradient,
  gradient,
  initNetwork,
  makeRandom,
  maxDifference,
  relativeError,
  type Network,
  SYMMETRY_ARCHITECTURE,
  symmetryCases,
  zerosLike,
} from "../src/index";

const cases = symmetryCases();

describe("the backward pass", () => {
  it("matches finite differences on random symmetry nets", () => {
    for (const seed of [1, 2, 3, 42, 1986]) {
      // Weights up to ±2 so that every unit works away from its linear middle.
      const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), 2);
      const { dEdw } = gradient(network, cases);
      expect(maxDifference(dEdw, finiteDifferenceGradient(network, cases))).toBeLessThan(1e-7);
    }
  });

  it("matches finite differences on a deeper masked net with margin targets", () => {
    const connected = Array.from({ length: 4 }, (_, j) => Array.from({ length: 6 }, (_, i) => (j < 2) === (i < 3)));
    const architecture = { inputs: 6, layers: [{ units: 4, connected }, { units: 3 }, { units: 2 }] };
    const network = initNetwork(architecture, makeRandom(7), 1.5);
    const random = makeRandom(8);
    const twoOutputCases = cases.map((c) => ({ input: c.input, target: [c.target[0]!, random() < 0.5 ? 1 : 0] }));
    for (const margin of [0, 0.2]) {
      const { dEdw } = gradient(network, twoOutputCases, margin);
      expect(maxDifference(dEdw, finiteDifferenceGradient(network, twoOutputCases, margin))).toBeLessThan(1e-7);
    }
  });

  it("gives zero gradient, and so no change, to links the architecture leaves out", () => {
    const connected = [
      [true, true, true, false, false, false],
      [false, false, false, true, true, true],
    ];
    const network = initNetwork({ inputs: 6, layers: [{ units: 2, connected }, { units: 1 }] }, makeRandom(3));
    const { dEdw } = gradient(network, cases);
    expect(network.layers[0]!.weights[0]!.slice(3)).toEqual([0, 0, 0]);
    expect(dEdw.layers[0]!.weights[0]!.slice(3)).toEqual([0, 0, 0]);
    expect(dEdw.layers[0]!.weights[1]!.slice(0, 3)).toEqual([0, 0, 0]);
  });

  it("reproduces a case worked by hand", () => {
    // Hidden weights all 0, so both hidden units output exactly ½; output weights +1 and −1
    // cancel, so the output is ½ too. Target 1 for the palindrome 101101.
    const network: Network = {
      layers: [
        { weights: [Array(6).fill(0), Array(6).fill(0)], biases: [0, 0] },
        { weights: [[1, -1]], biases: [0] },
      ],
    };
    const input = [1, 0, 1, 1, 0, 1];
    const trace = backwardTrace(network, { input, target: [1] });
    expect(trace.y).toEqual([input, [0.5, 0.5], [0.5]]);
    expect(trace.E).toBe(0.125); // ½ (0.5 − 1)²
    expect(trace.dEdy[1]).toEqual([-0.5]); // y − d
    expect(trace.dEdx[1]).toEqual([-0.125]); // −0.5 · ½(1 − ½)
    expect(trace.dEdw.layers[1]).toEqual({ weights: [[-0.0625, -0.0625]], biases: [-0.125] });
    expect(trace.dEdy[0]).toEqual([-0.125, 0.125]); // −0.125 · (+1, −1)
    expect(trace.dEdx[0]).toEqual([-0.03125, 0.03125]);
    expect(trace.dEdw.layers[0]).toEqual({
      weights: [input.map((b) => (b === 1 ? -0.03125 : 0)), input.map((b) => (b === 1 ? 0.03125 : 0))],
      biases: [-0.03125, 0.03125],
    });
  });

  it("sums over cases: the whole set's gradient is the sum of one-case gradients", () => {
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(11));
    const whole = gradient(network, cases);
    const parts = cases.map((c) => backwardTrace(network, c));
    expect(whole.E).toBeCloseTo(parts.reduce((s, p) => s + p.E, 0), 12);
    const summed = parts.reduce<Network>(
      (acc, p) => ({
        layers: acc.layers.map((layer, l) => ({
          weights: layer.weights.map((row, j) => row.map((w, i) => w + p.dEdw.layers[l]!.weights[j]![i]!)),
          biases: layer.biases.map((b, j) => b + p.dEdw.layers[l]!.biases[j]!),
        })),
      }),
      zerosLike(network),
    );
    expect(maxDifference(whole.dEdw, summed)).toBeLessThan(1e-12);
  });
});

describe("relativeError", () => {
  const one = (w: number, b: number): Network => ({ layers: [{ weights: [[w, 0]], biases: [b] }] });

  it("is the worst |a − b| / max(|a|, |b|) over the weights, skipping those both call 0", () => {
    expect(relativeError(one(2, 1e-9), one(1.9, 1.1e-9))).toBeCloseTo(0.1 / 1.1, 12); // the small bias's 9%, not the weight's 5%
    expect(relativeError(one(-2, 0), one(2, 0))).toBe(2);
    expect(relativeError(one(3, 5), one(3, 5))).toBe(0);
  });

  it("finds the truncation of finite differences shrinking as h² on the symmetry net", () => {
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(588), 0.3);
    const cases = symmetryCases();
    const exact = gradient(network, cases).dEdw;
    const at = (h: number) => relativeError(exact, finiteDifferenceGradient(network, cases, 0, h));
    expect(at(1e-2) / at(1e-3)).toBeCloseTo(100, 0);
  });
});
