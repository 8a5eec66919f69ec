import { defineConfig } from "vitest/config";

/**
 * The tests `npm run mutation` runs against each mutant of src/core: the core's fast unit
 * tests only (no notebooks, no browsers, no long studies), so that StrykerJS, which reruns
 * the tests covering each of a few hundred mutants, finishes in minutes on two cores.
 */
export default defineConfig({
  test: {
    include: [
      "test/oneCase.test.ts",
      "test/core.test.ts",
      "test/gradient.test.ts",
      "test/stepRule.test.ts",
      "test/train.test.ts",
      "test/exp.test.ts",
      "test/symmetry.test.ts",
      "test/checkers.test.ts",
      "test/iterative.test.ts",
      "test/iterative-checks.test.ts",
      "test/core-edges.test.ts",
    ],
    // Long runs (1,425 sweeps and more, a million exps) cost too much under every mutant; shorter tests cover what they do.
    testNamePattern: "^(?!.*(paper's run|prediction checker|a million inputs|stops at the first sweep where every case is on the right side)).*$",
    testTimeout: 60_000,
  },
});
