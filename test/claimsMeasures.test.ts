import { describe, expect, it } from "vitest";
import { error, FIGURE_1, type Network, symmetryCases } from "../src/index";
import { asymmetry, isAntisymmetric } from "../src/analysis/antisymmetry";
import { inRatio, magnitudeRatios, pairMagnitudes, pairOrder } from "../src/analysis/pairMagnitudes";
import { leastNormPatterns, normPerSeparation, patternKind, separation } from "../src/analysis/minimumNorm";
import { signTest } from "../src/analysis/proportion";
import { plateauOf } from "../src/analysis/plateau";
import { quantile } from "../src/analysis/quantile";
import { type SeedOutcome } from "../src/analysis/seedRun";
import { solvedShare, solveQuartiles, sweepsToSolve } from "../src/analysis/solveTimes";
import { gridJobs, gridSummary } from "../src/analysis/stepRuleGrid";

const [left, right] = FIGURE_1.layers[0]!.weights as [number[], number[]];

/** A symmetry net with the given hidden rows and output weights. */
function net(rows: number[][], hiddenBias: number, out: number[], outBias: number): Network {
  return { layers: [{ weights: rows, biases: rows.map(() => hiddenBias) }, { weights: [out], biases: [outBias] }] };
}

describe("antisymmetry", () => {
  it("is exact for both of Figure 1's hidden units", () => {
    expect(asymmetry(left)).toBeCloseTo(0, 12);
    expect(asymmetry(right)).toBeCloseTo(0, 12);
    expect(isAntisymmetric(FIGURE_1)).toBe(true);
  });

  it("measures the worst mirror pair against the largest weight", () => {
    expect(asymmetry([1, 2, 4, -4, -2, -0.5])).toBeCloseTo(0.5 / 4, 12);
    expect(asymmetry([1, 2, 3, 3, 2, 1])).toBeCloseTo(2, 12);
  });

  it("fails a net with one unit outside the tolerance", () => {
    const off = net([left, [1, 2, 4, -4, -2, -0.5]], 0, [1, 1], 0);
    expect(isAntisymmetric(off)).toBe(false);
    expect(isAntisymmetric(off, 0.2)).toBe(true);
  });
});

describe("pair magnitudes", () => {
  it("read Figure 1 as outer 14.2, middle 3.6, inner 7.2, largest on the outer pair", () => {
    expect(pairMagnitudes(left)).toEqual([14.2, 3.6, 7.2]);
    expect(pairOrder(left)).toBe("outer > inner > middle");
  });

  it("find Figure 1 in ratio 1:2:4 and a 2:3:4 unit not", () => {
    const oneTwoFour = [1, 2, 4] as const;
    expect(magnitudeRatios(left)[1]).toBeCloseTo(2, 12);
    expect(magnitudeRatios(left)[2]).toBeCloseTo(14.2 / 3.6, 12);
    expect(inRatio(left, oneTwoFour)).toBe(true);
    expect(inRatio(right, oneTwoFour)).toBe(true);
    expect(inRatio([3, 2, 4, -4, -2, -3], oneTwoFour)).toBe(false);
    expect(inRatio([3, 2, 4, -4, -2, -3], [2, 3, 4])).toBe(true);
  });

  it("hold each ratio to the tolerance, whatever the pattern's scale", () => {
    expect(inRatio([4.36, 1, 2.15, -2.15, -1, -4.36], [1, 2, 4], 0.1)).toBe(true);
    expect(inRatio([4.44, 1, 2.15, -2.15, -1, -4.44], [1, 2, 4], 0.1)).toBe(false);
    expect(inRatio([4.44, 1, 2.15, -2.15, -1, -4.44], [2, 4, 8], 0.12)).toBe(true);
  });
});

describe("minimum norm", () => {
  it("separation is the smallest gap a non-palindrome leaves, worked by hand", () => {
    expect(separation([1, 2, 4])).toBe(1);
    expect(separation([2, 3, 4])).toBe(1); // 4 − 3, 3 − 2 and 2 + 3 − 4 all give 1
    expect(separation([1, 2, 3])).toBe(0); // 1 + 2 − 3: a non-palindrome lands on the palindromes' net input
    expect(separation([5, 5, 1])).toBe(0);
  });

  it("ranks 1:2:4 below 2:3:4 and does not care about scale or order", () => {
    expect(normPerSeparation([1, 2, 4])).toBeCloseTo(Math.sqrt(21), 12);
    expect(normPerSeparation([4, 3, 2])).toBeCloseTo(Math.sqrt(29), 12);
    expect(normPerSeparation([14.2, 3.6, 7.2])).toBeCloseTo(normPerSeparation([7.1, 1.8, 3.6]), 12);
  });

  it("names binary and balanced patterns by whether the largest outweighs the other two", () => {
    expect(patternKind([4, 1, 2])).toBe("binary");
    expect(patternKind([2, 4, 3])).toBe("balanced");
  });

  it("brute force over every pattern finds 1:2:4 and 2:3:4 least in their kinds, as the vertex argument says", () => {
    const best = leastNormPatterns(200);
    expect(best.binary.m).toEqual([0.25, 0.5, 1]);
    expect(best.binary.normPerSeparation).toBeCloseTo(Math.sqrt(21), 12);
    expect(best.balanced.m).toEqual([0.5, 0.75, 1]);
    expect(best.balanced.normPerSeparation).toBeCloseTo(Math.sqrt(29), 12);
  });
});

describe("plateaus", () => {
  const flat = [0, 0, 0, 0, 0, 0];

  it("a net pinned at 'no' by its output bias is saturated, with E near 4 and almost no slope", () => {
    const stuck = net([flat, flat], 0, [0, 0], -10);
    const p = plateauOf(stuck);
    expect(p.kind).toBe("saturated");
    expect(p.wrongPalindromes).toBe(8);
    expect(p.wrongOthers).toBe(0);
    expect(p.E).toBeCloseTo(error(stuck, symmetryCases()), 12);
    expect(p.E).toBeCloseTo(4, 3);
    expect(p.slope).toBeLessThan(1e-3);
  });

  it("a net that answers 1/8 to every case is the average plateau, at E = 3.5", () => {
    const p = plateauOf(net([flat, flat], 0, [0, 0], -Math.log(7)));
    expect(p.kind).toBe("average");
    expect(p.meanOutput).toBeCloseTo(1 / 8, 12);
    expect(p.E).toBeCloseTo(3.5, 12);
  });

  it("Figure 1 gets no case wrong, so it is no plateau of either kind", () => {
    const p = plateauOf(FIGURE_1);
    expect(p.wrongPalindromes + p.wrongOthers).toBe(0);
    expect(p.kind).toBe("partial");
  });
});

describe("summaries", () => {
  const outcome = (seed: number, solvedAt: number | null): SeedOutcome => ({ seed, ε: 0.1, α: 0.9, cap: 100, settle: 0, solvedAt, sweeps: solvedAt ?? 100, E: 0, network: FIGURE_1, settled: null });
  const runs = [outcome(0, 30), outcome(1, null), outcome(2, 10), outcome(3, 50)];

  it("quantile interpolates between neighbours like numpy's default", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, Infinity], 0.9)).toBe(Infinity);
    expect(() => quantile([], 0.5)).toThrow(/no values/);
    expect(() => quantile([1], 1.5)).toThrow(/\[0, 1\]/);
  });

  it("counts unsolved runs as never solving", () => {
    expect(sweepsToSolve(runs)).toEqual([10, 30, 50, Infinity]);
    expect(solvedShare(runs, 30)).toBe(0.5);
    expect(solvedShare(runs, 100)).toBe(0.75);
    expect(solveQuartiles(runs).median).toBe(40);
    expect(solveQuartiles(runs).p90).toBe(Infinity);
  });

  it("the grid runs every seed at every ε and α, and sums up each cell from its own runs", () => {
    const grid = { εs: [0.1, 0.2], αs: [0.5], seeds: 2, cap: 100 };
    const jobs = gridJobs(grid);
    expect(jobs.map((j) => [j.ε, j.α, j.seed])).toEqual([
      [0.1, 0.5, 0],
      [0.1, 0.5, 1],
      [0.2, 0.5, 0],
      [0.2, 0.5, 1],
    ]);
    const outcomes = jobs.map((j, k) => ({ ...outcome(j.seed, [20, 40, null, 60][k]!), ε: j.ε, α: j.α }));
    expect(gridSummary(grid, outcomes)).toEqual({ share: [[1, 0.5]], median: [[30, Infinity]] });
  });
});

describe("signTest", () => {
  it("gives the exact two-sided binomial tail, as summed in whole numbers", () => {
    // Python: 2 * sum(comb(128, j) for j in range(80, 129)) / 2**128
    expect(signTest(80, 128)).toBeCloseTo(0.005925206606743149, 12);
    expect(signTest(48, 128)).toBeCloseTo(0.005925206606743149, 12);
    expect(signTest(0, 10)).toBeCloseTo(2 / 1024, 15);
    expect(signTest(5, 10)).toBe(1);
    expect(signTest(0, 0)).toBe(1);
  });

  it("names bad counts in one line", () => {
    expect(() => signTest(3, 2)).toThrow("a sign test needs whole k in 0…n, got k = 3, n = 2");
  });
});
