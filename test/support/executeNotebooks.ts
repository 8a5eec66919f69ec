/**
 * Vitest global setup of the "notebooks" project: every notebook executed once per test
 * run, two at a time (the machine's two cores), before any test file reads the results
 * with `executedNotebook`. See test/support/notebooks.ts.
 */
import { executeAll } from "./notebooks";

export default async function setup(): Promise<void> {
  const started = performance.now();
  const { ran, failed } = await executeAll(2);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`notebooks: ${ran.length} executed in ${seconds} s${failed.length > 0 ? `, ${failed.length} failed (${failed.join(", ")})` : ""}, the rest unchanged since their last run`);
}
