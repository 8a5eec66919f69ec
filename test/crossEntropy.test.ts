import { describe, expect, it } from "vitest";
import { type Case, error, finiteDifferenceGradient, forward, gradient, initNetwork, makeRandom, maxDifference, relativeError, SYMMETRY_ARCHITECTURE, symmetryCases, train, unitCrossEntropy } from "../src/index";

const cases = symmetryCases();

describe("cross-entropy", () => {
  it("is −ln y for d = 1 and −ln(1 − y) for d = 0, and 0 at a certain right answer", () => {
    expect(unitCrossEntropy(0.25, 1)).toBeCloseTo(Math.log(4), 15);
    expect(unitCrossEntropy(0.75, 0)).toBeCloseTo(Math.log(4), 15);
    expect([unitCrossEntropy(1, 1), unitCrossEntropy(0, 0)]).toEqual([0, 0]);
  });

  it("sums over cases and units for E", () => {
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(3), 1);
    const byHand = cases.reduce((E, c) => E + unitCrossEntropy(forward(network, c.input)[2]![0]!, c.target[0]!), 0);
    expect(error(network, cases, 0, "crossEntropy")).toBeCloseTo(byHand, 12);
  });

  it("has the gradient finite differences find, on random nets with one output and with two", () => {
    for (const seed of [1, 2, 3]) {
      const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), 2);
      const dEdw = gradient(network, cases, 0, "crossEntropy").dEdw;
      expect(relativeError(dEdw, finiteDifferenceGradient(network, cases, 0, 1e-6, "crossEntropy")), `seed ${seed}`).toBeLessThan(1e-6);
    }
    const twoOut: Case[] = cases.slice(0, 20).map((c) => ({ input: c.input, target: [c.target[0]!, 1 - c.input[0]!] }));
    const wide = initNetwork({ inputs: 6, layers: [{ units: 3 }, { units: 2 }] }, makeRandom(9), 1);
    expect(relativeError(gradient(wide, twoOut, 0, "crossEntropy").dEdw, finiteDifferenceGradient(wide, twoOut, 0, 1e-6, "crossEntropy"))).toBeLessThan(1e-6);
  });

  it("starts the backward pass at ∂E/∂x_o = y − d, where squared error has (y − d) y(1 − y)", () => {
    const network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(4), 0.3);
    const c = cases[9]!;
    const y = forward(network, c.input)[2]![0]!;
    expect(gradient(network, [c], 0, "crossEntropy").dEdw.layers[1]!.biases[0]).toBe(0 + (y - c.target[0]!));
    expect(gradient(network, [c]).dEdw.layers[1]!.biases[0]).toBe(0 + (y - c.target[0]!) * y * (1 - y));
  });

  it("trains with it when asked, and leaves the paper's squared error the default", () => {
    const w0 = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(588), 0.3);
    const rule = { ε: 0.1, α: 0.9 };
    const ce = train(w0, cases, { sweeps: 50, rule, loss: "crossEntropy" });
    expect(ce.losses[0]).toBeCloseTo(error(w0, cases, 0, "crossEntropy"), 12);
    expect(ce.losses.at(-1)).toBeLessThan(ce.losses[0]!);
    expect(maxDifference(train(w0, cases, { sweeps: 50, rule, loss: "squared" }).network, train(w0, cases, { sweeps: 50, rule }).network)).toBe(0);
    expect(maxDifference(ce.network, train(w0, cases, { sweeps: 50, rule }).network)).toBeGreaterThan(0.01);
  });

  it("refuses a margin, which belongs to squared error, in one line", () => {
    const w0 = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(1), 0.3);
    expect(() => gradient(w0, cases, 0.2, "crossEntropy")).toThrow(/^cross-entropy takes no margin: margin 0.2$/);
  });
});
