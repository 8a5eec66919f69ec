import { describe, expect, it } from "vitest";
import { descentWithAccumulator, gradient, gradientWithEarlyStep, gradientWithSlopeOfX, initNetwork, makeRandom, maxDifference, meanGradientRun, type Network, perCaseRun, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";

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

/** Δw = −ε g + α Δw(t−1) and w + Δw, weight by weight, written out here as well. */
function momentumStep(network: Network, g: Network, previous: Network, ε: number, α: number): { network: Network; delta: Network } {
  const delta = { layers: g.layers.map((layer, l) => ({
    weights: layer.weights.map((row, j) => row.map((v, i) => -ε * v + α * previous.layers[l]!.weights[j]![i]!)),
    biases: layer.biases.map((v, j) => -ε * v + α * previous.layers[l]!.biases[j]!),
  })) };
  return { network: stepped(network, delta, -1), delta };
}
const two = [{ input: [1], target: [1] }, { input: [0], target: [0] }];
const zero: Network = { layers: [{ weights: [[0]], biases: [0] }, { weights: [[0]], biases: [0] }] };

describe("the error averaged over the cases at the paper's ε", () => {
  it("by hand on a 1-1-1 net with two cases: each step is the sum's step with ∂E/∂w halved", () => {
    const [ε, α] = [0.5, 0.9];
    const half = (g: Network) => stepped(zero, g, -0.5);
    const first = momentumStep(tiny, half(gradient(tiny, two).dEdw), zero, ε, α);
    const second = momentumStep(first.network, half(gradient(first.network, two).dEdw), first.delta, ε, α);
    const run = meanGradientRun(tiny, two, 2, { ε, α });
    expect(maxDifference(run.network, second.network)).toBeLessThan(1e-15);
    expect(run.losses).toEqual([tiny, first.network, second.network].map((w) => gradient(w, two).E));
  });

  it("is the paper's run at ε divided by 64, bit for bit (dividing by 64 is exact in binary): at ε = 0.1 it is still on the lower level after 1,425 sweeps", () => {
    const mean = meanGradientRun(start, cases, 1425, { ε: 0.1, α: 0.9 });
    const slow = train(start, cases, { sweeps: 1425, rule: { ε: 0.1 / 64, α: 0.9 } });
    expect(maxDifference(mean.network, slow.network)).toBe(0);
    expect(mean.losses).toEqual(slow.losses);
    expect(mean.solvedAt).toBeNull();
    expect(mean.losses.at(-1)).toBeCloseTo(3.498, 3);
    expect(train(start, cases, { sweeps: 1425, rule: { ε: 0.1, α: 0.9 } }).solvedAt).toBe(1315);
  });
});

describe("the weights changed after every case", () => {
  it("by hand on a 1-1-1 net with two cases: the second case's derivatives are taken at the weights the first has moved, and momentum carries between them", () => {
    const [ε, α] = [0.5, 0.9];
    const a = momentumStep(tiny, gradient(tiny, [two[0]!]).dEdw, zero, ε, α);
    const b = momentumStep(a.network, gradient(a.network, [two[1]!]).dEdw, a.delta, ε, α);
    const run = perCaseRun(tiny, two, 1, { ε, α });
    expect(maxDifference(run.network, b.network)).toBeLessThan(1e-15);
    expect(run.losses[1]).toBeCloseTo(gradient(b.network, two).E, 15);
  });

  it("with one case is the paper's full-sweep run, bit for bit", () => {
    const run = perCaseRun(start, [cases[9]!], 50, { ε: 0.1, α: 0.9 });
    const full = train(start, [cases[9]!], { sweeps: 50, rule: { ε: 0.1, α: 0.9 } });
    expect(maxDifference(run.network, full.network)).toBe(0);
    expect(run.losses).toEqual(full.losses);
  });

  it("from seed 588 at the paper's ε and α never goes back onto the upper plateau, and ends unsolved at E = 2.67", () => {
    const run = perCaseRun(start, cases, 1425, { ε: 0.1, α: 0.9 });
    expect(Math.max(...run.losses.slice(3))).toBeLessThan(3.6);
    expect(run.solvedAt).toBeNull();
    expect(run.losses.at(-1)).toBeCloseTo(2.67, 2);
  });
});
