/**
 * Running a notebook for the site: the project's .venv Jupyter with the tslab kernel, from
 * a fresh kernel, top to bottom, stopping at the first cell that fails. tslab reports a
 * failure as the cell's stderr and an error status, not as an error output, so the cell is
 * found from the source that Jupyter quotes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { type Notebook, joined } from "../notebook/nbformat";
import { failedCellMessage } from "./cells";

const JUPYTER = resolve(__dirname, "../../.venv/bin/jupyter");

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

/** Why a run failed, naming the cell when Jupyter says which one (the tests' notebook runs say it the same way). */
export function executionFailure(path: string, stderr: string): string {
  const name = basename(path, ".ipynb");
  const match = FAILED_CELL.exec(stderr);
  if (match) {
    const source = match[1]!;
    const cells = (JSON.parse(readFileSync(path, "utf8")) as Notebook).cells;
    const k = cells.findIndex((c) => c.cell_type === "code" && joined(c.source).trim() === source.trim());
    return failedCellMessage(name, k + 1, source, errorText(match[2]!));
  }
  return `notebooks/${name}.ipynb could not be executed:\n${stderr.slice(-3000)}`;
}

export function executeNotebook(path: string): Notebook {
  if (!existsSync(JUPYTER)) throw new Error(`no Jupyter at ${JUPYTER}: run 'bash scripts/setup.sh' first`);
  const scratch = mkdtempSync(join(tmpdir(), "site-"));
  const target = join(scratch, basename(path));
  try {
    execFileSync(JUPYTER, ["execute", `--output=${target}`, path], { cwd: dirname(path), stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
    return JSON.parse(readFileSync(target, "utf8")) as Notebook;
  } catch (err) {
    throw new Error(executionFailure(path, String((err as { stderr?: Buffer }).stderr ?? err)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
