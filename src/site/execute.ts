/**
 * Running a notebook for the site: the project's .venv Jupyter with the tslab kernel, from
 * a fresh kernel, top to bottom. Errors are kept in the executed copy (--allow-errors) so
 * that the build can name the cell that failed and quote it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { type Notebook } from "./nbformat";

const JUPYTER = resolve(__dirname, "../../.venv/bin/jupyter");

export function executeNotebook(path: string): Notebook {
  if (!existsSync(JUPYTER)) throw new Error(`no Jupyter at ${JUPYTER}: run 'bash scripts/setup.sh' first`);
  const scratch = mkdtempSync(join(tmpdir(), "site-"));
  const target = join(scratch, basename(path));
  try {
    execFileSync(JUPYTER, ["execute", "--allow-errors", `--output=${target}`, path], { cwd: dirname(path), stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
    return JSON.parse(readFileSync(target, "utf8")) as Notebook;
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? err);
    throw new Error(`${basename(path)} could not be executed:\n${stderr.slice(-3000)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
