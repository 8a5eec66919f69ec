/**
 * A training notebook's settings cell. The settings are plain numbers under the prose's
 * names, the paper's values by default, and one call checks them:
 *
 *     // The paper's run (Rumelhart et al. 1986, p. 534), and seed 588 picked in notebook 01
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

/** Each setting's range: whether a value lies in it, and the range in words. */
const RANGES: Record<keyof Settings, { holds: (v: number) => boolean; range: string }> = {
  ε: { holds: (v) => v > 0 && v <= MAX_ε, range: `the learning rate, a number above 0 and at most ${MAX_ε}` },
  α: { holds: (v) => v >= 0 && v < 1, range: "the momentum, a number from 0 up to (not including) 1" },
  seed: { holds: (v) => Number.isSafeInteger(v) && v >= 0, range: "a whole number, 0 or more" },
  sweeps: { holds: (v) => Number.isInteger(v) && v >= 1 && v <= MAX_SWEEPS, range: `a whole number from 1 to ${MAX_SWEEPS.toLocaleString("en-US")}` },
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

/** The first setting out of its range, in one line; null when all are in range. */
export function settingProblem(settings: Settings): string | null {
  for (const [key, value] of Object.entries(settings) as [keyof Settings, unknown][]) {
    const { holds, range } = RANGES[key];
    if (typeof value !== "number" || !holds(value)) return `${key} = ${String(value)} is out of range: ${key} is ${range}.`;
  }
  return null;
}

/** The settings of the run the prose describes, where they differ from the paper's: `["ε = 0.25"]`. */
let departures: string[] = [];

/** Checks a notebook's settings (throws `SettingOutOfRange`) and remembers how they depart from `paper`'s. */
export function useSettings(settings: Settings, paper: Required<Settings>): void {
  const problem = settingProblem(settings);
  if (problem !== null) throw new SettingOutOfRange(problem);
  departures = (Object.entries(settings) as [keyof Settings, number][]).filter(([key, value]) => value !== paper[key]).map(([key, value]) => `${key} = ${value}`);
}

/** How the notebook's settings depart from the paper's, as `useSettings` last saw them (none: the paper's run). */
export function settingsDepartures(): readonly string[] {
  return departures;
}
