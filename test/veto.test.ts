import { describe, expect, it } from "vitest";
import { initNetwork, makeRandom, type Network, netInputs, predict, SYMMETRY_ARCHITECTURE, symmetryCases, vetoThreshold } from "../src/index";

/** A 6-2-1 net whose hidden units ignore the input: net inputs `hiddenBiases`, output weights `w`, output bias `b`. */
function net(hiddenBiases: number[], w: number[], b: number): Network {
  return { layers: [{ weights: hiddenBiases.map(() => new Array(6).fill(0)), biases: hiddenBiases }, { weights: [w], biases: [b] }] };
}
const input = [1, 0, 1, 1, 0, 0];

describe("vetoThreshold", () => {
  it("by hand: the other unit at ½ sends −2, so the excited one needs y = ¼ against a bias of 3, x = ln(1/3)", () => {
    expect(vetoThreshold(net([1, 0], [-4, -4], 3), input)).toBeCloseTo(Math.log(1 / 3), 12);
    expect(vetoThreshold(net([0, 1], [-4, -8], 5), input)).toBeCloseTo(Math.log(3 / 5), 12);
  });

  it("puts the output at exactly ½ when the excited unit's net input is moved to it", () => {
    let checked = 0;
    for (const seed of [1, 2, 3]) {
      const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), 6);
      network.layers[1]!.weights[0] = [-9, -9];
      network.layers[1]!.biases[0] = 4;
      for (const { input: bits } of symmetryCases().slice(0, 20)) {
        const t = vetoThreshold(network, bits);
        if (!Number.isFinite(t)) continue;
        const x = netInputs(network, bits, 0);
        const j = x.indexOf(Math.max(...x));
        const moved = structuredClone(network);
        moved.layers[0]!.biases[j]! += t - x[j]!;
        expect(predict(moved, bits)[0]).toBeCloseTo(0.5, 12);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("is −∞ when the others already pull the output below ½, +∞ when the unit cannot", () => {
    expect(vetoThreshold(net([1, 0], [-1, -4], -1), input)).toBe(-Infinity);
    expect(vetoThreshold(net([1, 0], [4, -4], 3), input)).toBe(Infinity);
    expect(vetoThreshold(net([1, 0], [-0.1, -0.1], 3), input)).toBe(Infinity);
  });
});
