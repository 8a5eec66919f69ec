import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Notebook executions and browser tests take seconds each; speed is measured in bench/, not here.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
