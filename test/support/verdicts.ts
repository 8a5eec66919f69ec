import { type Notebook, joined } from "../../src/notebook/nbformat";
import { isSolution } from "../../src/teaching/editions";

/** What each checker cell (the code cell after a solution cell) of an executed notebook printed. */
export function verdicts(executed: Notebook): string[] {
  return executed.cells.flatMap((cell, k) => {
    const before = executed.cells[k - 1];
    if (cell.cell_type !== "code" || !before || !isSolution(before)) return [];
    return [(cell.outputs ?? []).map((o) => joined(o.text) + joined(o.data?.["text/plain"] as string | string[] | undefined)).join("")];
  });
}
