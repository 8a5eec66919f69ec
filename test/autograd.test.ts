import { describe, expect, it } from "vitest";
import { autogradGradient, FIGURE_1, gradient, initNetwork, makeRandom, maxDifference, type Network, SYMMETRY_ARCHITECTURE, symmetryCases } from "../src/index";

const cases = symmetryCases();
/** About 2^−17 relative: a few dozen float32 roundings (2^−24 each) summed over 64 cases. */
const FLOAT32 = 1e-5;
const scale = (g: Network) => Math.max(1, ...g.layers.flatMap((l) => [...l.weights.flat(), ...l.biases].map(Math.abs)));

describe("∂E/∂w by TF.js's tf.grads", () => {
  const deep = initNetwork({ inputs: 6, layers: [{ units: 3 }, { units: 2 }, { units: 1 }] }, makeRandom(4), 1);
  it.each([
    ["seed 588's start", initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(588), 0.3)],
    ["Figure 1", FIGURE_1],
    ["a 6-3-2-1 net", deep],
  ] as const)("agrees with the series' backward pass to float32 precision (%s)", async (_, network) => {
    const ours = gradient(network, cases);
    const theirs = await autogradGradient(network, cases);
    expect(Math.abs(theirs.E - ours.E)).toBeLessThan(FLOAT32 * Math.max(1, ours.E));
    expect(maxDifference(ours.dEdw, theirs.dEdw)).toBeLessThan(FLOAT32 * scale(ours.dEdw));
    expect(maxDifference(ours.dEdw, theirs.dEdw)).toBeGreaterThan(0); // float32, not our float64: a separate computation
  });
});
