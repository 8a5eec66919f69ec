/** The kinds of job the pool runs, each a pure function from plain data to plain data. */
import { runFixed, runSeed } from "../analysis/seedRun";
import { fitFamiliesOnKernel, runFamiliesOnKernel } from "../kernel/familyRuns";
import { studyOnKernel } from "../kernel/study";

export const RUNNERS = { symmetry: runSeed, fixed: runFixed, kernel: studyOnKernel, familyKernel: runFamiliesOnKernel, familyFitKernel: fitFamiliesOnKernel } as const;

export type JobKind = keyof typeof RUNNERS;
export type JobOf<K extends JobKind> = Parameters<(typeof RUNNERS)[K]>[0];
export type OutcomeOf<K extends JobKind> = ReturnType<(typeof RUNNERS)[K]>;
