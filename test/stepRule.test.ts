import { describe, expect, it } from "vitest";
import { type Network, ruleAt, step } from "../src/index";

const one = (w: number, b: number): Network => ({ layers: [{ weights: [[w]], biases: [b] }] });

describe("the step rule", () => {
  it("is Δw(t) = −ε ∂E/∂w + α Δw(t−1), worked by hand", () => {
    // Δw = −0.1 · 0.5 + 0.9 · 0.2 = 0.13, so w: 1 → 1.13; bias: Δb = −0.1 · (−1) + 0.9 · 0 = 0.1.
    const { network, delta } = step(one(1, 0), one(0.5, -1), one(0.2, 0), { ε: 0.1, α: 0.9 });
    expect(delta.layers[0]!.weights[0]![0]).toBeCloseTo(0.13, 15);
    expect(network.layers[0]!.weights[0]![0]).toBeCloseTo(1.13, 15);
    expect(delta.layers[0]!.biases[0]).toBeCloseTo(0.1, 15);
    expect(network.layers[0]!.biases[0]).toBeCloseTo(0.1, 15);
  });

  it("shrinks every weight and bias by the decay after the change", () => {
    const { network } = step(one(1, 2), one(0, 0), one(0, 0), { ε: 0.1, α: 0.9, decay: 0.002 });
    expect(network.layers[0]!.weights[0]![0]).toBeCloseTo(0.998, 15);
    expect(network.layers[0]!.biases[0]).toBeCloseTo(1.996, 15);
  });

  it("leaves its inputs unchanged", () => {
    const w = one(1, 0);
    const d = one(0.2, 0);
    step(w, one(0.5, 0.5), d, { ε: 0.1, α: 0.9 });
    expect(w).toEqual(one(1, 0));
    expect(d).toEqual(one(0.2, 0));
  });

  it("follows a schedule by sweep, as the family-trees run does", () => {
    const schedule = [
      { fromSweep: 1, ε: 0.005, α: 0.5 },
      { fromSweep: 21, ε: 0.01, α: 0.9 },
    ];
    expect(ruleAt(schedule, 1)).toMatchObject({ ε: 0.005, α: 0.5 });
    expect(ruleAt(schedule, 20)).toMatchObject({ ε: 0.005, α: 0.5 });
    expect(ruleAt(schedule, 21)).toMatchObject({ ε: 0.01, α: 0.9 });
    expect(ruleAt({ ε: 0.1, α: 0.9 }, 500)).toEqual({ ε: 0.1, α: 0.9 });
  });
});
