/** The notebooks' exercises, as the teaching-edition tests read them. */
import { join } from "node:path";
import { type Notebook, joined } from "../../src/notebook/nbformat";
import { exerciseCount, isSolution } from "../../src/teaching/editions";
import { NOTEBOOKS, notebookNames, readNotebook } from "./notebooks";

/** The committed notebooks that hold at least one exercise, by name. */
export function notebooksWithExercises(): { name: string; notebook: Notebook }[] {
  return notebookNames()
    .map((name) => ({ name, notebook: readNotebook(join(NOTEBOOKS, `${name}.ipynb`)) }))
    .filter(({ notebook }) => exerciseCount(notebook) > 0);
}

/** What each checker cell (the code cell after a solution cell) of an executed notebook printed. */
export function verdicts(executed: Notebook): string[] {
  return executed.cells.flatMap((cell, k) => {
    const before = executed.cells[k - 1];
    if (cell.cell_type !== "code" || !before || !isSolution(before)) return [];
    return [(cell.outputs ?? []).map((o) => joined(o.text) + joined(o.data?.["text/plain"] as string | string[] | undefined)).join("")];
  });
}
