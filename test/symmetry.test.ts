import { describe, expect, it } from "vitest";
import { bitsOf, error, FIGURE_1, isPalindrome, predict, rightSide, symmetryCases } from "../src/index";

describe("the symmetry task", () => {
  it("has 64 distinct six-bit cases, 8 of them palindromes labelled 1", () => {
    const cases = symmetryCases();
    expect(cases).toHaveLength(64);
    expect(new Set(cases.map((c) => c.input.join(""))).size).toBe(64);
    const ones = cases.filter((c) => c.target[0] === 1).map((c) => c.input.join(""));
    expect(ones).toEqual(["000000", "001100", "010010", "011110", "100001", "101101", "110011", "111111"]);
  });

  it("reads bits most significant first and tells palindromes by their mirror", () => {
    expect(bitsOf(32)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(bitsOf(45)).toEqual([1, 0, 1, 1, 0, 1]);
    expect(isPalindrome([1, 0, 1, 1, 0, 1])).toBe(true);
    expect(isPalindrome([1, 0, 1, 1, 0, 0])).toBe(false);
  });

  it("Figure 1 weights classify all 64 cases", () => {
    for (const c of symmetryCases()) expect(rightSide(predict(FIGURE_1, c.input), c.target)).toBe(true);
  });

  it("Figure 1 weights have a small error, far below the all-½ guess", () => {
    const E = error(FIGURE_1, symmetryCases());
    expect(E).toBeLessThan(0.5);
    expect(E).toBeGreaterThan(0);
    // A net that says ½ to everything scores ½ · 64 · ¼ = 8.
    const half = { layers: [{ weights: [Array(6).fill(0)], biases: [0] }] };
    expect(error(half, symmetryCases())).toBe(8);
  });
});
