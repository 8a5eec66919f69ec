/**
 * The map behind the family-trees departure: over initial ranges × later ε, the share of
 * runs that fit all 100 training queries within 1,500 sweeps, with everything else (decay,
 * margin, momentum, the first 20 sweeps) as printed. Every cell trains the same seeds and
 * splits, so cells differ only in their setting.
 */
import { type FamilyFit, type FamilyJob } from "./familyRun";
import { familyJobs } from "./familyStudy";
import { type Interval, wilsonInterval } from "./proportion";
import { PAPER_FAMILY_RUN } from "../tasks/familyTrees";

/** The later ε as the paper prints it: the map's first column. */
const PRINTED_LATER_ε = PAPER_FAMILY_RUN.rule.at(-1)!.ε;

export interface FitMap {
  /** Rows: initial weights from U(−range, range). */
  ranges: readonly number[];
  /** Columns: ε from sweep 21 on. */
  εs: readonly number[];
  /** Runs per cell. */
  runs: number;
}

export interface FitCell {
  range: number;
  ε: number;
  fitted: number;
  runs: number;
  /** Wilson's 95% interval for the share fitted: each run is one independent yes or no. */
  interval: Interval;
}

/**
 * The map of notebook 08b: from the printed corner (±0.3, 0.01) outwards, 32 runs a cell, so
 * that a share is known to within about ±0.15 (most cells never fit, and a run that never
 * fits costs all 1,500 sweeps, so this is what the notebook's two minutes allow beside its study).
 */
export const FAMILY_FIT_MAP: FitMap = { ranges: [0.3, 0.5, 1, 2], εs: [0.01, 0.03, 0.05, 0.07, 0.1], runs: 32 };

/** A cell "fits reliably" when at least this share of its runs fit (no cell of the map fits all 32). */
export const FITS_RELIABLY = 0.85;

/** The map's jobs, row by row (range), then column (ε), then run (seeds from `firstSeed`, as `familyJobs`). */
export function fitMapJobs({ ranges, εs, runs }: FitMap, firstSeed = 1): FamilyJob[] {
  return ranges.flatMap((range) => εs.flatMap((ε) => familyJobs(runs, { ε, range }, firstSeed)));
}

/** A cell's name in claims: `2_0p07` is ±2 at ε 0.07. */
export function fitCellKey({ range, ε }: { range: number; ε: number }): string {
  return `${range}_${ε}`.replace(/\./g, "p");
}

/** Each cell's count of runs that fit, as claims `fit_<cell>` (see `fitCellKey`). */
export function fitMapClaims(cells: readonly (readonly FitCell[])[]): Record<string, number> {
  return Object.fromEntries(cells.flat().map((c) => [`fit_${fitCellKey(c)}`, c.fitted]));
}

/** The cells, `[row range][column ε]`, from the fits of `fitMapJobs(map)` in any order. */
export function fitMapCells(map: FitMap, fits: readonly FamilyFit[]): FitCell[][] {
  return map.ranges.map((range) =>
    map.εs.map((ε) => {
      const cell = fits.filter((f) => f.range === range && f.ε === ε);
      if (cell.length !== map.runs) throw new RangeError(`the map's cell ±${range}, ε ${ε} has ${cell.length} runs, not ${map.runs}`);
      const fitted = cell.filter((f) => f.fittedAt !== null).length;
      return { range, ε, fitted, runs: cell.length, interval: wilsonInterval(fitted, cell.length) };
    }),
  );
}

/**
 * How far a setting departs from the printed corner (the later ε the paper prints, from the
 * symmetry task's ±0.3): the factors by which it multiplies the two figures, multiplied
 * together, so that doubling either counts the same. 1 is the printed corner itself.
 */
export function departure({ ε, range }: { ε: number; range: number }): number {
  return (ε / PRINTED_LATER_ε) * (range / PAPER_FAMILY_RUN.range);
}

/**
 * The smallest departure that fits reliably: among the cells where at least `least` of the
 * runs fit, the one with the smallest `departure` (on a tie, the smaller later ε).
 */
export function smallestReliable(cells: readonly (readonly FitCell[])[], least = FITS_RELIABLY): FitCell | null {
  const reliable = cells.flat().filter((c) => c.fitted / c.runs >= least);
  return reliable.sort((a, b) => departure(a) - departure(b) || a.ε - b.ε)[0] ?? null;
}
