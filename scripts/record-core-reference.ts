/**
 * Records the TypeScript core's runs that the WebAssembly kernels are held to, as hashes of
 * their bits, in test/fixtures/core-reference.json (see test/support/coreRuns.ts).
 * Run after a change to the core that moves its bits: `npx tsx scripts/record-core-reference.ts`.
 */
import { recordCoreRuns } from "../test/support/coreRuns";

recordCoreRuns();
