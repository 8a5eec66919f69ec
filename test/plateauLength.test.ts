import { describe, expect, it } from "vitest";
import { type Network, logistic, paperRun, plateauLength, plateauLengthEstimate, runActs, symmetryCases, train } from "../src/index";

/** One logistic unit whose only input is 0, so that its net input is its bias: an output stuck at σ(b) with target 1. */
const biasOnly = (b: number): Network => ({ layers: [{ weights: [[0]], biases: [b] }] });
const wantsOne = [{ input: [0], target: [1] }];

describe("the plateau's length, estimated", () => {
  it("by hand for a lone unit at y = σ(−8): S₀ = y, |∂E/∂w| = y(1 − y)², k = (1 − y)⁴, T = (1 − α)/(ε k S₀) · (1 − S₀/S₁)", () => {
    const y = logistic(-8);
    const estimate = plateauLengthEstimate(biasOnly(-8), wantsOne, { ε: 0.1, α: 0.9 }, 0.1);
    expect(estimate.push).toBeCloseTo(y, 15);
    expect(estimate.slope).toBeCloseTo(y * (1 - y) ** 2, 15);
    expect(estimate.gain).toBeCloseTo((1 - y) ** 4, 12);
    expect(estimate.sweeps).toBeCloseTo((0.1 / (0.1 * (1 - y) ** 4 * y)) * (1 - y / 0.1), 6);
  });

  it.each([0, 0.5, 0.9])("matches, within 3%, the sweeps a lone unit takes from σ(−8) to an output of 0.1 with α = %s", (α) => {
    const { losses } = train(biasOnly(-8), wantsOne, { sweeps: 40_000, rule: { ε: 0.1, α } });
    // E = ½ (1 − y)², so y > 0.1 once E < ½ · 0.9².
    const reached = losses.findIndex((E) => E < 0.5 * 0.9 ** 2);
    const { sweeps } = plateauLengthEstimate(biasOnly(-8), wantsOne, { ε: 0.1, α }, 0.1);
    expect(reached).toBeGreaterThan(0);
    expect(Math.abs(sweeps / reached - 1)).toBeLessThan(0.03);
  });

  it("for the paper's run from seed 588: the plateau notebook 05 reads, from its bottom at sweep 64 to sweep 947, 883 sweeps, estimated at 845", () => {
    const length = plateauLength(588)!;
    const acts = runActs(paperRun(588), symmetryCases());
    expect(length.left).toBe(acts.leavesPlateau);
    expect([length.bottom, length.left, length.observed]).toEqual([64, 947, 883]);
    expect(Math.round(length.estimate.sweeps)).toBe(845);
    // The outputs at the bottom are tiny, as the estimate assumes: 8 palindromes sharing S₀.
    expect(length.estimate.push).toBeLessThan(0.001);
  });

  it("for seed 5, whose plateau outlasts the paper's 1,425 sweeps: 18,837 sweeps observed, estimated within 6%", () => {
    const length = plateauLength(5)!;
    expect([length.bottom, length.left, length.observed]).toEqual([98, 18_935, 18_837]);
    expect(Math.abs(length.estimate.sweeps / length.observed! - 1)).toBeLessThan(0.06);
  });

  it("says null where the run never climbs back onto the plateau, and leaves `left` null when the sweeps run out first", () => {
    expect(plateauLength(5, { rule: { ε: 0.1, α: 0 }, sweeps: 500 })).toBeNull();
    const short = plateauLength(5, { sweeps: 2000 })!;
    expect([short.bottom, short.left, short.observed]).toEqual([98, null, null]);
  });
});
