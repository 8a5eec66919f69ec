import { describe, expect, it } from "vitest";
import { plateauEscape } from "../src/index";

describe("plateauEscape", () => {
  const escape = plateauEscape(5);

  it("finds seed 5 on the saturated plateau at sweep 1,425, where squared error's push on the palindromes has all but vanished and cross-entropy's has not", () => {
    expect(escape.plateau.kind).toBe("saturated");
    expect(escape.palindromeSignal.squared).toBeLessThan(0);
    expect(escape.palindromeSignal.squared).toBeGreaterThan(-1e-4);
    // Cross-entropy's ∂E_c/∂x_o = y − d, nearly −1 for each of the 8 palindromes answered near 0.
    expect(escape.palindromeSignal.crossEntropy).toBeCloseTo(-8, 3);
  });

  it("lets plain descent escape with cross-entropy and not with squared error, and cross-entropy with the paper's momentum end elsewhere", () => {
    expect(escape.goingOn.map(({ loss, α, kind }) => [loss, α, kind])).toEqual([
      ["squared", 0, "saturated"],
      ["crossEntropy", 0, "solved"],
      ["crossEntropy", 0.9, "average"],
    ]);
    expect(escape.goingOn[1]!.solvedAfter).toBeLessThan(1000);
    expect(escape.goingOn[0]!.solvedAfter).toBeNull();
  });

  it("leaves cross-entropy with momentum answering the share of palindromes, 1/8, to every case, at the least cross-entropy of an input-blind answer, −[8 ln ⅛ + 56 ln ⅞]", () => {
    const { ended, E } = escape.goingOn[2]!;
    expect(Math.max(...ended.hiddenRange)).toBeLessThan(0.001);
    expect(ended.meanOutput).toBeCloseTo(0.125, 4);
    expect(ended.largestOutput).toBeCloseTo(0.125, 3);
    expect(E).toBeCloseTo(-(8 * Math.log(1 / 8) + 56 * Math.log(7 / 8)), 3);
  });

  it("gives no more sweeps than asked", () => {
    expect(plateauEscape(5, { more: 100 }).goingOn[1]!.solvedAfter).toBeNull();
  });
});
