import { type Case } from "../core/loss";
import { bitsOf, symmetryCases } from "./symmetry";

/** The eight three-bit halves in counting order: "000", "001", … "111". */
export const HALVES = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => bitsOf(k).slice(3).join(""));

/** A per-case quantity on an 8 × 8 grid, ready for `heatmap(z, grid)`. */
export interface SymmetryGrid {
  z: number[][];
  /** Column labels (the second half, y4y5y6) and row labels (the first half, y1y2y3). */
  x: string[];
  y: string[];
  /** Each cell's whole vector, for hover. */
  text: string[][];
}

/**
 * The 64 symmetry cases laid out by halves: row = y1y2y3, column = y4y5y6, so each row
 * holds exactly one palindrome (the column that is its row reversed).
 */
export function symmetryGrid(value: (c: Case) => number): SymmetryGrid {
  const cases = symmetryCases();
  const at = (row: number, column: number) => cases[8 * row + column]!;
  return {
    z: HALVES.map((_, r) => HALVES.map((_, col) => value(at(r, col)))),
    x: HALVES.slice(),
    y: HALVES.slice(),
    text: HALVES.map((_, r) => HALVES.map((_, col) => at(r, col).input.join(""))),
  };
}
