/**
 * Student and solutions editions of the notebooks. A cell tagged `solution` holds its
 * answer between `// BEGIN SOLUTION` and `// END SOLUTION`; lines inside that start with
 * `// STUB ` say what the student edition puts there instead (by default a `throw`, which
 * the checkers report as "still a stub"). Outputs are cleared in both editions.
 */

import { type Cell, type Notebook, joined } from "../notebook/nbformat";

export const SOLUTION_TAG = "solution";
const BEGIN = /^\s*\/\/ BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/ END SOLUTION\s*$/;
const STUB = /^(\s*)\/\/ STUB (.*)$/;

/** The student's version of a solution's source: each marked region becomes its stub. */
export function stubSource(source: string): string {
  const out: string[] = [];
  let region: string[] | null = null;
  let indent = "";
  for (const line of source.split("\n")) {
    if (BEGIN.test(line)) {
      if (region !== null) throw new Error("a BEGIN SOLUTION inside another solution region");
      region = [];
      indent = /^\s*/.exec(line)![0];
    } else if (END.test(line)) {
      if (region === null) throw new Error("an END SOLUTION with no BEGIN SOLUTION before it");
      const stubs = region.map((l) => STUB.exec(l)).filter((m): m is RegExpExecArray => m !== null);
      out.push(...(stubs.length > 0 ? stubs.map((m) => `${m[1] ?? ""}${m[2] ?? ""}`) : [`${indent}throw new Error("Exercise: your code goes here");`]));
      region = null;
    } else if (region !== null) {
      region.push(line);
    } else {
      out.push(line);
    }
  }
  if (region !== null) throw new Error("a BEGIN SOLUTION with no END SOLUTION after it");
  return out.join("\n");
}

/** The solution's source without the markers and stub lines: what a teacher hands out as the answer. */
export function solutionSource(source: string): string {
  return source
    .split("\n")
    .filter((line) => !BEGIN.test(line) && !END.test(line) && !STUB.test(line))
    .join("\n");
}

/** Whether a cell holds an exercise's answer. */
export function isSolution(cell: Cell): boolean {
  const tags = cell.metadata?.["tags"];
  return cell.cell_type === "code" && Array.isArray(tags) && tags.includes(SOLUTION_TAG);
}

/** A copy of the notebook with outputs cleared and each solution cell rewritten by `rewrite`. */
function edition(notebook: Notebook, rewrite: (source: string) => string): Notebook {
  return {
    ...notebook,
    cells: notebook.cells.map((cell) => {
      const copy: Cell = { ...cell, source: isSolution(cell) ? rewrite(joined(cell.source)) : joined(cell.source) };
      if (cell.cell_type === "code") Object.assign(copy, { outputs: [], execution_count: null });
      return copy;
    }),
  };
}

export const studentEdition = (notebook: Notebook) => edition(notebook, stubSource);
export const solutionsEdition = (notebook: Notebook) => edition(notebook, solutionSource);

/** How many exercises (solution cells) a notebook has. */
export function exerciseCount(notebook: Notebook): number {
  return notebook.cells.filter(isSolution).length;
}
