import { defineConfig } from "vitest/config";

/** The test files that read executed notebooks: the "notebooks" project runs every notebook once for them. */
const NOTEBOOK_TESTS = [
  "test/notebooks.test.ts",
  "test/symmetryWalk.test.ts",
  "test/claims-study.test.ts",
  "test/family-trees-notebook.test.ts",
  "test/site.test.ts",
  "test/site-live.test.ts",
  "test/export-html.test.ts",
  "test/slides.test.ts",
  "test/embed.test.ts",
  "test/student-solutions.test.ts",
  "test/build.test.ts",
  "test/lite-e2e.test.ts",
];

export default defineConfig({
  test: {
    // Notebook executions and browser tests take seconds each; speed is measured in bench/, not here.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two test files at a time (vitest's default is one fewer than the cores): most files wait on
    // a browser, a Jupyter kernel or nbgrader in another process, so two keep both cores busy.
    maxWorkers: 2,
    // Test files share their workers' module cache: they keep no state between files, and each would
    // otherwise load vitest and the core afresh.
    isolate: false,
    projects: [
      // The core tests first (group 0), while the notebooks' global setup executes the notebooks beside them; then the tests that read them.
      { extends: true, test: { name: "core", include: ["test/**/*.test.ts"], exclude: NOTEBOOK_TESTS, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "notebooks", include: NOTEBOOK_TESTS, globalSetup: ["test/support/executeNotebooks.ts"], sequence: { groupOrder: 1 } } },
    ],
  },
});
