/** What the site reads from a notebook's cells: its title, and the first cell that failed. */
import { type Notebook, joined } from "../notebook/nbformat";

/** Where a notebook went wrong: the first error output, with its cell (counted from 1) and source. */
export function firstError(notebook: Notebook): { cell: number; source: string; message: string } | null {
  for (const [k, cell] of notebook.cells.entries()) {
    const error = cell.outputs?.find((o) => o.output_type === "error");
    if (error) return { cell: k + 1, source: joined(cell.source), message: `${error.ename}: ${error.evalue}` };
  }
  return null;
}

/** The notebook's title: the text of its first level-1 heading, without its marks (`<!--given:…-->`). */
export function titleOf(notebook: Notebook, fallback: string): string {
  for (const cell of notebook.cells.filter((c) => c.cell_type === "markdown")) {
    const heading = /^#\s+(.+)$/m.exec(joined(cell.source));
    if (heading) return heading[1]!.replace(/<!--[\s\S]*?-->/g, "").trim();
  }
  return fallback;
}

/** How the site build reports a failed cell: the notebook, the cell (from 1), its source and the error. */
export function failedCellMessage(name: string, cell: number, source: string, error: string): string {
  return `notebooks/${name}.ipynb, cell ${cell} failed:\n${error.trim()}\n--- cell ${cell} ---\n${source.trim()}`;
}
