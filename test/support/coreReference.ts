/**
 * The kernel tests' checks against the core's recorded runs (test/support/coreRuns.ts): a
 * kernel's result must hash to the record, and the record must be what the core computes.
 */
import { expect } from "vitest";
import { CORE_RUNS, hashOf, recordedRuns } from "./coreRuns";

let recorded: Record<string, string> | undefined;

function recordOf(name: string): string {
  recorded ??= recordedRuns();
  const hash = recorded[name];
  if (CORE_RUNS[name] === undefined || hash === undefined) throw new Error(`no recorded core run "${name}": run scripts/record-core-reference.ts`);
  return hash;
}

/** Expects a kernel's result to be, bit for bit, the core's recorded run; on a difference, shows it against the core's run computed now. */
export function expectCoreRun(name: string, kernel: unknown): void {
  if (hashOf(kernel) === recordOf(name)) return;
  expect(kernel, name).toEqual(CORE_RUNS[name]!());
  throw new Error(`the kernel gives the core's run "${name}", but the record does not: the core's bits moved; run scripts/record-core-reference.ts`);
}

/** Expects the record of a run to be the core's run computed now. */
export function expectRecordIsCore(name: string): void {
  expect(hashOf(CORE_RUNS[name]!()), `the recorded core run "${name}" (scripts/record-core-reference.ts rewrites the record)`).toBe(recordOf(name));
}
