/**
 * A training notebook's settings cell. The settings are plain numbers under the prose's
 * names, the paper's values by default, and one call checks them:
 *
 *     // The paper's settings, and seed 588 picked in notebook 01
 *     const ε = 0.1, α = 0.9, seed = 588, sweeps = 1425;
 *     useSettings({ ε, α, seed, sweeps }, PAPER_SETTINGS);
 *
 * A value out of range stops the notebook with one line naming the setting and its range:
 * the call throws an error that tslab prints as its message alone (no stack trace), and
 * Run All stops at that cell, so no cell below runs on a value it cannot use. (A flag that
 * every later cell checked would let the notebook run on, but each of those cells would
 * carry the check, and the reader would scroll past outputs of nothing to find the one
 * line that matters.) In range, the settings are remembered, so that a claims cell can say
 * when its numbers are the reader's run rather than the paper's run the prose describes.
 */

/** Node's hook for how `console.error` prints an object; a symbol, so the browser bundle needs no node:util. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

export interface Settings {
  /** The learning rate. */
  ε?: number;
  /** The momentum. */
  α?: number;
  /** The seed of the starting weights. */
  seed?: number;
  /** How many sweeps to train. */
  sweeps?: number;
}

/**
 * The most sweeps a settings cell takes: 5,000, as the website's slider. A notebook trains
 * its own run several times over (05 trains ten times `sweeps` from twin hidden units) and
 * redraws its live charts with every sweep so far, so a longer run keeps the reader waiting
 * without showing anything the plateaus of 5,000 sweeps do not.
 */
export const MAX_SWEEPS = 5000;

/**
 * The largest ε a settings cell takes: 1, as the website's slider. Ten times the paper's
 * already saturates the output within a few sweeps at the paper's momentum.
 */
export const MAX_ε = 1;

/** A setting's range: whether a value lies in it, and the range in words. */
export interface SettingRange {
  holds: (v: number) => boolean;
  range: string;
}

/** A whole number from `min` to `max`, for a notebook's own settings: a count of runs or seeds, a cap on sweeps. */
export function wholeNumberRange(min: number, max: number): SettingRange {
  const [from, to] = [min, max].map((n) => n.toLocaleString("en-US"));
  return { holds: (v) => Number.isInteger(v) && v >= min && v <= max, range: `a whole number from ${from} to ${to}` };
}

/** A number above `above` and at most `atMost`, for a notebook's own settings: a step size, a range of starting weights. */
export function numberRange(above: number, atMost: number): SettingRange {
  return { holds: (v) => v > above && v <= atMost, range: `a number above ${above} and at most ${atMost}` };
}

const LEARNING_RATE = numberRange(0, MAX_ε);

/** Each setting's range: whether a value lies in it, and the range in words. */
const RANGES: Record<keyof Settings, SettingRange> = {
  ε: { ...LEARNING_RATE, range: `the learning rate, ${LEARNING_RATE.range}` },
  α: { holds: (v) => v >= 0 && v < 1, range: "the momentum, a number from 0 up to (not including) 1" },
  seed: { holds: (v) => Number.isSafeInteger(v) && v >= 0, range: "a whole number, 0 or more" },
  sweeps: wholeNumberRange(1, MAX_SWEEPS),
};

/** A setting out of its range: prints as its one-line message, in a notebook too. */
export class SettingOutOfRange extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingOutOfRange";
  }

  /** tslab prints a failed cell's error with `console.error`: one line, no stack. */
  [INSPECT](): string {
    return this.message;
  }
}

/**
 * A notebook's settings: the four the series shares, and any of its own (a count of seeds,
 * a second step size), each of which comes with its range (`own` below).
 */
export type NotebookSettings = Settings & Record<string, number>;

/** The first setting out of its range, in one line; null when all are in range. `own` gives the ranges of a notebook's own settings. */
export function settingProblem(settings: NotebookSettings, own: Record<string, SettingRange> = {}): string | null {
  for (const [key, value] of Object.entries(settings)) {
    const known = own[key] ?? RANGES[key as keyof Settings];
    if (known === undefined) return `${key} has no range to check it against.`;
    const { holds, range } = known;
    if (typeof value !== "number" || !holds(value)) return `${key} = ${String(value)} is out of range: ${key} is ${range}.`;
  }
  return null;
}

/** The settings of the run the prose describes, where they differ from the paper's: `["ε = 0.25"]`. */
let departures: string[] = [];
/** The settings as `useSettings` last took them. */
let inUse: NotebookSettings = {};
/** The run whose numbers the prose quotes, in words for a claims table's note. */
export const THE_PAPERS_RUN = "the paper's run";
let described = THE_PAPERS_RUN;

/**
 * Checks a notebook's settings (throws `SettingOutOfRange`) and remembers how they depart
 * from `paper`'s, the values the prose describes (the paper's, and the project's own sizes
 * where the paper has none). A notebook with settings of its own gives their ranges in `own`;
 * one whose prose describes a run of ours rather than the paper's names it in `describes`.
 */
export function useSettings(settings: NotebookSettings, paper: Readonly<Record<string, number>>, own: Record<string, SettingRange> = {}, describes = THE_PAPERS_RUN): void {
  const problem = settingProblem(settings, own);
  if (problem !== null) throw new SettingOutOfRange(problem);
  inUse = { ...settings };
  described = describes;
  departures = Object.entries(settings).filter(([key, value]) => value !== paper[key]).map(([key, value]) => `${key} = ${value}`);
}

/** The run the notebook's prose describes, as `useSettings` last heard it. */
export function describedRun(): string {
  return described;
}

/** How the notebook's settings depart from the paper's, as `useSettings` last saw them (none: the paper's run). */
export function settingsDepartures(): readonly string[] {
  return departures;
}

/** The settings `useSettings` last took (none before a settings cell ran): for a checker that judges the reader's own run. */
export function settingsInUse(): Readonly<NotebookSettings> {
  return inUse;
}
