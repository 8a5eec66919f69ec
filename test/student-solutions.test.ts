/**
 * The solutions edition, answers in place, passes every checker. It runs the very code of
 * the notebook it comes from, less comment lines (the solution markers and the stubs'
 * notes), so the global setup's run of that notebook is its run.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { joined } from "../src/notebook/nbformat";
import { exerciseCount, solutionsEdition } from "../src/teaching/editions";
import { NOTEBOOKS, executedNotebook, notebookNames, readNotebook } from "./support/notebooks";
import { verdicts } from "./support/verdicts";

const withExercises = notebookNames()
  .map((name) => ({ name, notebook: readNotebook(join(NOTEBOOKS, `${name}.ipynb`)) }))
  .filter(({ notebook }) => exerciseCount(notebook) > 0);

describe.each(withExercises)("the solutions edition of $name", ({ name, notebook }) => {
  it("runs the notebook's code, less only comment lines", () => {
    const solutions = solutionsEdition(notebook);
    notebook.cells.forEach((cell, k) => {
      if (cell.cell_type !== "code") return;
      const kept = joined(solutions.cells[k]!.source).split("\n");
      const lines = joined(cell.source).split("\n");
      expect(lines.filter((line) => !/^\s*\/\//.test(line))).toEqual(kept.filter((line) => !/^\s*\/\//.test(line)));
    });
  });

  it("passes every checker, as the notebook's own run shows", async () => {
    const said = verdicts(await executedNotebook(name));
    expect(said).toHaveLength(exerciseCount(notebook));
    for (const verdict of said) expect(verdict).toMatch(/^✓/);
  });
});
