/**
 * Student and solutions editions of the notebooks. A cell tagged `solution` holds its
 * answer between `// BEGIN SOLUTION` and `// END SOLUTION`; lines inside that start with
 * `// STUB ` say what the student edition puts there instead (by default a `throw`, which
 * the checkers recognise as the stub). Prose true only where the answers are shown sits
 * between `<!-- BEGIN SOLUTION -->` and `<!-- END SOLUTION -->` lines in a markdown cell (a
 * line of its own each: a line that opens with a comment is raw HTML to markdown), and the
 * student edition leaves it out. Outputs are cleared in both editions.
 */

import { type Cell, type Notebook, joined } from "../notebook/nbformat";
import { STUB_MESSAGE } from "./verdict";

export const SOLUTION_TAG = "solution";
const BEGIN = /^\s*\/\/ BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/ END SOLUTION\s*$/;
const STUB = /^(\s*)\/\/ STUB (.*)$/;
const PROSE = /<!-- BEGIN SOLUTION -->\n*([\s\S]*?)\n*<!-- END SOLUTION -->\n*/g;

/** The stub that stands for a region without STUB lines. */
export const STUB_LINE = `throw new Error(${JSON.stringify(STUB_MESSAGE)});`;

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
      out.push(...(stubs.length > 0 ? stubs.map((m) => `${m[1] ?? ""}${m[2] ?? ""}`) : [`${indent}${STUB_LINE}`]));
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

/** The student's version of a markdown cell: the prose about shown answers left out. */
export const studentProse = (markdown: string) => markdown.replace(PROSE, "");
const solutionProse = (markdown: string) => markdown.replace(PROSE, "$1\n\n");

/** Whether a cell holds an exercise's answer. */
export function isSolution(cell: Cell): boolean {
  const tags = cell.metadata?.["tags"];
  return cell.cell_type === "code" && Array.isArray(tags) && tags.includes(SOLUTION_TAG);
}

/** A copy of the notebook with outputs cleared, each solution cell rewritten by `code` and each markdown cell by `prose`. */
function edition(notebook: Notebook, code: (source: string) => string, prose: (markdown: string) => string): Notebook {
  return {
    ...notebook,
    cells: notebook.cells.map((cell) => {
      const source = joined(cell.source);
      const copy: Cell = { ...cell, source: isSolution(cell) ? code(source) : cell.cell_type === "markdown" ? prose(source) : source };
      if (cell.cell_type === "code") Object.assign(copy, { outputs: [], execution_count: null });
      return copy;
    }),
  };
}

export const studentEdition = (notebook: Notebook) => edition(notebook, stubSource, studentProse);
export const solutionsEdition = (notebook: Notebook) => edition(notebook, solutionSource, solutionProse);

/** How many exercises (solution cells) a notebook has. */
export function exerciseCount(notebook: Notebook): number {
  return notebook.cells.filter(isSolution).length;
}
