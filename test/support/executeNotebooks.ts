/**
 * Vitest global setup of the "notebooks" project: every notebook executed once per test
 * run, two at a time, while the "core" project's tests run (vitest.config.ts runs the
 * notebook tests after them); a test file reads a result with `executedNotebook`, which
 * waits for it. See test/support/notebooks.ts.
 */
import { executeAll } from "./notebooks";

export default function setup(): () => Promise<void> {
  const started = performance.now();
  const running = executeAll(2).then(({ ran, failed }) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`notebooks: ${ran.length} executed in ${seconds} s${failed.length > 0 ? `, ${failed.length} failed (${failed.join(", ")})` : ""}, the rest unchanged since their last run`);
  });
  // Unhandled until the teardown awaits it: a failure of the runner itself is reported there.
  running.catch(() => undefined);
  return () => running;
}
