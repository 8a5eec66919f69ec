/**
 * Running a notebook, for the site and the tests alike: the project's .venv Jupyter with the
 * tslab kernel, from a fresh kernel, top to bottom, stopping at the first cell that fails
 * (jupyter/run_notebook.py, nbclient as `jupyter execute` with a line per cell for progress).
 * tslab reports a failure as the cell's stderr and an error status, not as an error output,
 * so the cell is found from the source that nbclient quotes.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { type Notebook, joined } from "../notebook/nbformat";
import { answersShown, isStub } from "../teaching/editions";
import { failedCellMessage } from "./cells";

const ROOT = resolve(__dirname, "../..");
const PYTHON = resolve(ROOT, ".venv/bin/python");
const RUNNER = resolve(ROOT, "jupyter/run_notebook.py");

/** What nbclient prints when a cell fails: the cell's source between dashed rules, then its output. */
const FAILED_CELL = /CellExecutionError: An error occurred while executing the following cell:\n-{6,}\n([\s\S]*?)\n-{6,}\n([\s\S]*?)(?:\n-{6,}\n|$)/;

/** The error a cell printed, without the stack frames inside Node and tslab. */
function errorText(stderr: string): string {
  return stderr
    .replace(/^-+ stderr -+\n/m, "")
    .split("\n")
    .filter((line) => !/^\s+at .*(node:|tslab\/dist|sigintHandlersWrap)/.test(line))
    .join("\n")
    .trim();
}

/** Why the run of the notebook at `path` (notebook `named`) failed, naming the cell when Jupyter says which one. */
export function executionFailure(path: string, stderr: string, named = path): string {
  const name = basename(named, ".ipynb");
  const match = FAILED_CELL.exec(stderr);
  if (match) {
    const source = match[1]!;
    const cells = (JSON.parse(readFileSync(path, "utf8")) as Notebook).cells;
    const k = cells.findIndex((c) => c.cell_type === "code" && joined(c.source).trim() === source.trim());
    return failedCellMessage(name, k + 1, source, errorText(match[2]!));
  }
  return `notebooks/${name}.ipynb could not be executed:\n${stderr.slice(-3000)}`;
}

/**
 * Runs the notebook at `path` and writes the executed copy to `target`; `onCell(done, total)`
 * hears of each code cell as it finishes. Rejects naming the cell that failed. A notebook
 * whose answers are folded for the reader runs with its answers shown (`answersShown`, in
 * the notebook's own folder), so a run's checkers check the answers and the site shows them.
 */
export function runNotebook(path: string, target: string, onCell: (done: number, total: number) => void = () => undefined): Promise<void> {
  if (!existsSync(PYTHON)) return Promise.reject(new Error(`no Jupyter in .venv: run 'bash scripts/setup.sh' first`));
  const notebook = JSON.parse(readFileSync(path, "utf8")) as Notebook;
  const shown = notebook.cells.some(isStub) ? `${target}.shown.ipynb` : path;
  if (shown !== path) writeFileSync(shown, JSON.stringify(answersShown(notebook)));
  return new Promise<void>((done, fail) => {
    const child = spawn(PYTHON, [RUNNER, shown, target, dirname(path)], { cwd: dirname(path), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      for (const [, k, n] of text.matchAll(/^cell (\d+) (\d+)$/gm)) onCell(Number(k), Number(n));
    });
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(executionFailure(shown, stderr, path)))));
  }).finally(() => {
    if (shown !== path) rmSync(shown, { force: true });
  });
}
