/**
 * `npx tsx scripts/fold-answers.ts`: folds the answers of every notebook in notebooks/ that
 * has an exercise not yet folded (src/teaching/editions.ts, `foldAnswers`): each solution
 * collapsed, a stub cell after it, solution prose in a comment. Writes the file as Jupyter
 * does (keys sorted, one-space indent, text as lists of lines), and says what it changed.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Notebook } from "../src/notebook/nbformat";
import { foldAnswers } from "../src/teaching/editions";

const NOTEBOOKS = resolve(__dirname, "../notebooks");

/** A text as Jupyter stores it: its lines, each with its newline but the last. */
const lines = (text: string | string[]) => (Array.isArray(text) ? text : text.split(/(?<=\n)/));

/** A value with every object's keys in order, as Jupyter's writer sorts them. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
}

for (const file of readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort()) {
  const path = join(NOTEBOOKS, file);
  const text = readFileSync(path, "utf8");
  const notebook = JSON.parse(text) as Notebook;
  const folded = foldAnswers(notebook);
  const written = `${JSON.stringify(sorted({ ...folded, cells: folded.cells.map((c) => ({ ...c, source: lines(c.source) })) }), null, 1)}\n`;
  if (written === text) continue;
  writeFileSync(path, written);
  console.log(`${file}: answers folded`);
}
