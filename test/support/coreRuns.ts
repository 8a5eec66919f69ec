/**
 * The TypeScript core's results for the runs the WebAssembly kernels are held to, recorded:
 * the core is the slow reference, and computing hundreds of its runs anew each test run took
 * two minutes of the suite. `test/fixtures/core-reference.json` keeps a SHA-256 of every
 * bit of each run's result (losses, weights, Δw, sweeps, outcome); the kernel tests compare
 * the kernel's results with it, and recompute a sample from the core each run, so the
 * record cannot drift from the core unseen. A change to the core that moves its bits
 * (trainBits.test.ts would say so) needs a new record:
 *
 *     npx tsx scripts/record-core-reference.ts
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  FAMILY_REPRODUCTION,
  FAMILY_TREES_ARCHITECTURE,
  PAPER_FAMILY_RUN,
  familyJobs,
  familyRule,
  fitFamily,
  fitMapJobs,
  holdOut,
  initNetwork,
  makeRandom,
  queries,
  queryCase,
  runFamily,
  runSeed,
  symmetryArchitecture,
  symmetryCases,
  train,
  type FamilyJob,
  type Network,
  type SeedJob,
} from "../../src/index";

const FIXTURE = join(__dirname, "../fixtures/core-reference.json");

/**
 * A value's every bit as one string: numbers as their 64 bits (so −0 is not 0, as with
 * toEqual), object keys sorted, undefined properties left out (toEqual ignores them too).
 */
function bitsOf(value: unknown): string {
  if (typeof value === "number") return Buffer.from(Float64Array.of(value).buffer).toString("hex");
  if (Array.isArray(value)) return `[${value.map(bitsOf).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${bitsOf((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(bitsOf(value)).digest("hex").slice(0, 32);
}

export const seeds = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

/** The symmetry task's 6-H-1 net for a seed. */
export const initSymmetry = (seed: number, H = 2): Network => initNetwork(symmetryArchitecture(H), makeRandom(seed));
/** Figure 3's net for a seed, its weights from U(−range, range). */
export const initFamily = (seed: number, range: number): Network => initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(seed), range);

const symmetry = symmetryCases();
const allQueries = queries();
export const familyCases = allQueries.map(queryCase);

/** Seed s's split of the family-trees queries: the training queries as a mask over all 104, and as the core's cases. */
export function familySplit(s: number) {
  const trainQueries = new Set(holdOut(allQueries, PAPER_FAMILY_RUN.heldOut, makeRandom(s)).train);
  return { trains: allQueries.map((q) => trainQueries.has(q)), cases: allQueries.filter((q) => trainQueries.has(q)).map(queryCase) };
}

/** The paper's run of the symmetry task, 1,425 sweeps at ε 0.1, α 0.9, for seeds 0–127. */
export const SYMMETRY_RUN = { sweeps: 1425, rule: { ε: 0.1, α: 0.9 } };
export const symmetryRunName = (seed: number) => `symmetry seed ${seed}, ${SYMMETRY_RUN.sweeps} sweeps`;

/** The kernel's study of seeds 0–299: runSeed's outcome at ε 0.1, α 0.9, capped at 1,500 sweeps, settling 40. */
export const STUDY_JOB: Omit<SeedJob, "seed"> = { ε: 0.1, α: 0.9, cap: 1500, settle: 40 };
export const studyRunName = (seed: number) => `runSeed ${seed}`;

/** Two family-trees runs side by side, seeds 1 and 2 on splits 1001 and 1002, at each setting: ε and the initial range. */
export const FAMILY_PAIRS: [string, number, number][] = [
  ["the notebook's setting, ε 0.1 from U(−1, 1)", 0.1, 1],
  ["the printed schedule from U(−0.3, 0.3), which never leaves its plateau", 0.01, 0.3],
  ["the fit map's corner ε 0.1 from U(−2, 2)", 0.1, 2],
  ["the fit map's corner ε 0.01 from U(−2, 2)", 0.01, 2],
];
export const familyPairRun = (ε: number) => ({ sweeps: PAPER_FAMILY_RUN.sweeps, rule: familyRule(ε) });
export const familyPairName = (setting: string, seed: number) => `family trees seed ${seed}: ${setting}`;

/** The study's first runs, and the fit map's corners cut to 800 sweeps. */
export const STUDY_FAMILY_JOBS: FamilyJob[] = familyJobs(4, FAMILY_REPRODUCTION);
export const FIT_MAP_JOBS: FamilyJob[] = fitMapJobs({ ranges: [0.3, 2], εs: [0.01, 0.1], runs: 3 }).map((job) => ({ ...job, sweeps: 800 }));
export const runFamilyName = (k: number) => `runFamily, the study's job ${k}`;
export const fitFamilyName = (k: number) => `fitFamily, the fit map's job ${k}`;

/** Every recorded run, by name, as the core computes it. */
export const CORE_RUNS: Record<string, () => unknown> = Object.fromEntries([
  ...seeds(0, 128).map((s) => [symmetryRunName(s), () => train(initSymmetry(s), symmetry, SYMMETRY_RUN)]),
  ...seeds(0, 300).map((s) => [studyRunName(s), () => runSeed({ seed: s, ...STUDY_JOB })]),
  ...FAMILY_PAIRS.flatMap(([setting, ε, range]) =>
    [1, 2].map((seed) => [familyPairName(setting, seed), () => train(initFamily(seed, range), familySplit(1000 + seed).cases, { ...familyPairRun(ε), margin: PAPER_FAMILY_RUN.margin })]),
  ),
  ...STUDY_FAMILY_JOBS.map((job, k) => [runFamilyName(k), () => runFamily(job)]),
  ...FIT_MAP_JOBS.map((job, k) => [fitFamilyName(k), () => fitFamily(job)]),
]);

/** Each recorded run's hash, by name. */
export function recordedRuns(): Record<string, string> {
  return JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, string>;
}

/** Computes every run from the core and writes the record (scripts/record-core-reference.ts). */
export function recordCoreRuns(): void {
  const record = Object.fromEntries(Object.entries(CORE_RUNS).map(([name, run]) => [name, hashOf(run())]));
  writeFileSync(FIXTURE, `${JSON.stringify(record, null, 2)}\n`);
}
