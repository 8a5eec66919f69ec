import { describe, expect, it } from "vitest";
import { FIGURE_1, gradient, initNetwork, makeRandom, maxDifference, type Network, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";
import { tfjsGradient, tfjsTrain } from "./support/tfjsSymmetry";

const cases = symmetryCases();

/** The largest |∂E/∂w| in a gradient: float32 rounding scales with it. */
function scale(dEdw: Network): number {
  return Math.max(1, ...dEdw.layers.flatMap((l) => [...l.weights.flat(), ...l.biases].map(Math.abs)));
}

/** About 2^−17 relative: a few dozen float32 roundings (2^−24 each) summed over 64 cases. */
const FLOAT32 = 1e-5;

describe("TensorFlow.js as an independent oracle", () => {
  const nets: [string, Network][] = [
    ["seed 1 at U(−0.3, 0.3)", initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(1))],
    ["seed 2 at U(−3, 3)", initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(2), 3)],
    ["Figure 1", FIGURE_1],
  ];

  it.each(nets)("our ∂E/∂w agrees with TF.js's automatic differentiation to float32 precision (%s)", async (_, network) => {
    const ours = gradient(network, cases);
    const theirs = await tfjsGradient(network, cases);
    expect(Math.abs(theirs.E - ours.E)).toBeLessThan(FLOAT32 * Math.max(1, ours.E));
    expect(maxDifference(ours.dEdw, theirs.dEdw)).toBeLessThan(FLOAT32 * scale(ours.dEdw));
  });

  it("TF.js's momentum optimiser takes the steps of eq. 9, to float32 precision", async () => {
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(3));
    const rule = { ε: 0.1, α: 0.9 };
    const ours = train(network, cases, { sweeps: 20, rule });
    const theirs = await tfjsTrain(network, cases, 20, rule);
    expect(maxDifference(ours.network, theirs.network)).toBeLessThan(FLOAT32);
    expect(maxDifference(ours.network, network)).toBeGreaterThan(100 * FLOAT32); // the weights did move
  });
});
