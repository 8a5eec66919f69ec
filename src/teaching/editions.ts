/**
 * The editions of a notebook with exercises, all made from the one in notebooks/.
 *
 * How an exercise is written. A cell tagged `solution` holds its answer between
 * `// BEGIN SOLUTION` and `// END SOLUTION`; lines inside that start with `// STUB ` say
 * what the student edition puts there instead (by default a `throw`, which the checkers
 * recognise as the stub). The cell after it calls the exercise's checker. Prose true only
 * where the answers are shown sits between `<!-- BEGIN SOLUTION -->` and
 * `<!-- END SOLUTION -->` lines in a markdown cell (a line of its own each: a line that opens
 * with a comment is raw HTML to markdown), and the student edition leaves it out.
 *
 * How notebooks/ holds it: folded, so that a reader's notebook holds no answer in sight
 * (`foldAnswers`). The solution cell is collapsed (JupyterLab's and Notebook 7's
 * `jupyter.source_hidden`: a bar with "…" that opens it in one click), and right after it
 * comes a cell tagged `stub` holding the student edition's stub under one line that says
 * where the solution is; the checker follows the stub, so a reader's Run All checks the
 * reader's answer (the stub until they write one: the checker says so in a line, and the
 * notebook runs on). Solution prose is one HTML comment, `<!-- BEGIN SOLUTION` … `END
 * SOLUTION -->`, which no reader sees. `answersShown` undoes the folding exactly: the
 * student and solutions editions, the course and every run of a notebook (tests, site)
 * start from it, so they are what they were before notebooks/ folded its answers.
 *
 * To add an exercise to a notebook: write the solution cell and its checker as above, then
 * run `npx tsx scripts/fold-answers.ts`, which folds every notebook not yet folded (the
 * editions test fails on a notebook that is not).
 *
 * Outputs are cleared in both editions.
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

export const STUB_TAG = "stub";

/** The first line of a reader's stub cell: where the answer goes, and where a solution is. */
export const STUB_NOTE = "// Your answer here. A solution is folded in the cell above: click its \"…\" to open it.";

/** Solution prose as notebooks/ holds it: one comment no reader sees. */
const FOLDED_PROSE = /<!-- BEGIN SOLUTION\n([\s\S]*?)\nEND SOLUTION -->/g;
const SHOWN_PROSE = /<!-- BEGIN SOLUTION -->\n([\s\S]*?)\n<!-- END SOLUTION -->/g;

function hasTag(cell: Cell, tag: string): boolean {
  const tags = cell.metadata?.["tags"];
  return cell.cell_type === "code" && Array.isArray(tags) && tags.includes(tag);
}

/** Whether a cell holds an exercise's answer. */
export const isSolution = (cell: Cell): boolean => hasTag(cell, SOLUTION_TAG);

/** Whether a cell is a reader's stub, the place for their answer right after a folded solution. */
export const isStub = (cell: Cell): boolean => hasTag(cell, STUB_TAG);

/** A cell's metadata with its source shown or hidden in JupyterLab (and no empty `jupyter` left behind). */
function withSourceHidden(metadata: Record<string, unknown> = {}, hidden: boolean): Record<string, unknown> {
  const { jupyter, ...rest } = metadata as { jupyter?: Record<string, unknown> };
  const { source_hidden: _, ...others } = jupyter ?? {};
  const kept = hidden ? { ...others, source_hidden: true } : others;
  return Object.keys(kept).length > 0 ? { ...rest, jupyter: kept } : rest;
}

/** The notebook as its author writes it, each answer in sight: what the editions, the course and the runs start from. */
export function answersShown(notebook: Notebook): Notebook {
  return {
    ...notebook,
    cells: notebook.cells
      .filter((cell) => !isStub(cell))
      .map((cell): Cell => {
        if (isSolution(cell)) return { ...cell, metadata: withSourceHidden(cell.metadata, false) };
        if (cell.cell_type !== "markdown") return cell;
        const source = joined(cell.source);
        const shownProse = source.replace(FOLDED_PROSE, "<!-- BEGIN SOLUTION -->\n$1\n<!-- END SOLUTION -->");
        return shownProse === source ? cell : { ...cell, source: shownProse };
      }),
  };
}

/** The notebook with every answer run but collapsed, one click away: the in-browser lab's copy, whose Run All checks the answers as the site's pages do. */
export function answersCollapsed(notebook: Notebook): Notebook {
  const shown = answersShown(notebook);
  return { ...shown, cells: shown.cells.map((cell) => (isSolution(cell) ? { ...cell, metadata: withSourceHidden(cell.metadata, true) } : cell)) };
}

/** A cell's slide metadata, for the stub beside it (a stub is never a slide of its own). */
const slideshowOf = (cell: Cell) => (cell.metadata?.["slideshow"] === undefined ? {} : { slideshow: cell.metadata["slideshow"] });

/** The notebook as notebooks/ holds it for a reader: each solution folded, a stub after it (see the header). */
export function foldAnswers(notebook: Notebook): Notebook {
  const shown = answersShown(notebook);
  return {
    ...shown,
    cells: shown.cells.flatMap((cell): Cell[] => {
      if (cell.cell_type === "markdown") {
        const source = joined(cell.source);
        const folded = source.replace(SHOWN_PROSE, "<!-- BEGIN SOLUTION\n$1\nEND SOLUTION -->");
        return [folded === source ? cell : { ...cell, source: folded }];
      }
      if (!isSolution(cell)) return [cell];
      const stub: Cell = {
        cell_type: "code",
        execution_count: null,
        ...(cell.id === undefined ? {} : { id: `${cell.id}-stub` }),
        metadata: { ...slideshowOf(cell), tags: [STUB_TAG] },
        outputs: [],
        source: `${STUB_NOTE}\n${stubSource(joined(cell.source))}`,
      };
      return [{ ...cell, metadata: withSourceHidden(cell.metadata, true) }, stub];
    }),
  };
}

/** The student's version of a markdown cell: the prose about shown answers left out. */
export const studentProse = (markdown: string) => markdown.replace(PROSE, "");
const solutionProse = (markdown: string) => markdown.replace(PROSE, "$1\n\n");

/** A copy of the notebook, answers shown, with outputs cleared, each solution cell rewritten by `code` and each markdown cell by `prose`. */
function edition(notebook: Notebook, code: (source: string) => string, prose: (markdown: string) => string): Notebook {
  const shown = answersShown(notebook);
  return {
    ...shown,
    cells: shown.cells.map((cell) => {
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
