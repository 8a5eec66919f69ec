/**
 * The solutions edition, answers in place, passes every checker. It runs the very code of
 * the notebook it comes from, less comment lines (the solution markers and the stubs'
 * notes), so the global setup's run of that notebook is its run.
 */
import { describe, expect, it } from "vitest";
import { type Cell, joined } from "../src/notebook/nbformat";
import { answersShown, exerciseCount, solutionsEdition } from "../src/teaching/editions";
import { notebooksWithExercises, verdicts } from "./support/exercises";
import { executedNotebook } from "./support/notebooks";

/** A code cell's lines that are not `//` comments. */
const code = (cell: Cell) => joined(cell.source).split("\n").filter((line) => !/^\s*\/\//.test(line));

describe.each(notebooksWithExercises())("the solutions edition of $name", ({ name, notebook }) => {
  it("runs the notebook's code (its answers shown, as its runs show them), less only comment lines", () => {
    const solutions = solutionsEdition(notebook);
    answersShown(notebook).cells.forEach((cell, k) => {
      if (cell.cell_type === "code") expect(code(solutions.cells[k]!)).toEqual(code(cell));
    });
  });

  it("passes every checker, as the notebook's own run shows", async () => {
    const said = verdicts(await executedNotebook(name));
    expect(said).toHaveLength(exerciseCount(notebook));
    for (const verdict of said) expect(verdict).toMatch(/^✓/);
  });
});
