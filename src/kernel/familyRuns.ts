/**
 * The family-trees study's runs in the WebAssembly kernel: `runFamily` and `fitFamily` for
 * many jobs at once, two at a time in its SIMD lanes, every run on its own split of the 104
 * queries. Outcome k is job k's, bit for bit as the core gives it.
 */
import { type FamilyFit, type FamilyJob, type FamilyOutcome, familyFit, familyOutcome, familySetup } from "../analysis/familyRun";
import { PAPER_FAMILY_RUN, queries, queryCase } from "../tasks/familyTrees";
import { trainFamiliesOnKernel } from "./familyTrain";

function trainJobs(jobs: readonly FamilyJob[], stopWhenFitted: boolean) {
  const all = queries();
  const setups = jobs.map((job) => familySetup(job, stopWhenFitted, all));
  const runs = setups.map(({ trainQueries, initial, options: { sweeps, rule, stopWhenSolved } }) => {
    const trains = new Set(trainQueries);
    return { from: initial, trains: all.map((q) => trains.has(q)), sweeps, rule, stopWhenSolved };
  });
  return { setups, results: trainFamiliesOnKernel(all.map(queryCase), runs, PAPER_FAMILY_RUN.margin) };
}

/** `runFamily` for each job. */
export function runFamiliesOnKernel(jobs: readonly FamilyJob[]): FamilyOutcome[] {
  const { setups, results } = trainJobs(jobs, false);
  return jobs.map((job, k) => familyOutcome(job, setups[k]!, results[k]!));
}

/** `fitFamily` for each job: a lane whose run fits takes the next job. */
export function fitFamiliesOnKernel(jobs: readonly FamilyJob[]): FamilyFit[] {
  const { results } = trainJobs(jobs, true);
  return jobs.map((job, k) => familyFit(job, results[k]!));
}
