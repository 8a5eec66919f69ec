import { describe, expect, it } from "vitest";
import {
  type Case, caseDeltas, FAMILY_TREES_ARCHITECTURE, finiteDifferenceGradient, initNetwork, makeRandom, matrixGradient, outer,
  maxDifference, queries, queryCase, SYMMETRY_ARCHITECTURE, symmetryCases, transposeTimes,
} from "../src/index";

describe("the matrix pieces", () => {
  it("Wᵀv sums each column of W weighted by v, and a bᵀ is every product", () => {
    expect(transposeTimes([[1, 2, 3], [4, 5, 6]], [10, 1])).toEqual([14, 25, 36]);
    expect(outer([1, -2], [3, 0, 5])).toEqual([[3, 0, 5], [-6, -0, -10]]);
  });
});

describe("the backward pass in matrix form", () => {
  // Three layers and two outputs, so that Wᵀδ sums over several units above.
  const deep = initNetwork({ inputs: 4, layers: [{ units: 3 }, { units: 3 }, { units: 2 }] }, makeRandom(7), 1.5);
  const deepCases: Case[] = [[0, 1, 1, 0], [1, 1, 0, 1], [0.5, 0, 1, 1]].map((input, k) => ({ input, target: [k % 2, 1 - (k % 2)] }));
  const family = queries().slice(0, 12).map(queryCase);
  const nets: [string, ReturnType<typeof initNetwork>, readonly Case[]][] = [
    ["the 6-2-1 net over all 64 cases", initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(3), 2), symmetryCases()],
    ["a 4-3-3-2 net", deep, deepCases],
    ["the family-trees net, links left out", initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(5), 0.5), family],
  ];

  // To the digits a central difference holds: about 10 decimals, less rounding summed over the cases.
  it.each(nets)("gives the slopes of E that finite differences measure (%s)", (_, network, cases) => {
    expect(maxDifference(matrixGradient(network, cases), finiteDifferenceGradient(network, cases, 0, 1e-5))).toBeLessThan(1e-8);
  });

  it("leaves a link the network does not have at 0", () => {
    const [, network, cases] = nets[2]!;
    const dEdw = matrixGradient(network, cases);
    network.layers.forEach((layer, l) => layer.connected?.forEach((row, j) => row.forEach((on, i) => on || expect(dEdw.layers[l]!.weights[j]![i]).toBe(0))));
  });

  it("hands δ down as Wᵀδ times the slope, by hand on a 1-1-1 net", () => {
    const network = { layers: [{ weights: [[0.5]], biases: [-0.2] }, { weights: [[-1.5]], biases: [0.3] }] };
    const σ = (x: number) => 1 / (1 + Math.exp(-x));
    const h = σ(0.5 * 1 - 0.2);
    const y = σ(-1.5 * h + 0.3);
    const δo = (y - 0) * y * (1 - y);
    const { δ } = caseDeltas(network, { input: [1], target: [0] });
    expect(δ[1]![0]).toBeCloseTo(δo, 14);
    expect(δ[0]![0]).toBeCloseTo(-1.5 * δo * h * (1 - h), 14);
  });
});
