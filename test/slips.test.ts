import { describe, expect, it } from "vitest";
import { descentWithAccumulator, gradient, gradientWithEarlyStep, gradientWithSlopeOfX, initNetwork, makeRandom, maxDifference, type Network, SYMMETRY_ARCHITECTURE, symmetryCases } from "../src/index";

const cases = symmetryCases();
const start = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(588), 0.3);
const σ = (x: number) => 1 / (1 + Math.exp(-x));
/** A 1-1-1 net and one case, small enough to differentiate by hand. */
const tiny: Network = { layers: [{ weights: [[0.8]], biases: [-0.3] }, { weights: [[1.2]], biases: [0.4] }] };
const one = [{ input: [1], target: [1] }];

/** w − ε g, written out here so that the test does not lean on the module's own step. */
function stepped(network: Network, g: Network, ε: number): Network {
  return { layers: network.layers.map((layer, l) => ({
    weights: layer.weights.map((row, j) => row.map((w, i) => w - ε * g.layers[l]!.weights[j]![i]!)),
    biases: layer.biases.map((b, j) => b - ε * g.layers[l]!.biases[j]!),
  })) };
}

describe("the accumulator not reset", () => {
  it("hands the second sweep g(w₀) + g(w₁) instead of g(w₁), and the third the sum of all three", () => {
    const g0 = gradient(start, cases).dEdw;
    const w1 = stepped(start, g0, 0.1);
    const g1 = gradient(w1, cases).dEdw;
    const second = descentWithAccumulator(start, cases, 2, 0.1, false);
    expect(maxDifference(second.network, w1)).toBeLessThan(1e-15);
    expect(second.used.layers[1]!.biases[0]).toBeCloseTo(g0.layers[1]!.biases[0]! + g1.layers[1]!.biases[0]!, 12);
    const summed = { layers: g0.layers.map((layer, l) => ({ weights: layer.weights.map((row, j) => row.map((g, i) => g + g1.layers[l]!.weights[j]![i]!)), biases: layer.biases.map((g, j) => g + g1.layers[l]!.biases[j]!) })) };
    expect(maxDifference(second.used, summed)).toBeLessThan(1e-12);
    const w2 = stepped(w1, summed, 0.1);
    const third = descentWithAccumulator(start, cases, 3, 0.1, false);
    expect(maxDifference(third.network, w2)).toBeLessThan(1e-12);
  });

  it("reset before each sweep, uses the gradient of the weights it stands on", () => {
    const { network, used } = descentWithAccumulator(start, cases, 3, 0.1, true);
    expect(maxDifference(used, gradient(network, cases).dEdw)).toBe(0);
  });
});

describe("weights changed before the pass reads them", () => {
  it("by hand on a 1-1-1 net: the output's derivatives are right, the hidden one goes back through the changed weight", () => {
    const [h, ε] = [σ(0.8 - 0.3), 0.5];
    const y = σ(1.2 * h + 0.4);
    const δo = (y - 1) * y * (1 - y);
    const changedW = 1.2 - ε * δo * h;
    const g = gradientWithEarlyStep(tiny, one, ε);
    expect(g.layers[1]!.weights[0]![0]).toBeCloseTo(δo * h, 15);
    expect(g.layers[1]!.biases[0]).toBeCloseTo(δo, 15);
    expect(g.layers[0]!.weights[0]![0]).toBeCloseTo(changedW * δo * h * (1 - h), 15);
  });

  it("with ε = 0 it is the right gradient", () => {
    expect(maxDifference(gradientWithEarlyStep(start, cases, 0), gradient(start, cases).dEdw)).toBeLessThan(1e-15);
  });
});

describe("the slope taken of x instead of y", () => {
  it("by hand on a 1-1-1 net: x(1 − x) wherever y(1 − y) belongs", () => {
    const [xh] = [0.8 - 0.3];
    const h = σ(xh);
    const xo = 1.2 * h + 0.4;
    const y = σ(xo);
    const δo = (y - 1) * xo * (1 - xo);
    const g = gradientWithSlopeOfX(tiny, one);
    expect(g.layers[1]!.weights[0]![0]).toBeCloseTo(δo * h, 15);
    expect(g.layers[0]!.weights[0]![0]).toBeCloseTo(1.2 * δo * xh * (1 - xh), 15);
  });
});
