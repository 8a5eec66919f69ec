/**
 * One run of the family-trees study: draw the initial weights from one seed, hold out
 * four queries chosen by another, train on the other 100 with the paper's schedule, and
 * judge the four. Plain data in and out, so a run can cross to a worker thread.
 */
import { initNetwork, type Network } from "../core/network";
import { makeRandom, type Random } from "../core/random";
import { type Phase } from "../core/stepRule";
import { type TrainResult, train } from "../core/train";
import { FAMILY_TREES_ARCHITECTURE, PAPER_FAMILY_RUN, type Query, queries, queryCase } from "../tasks/familyTrees";
import { type Judgement, judge } from "./familyAnswers";

export interface FamilyJob {
  /** Seeds the initial weights. */
  seed: number;
  /** Seeds the choice of the held-out queries. */
  split: number;
  /** ε from sweep 21 on (the paper's 0.01, or a departure from it). */
  ε: number;
  /** Initial weights from U(−range, range). */
  range: number;
  sweeps?: number;
}

export interface FamilyFit extends FamilyJob {
  /** The first sweep count at which all 100 training queries were strictly right (every output on the right side of 0.5), or null if none was. */
  fittedAt: number | null;
}

export interface FamilyOutcome extends FamilyFit {
  /** E (margin form) after the last sweep. */
  E: number;
  /** Training queries answered correctly, strictly and by ranking, out of 100. */
  trainStrict: number;
  trainRanked: number;
  heldOut: Judgement[];
  network: Network;
}

/** The two phases of the family-trees schedule, under the names notebook 08a's settings give them. */
export interface FamilySchedule {
  earlyε: number;
  earlyα: number;
  /** Sweeps at the early ε and α; the later ones take over from the next sweep. */
  earlySweeps: number;
  laterε: number;
  laterα: number;
  /** The share every weight and bias loses after each change of the weights. */
  decay: number;
}

/** The paper's schedule, as `PAPER_FAMILY_RUN.rule` holds it. */
export const PAPER_FAMILY_SCHEDULE: FamilySchedule = (() => {
  const [early, later] = PAPER_FAMILY_RUN.rule as readonly [Phase, Phase];
  return { earlyε: early.ε, earlyα: early.α, earlySweeps: later.fromSweep - 1, laterε: later.ε, laterα: later.α, decay: early.decay ?? 0 };
})();

/** A schedule as the step rule's phases: the early ε and α for `earlySweeps` sweeps, then the later ones. */
export function familySchedule({ earlyε, earlyα, earlySweeps, laterε, laterα, decay }: FamilySchedule): Phase[] {
  return [
    { fromSweep: 1, ε: earlyε, α: earlyα, decay },
    { fromSweep: earlySweeps + 1, ε: laterε, α: laterα, decay },
  ];
}

/** The paper's two-phase schedule with the later ε set to `ε`. */
export function familyRule(ε: number): Phase[] {
  return familySchedule({ ...PAPER_FAMILY_SCHEDULE, laterε: ε });
}

/** `count` of the queries, drawn without replacement by a seeded shuffle, in query order. */
export function holdOut(all: readonly Query[], count: number, random: Random): { train: Query[]; test: Query[] } {
  if (!Number.isInteger(count) || count < 0 || count > all.length) throw new RangeError(`cannot hold out ${count} of ${all.length} queries`);
  const order = all.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [order[k], order[r]] = [order[r]!, order[k]!];
  }
  const out = new Set(order.slice(0, count));
  return { train: all.filter((_, k) => !out.has(k)), test: all.filter((_, k) => out.has(k)) };
}

/** What a job trains: its 100 training queries (of `all`, in query order), its four held out, its initial weights, and the training options. */
export function familySetup(job: FamilyJob, stopWhenFitted: boolean, all: readonly Query[] = queries()) {
  const { seed, split, ε, range, sweeps = PAPER_FAMILY_RUN.sweeps } = job;
  const { train: trainQueries, test } = holdOut(all, PAPER_FAMILY_RUN.heldOut, makeRandom(split));
  const initial = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(seed), range);
  const options = { sweeps, rule: familyRule(ε), margin: PAPER_FAMILY_RUN.margin, stopWhenSolved: stopWhenFitted };
  return { trainQueries, test, initial, options };
}

export type FamilySetup = ReturnType<typeof familySetup>;

/** A job's fit from its run, stopped at the fitting sweep (see `fitFamily`). */
export function familyFit(job: FamilyJob, run: TrainResult): FamilyFit {
  return { ...job, fittedAt: run.solvedAt };
}

/** A job's outcome from its full run: judged on its training and held-out queries after the last sweep. */
export function familyOutcome(job: FamilyJob, { trainQueries, test }: FamilySetup, run: TrainResult): FamilyOutcome {
  const fitted = trainQueries.map((q) => judge(run.network, q));
  return {
    ...job,
    fittedAt: run.solvedAt,
    E: run.losses[run.losses.length - 1]!,
    trainStrict: fitted.filter((j) => j.strict).length,
    trainRanked: fitted.filter((j) => j.ranked).length,
    heldOut: test.map((q) => judge(run.network, q)),
    network: run.network,
  };
}

/** A job's run in the core. */
function trainFamily(setup: FamilySetup): TrainResult {
  return train(setup.initial, setup.trainQueries.map(queryCase), setup.options);
}

/**
 * Whether a job's run fits its 100 training queries within its sweeps, and when. It stops
 * at the fitting sweep: nothing after it can change the answer, and a run that fits early
 * costs only the sweeps it took. The same run as `runFamily`'s, up to that sweep.
 */
export function fitFamily(job: FamilyJob): FamilyFit {
  return familyFit(job, trainFamily(familySetup(job, true)));
}

/** A job's full run (all its sweeps, since held-out answers are judged after the last), judged on its training and held-out queries. */
export function runFamily(job: FamilyJob): FamilyOutcome {
  const setup = familySetup(job, false);
  return familyOutcome(job, setup, trainFamily(setup));
}
