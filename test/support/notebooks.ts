/**
 * Executed notebooks for tests. As the test run starts, the "notebooks" project's global
 * setup (`test/support/executeNotebooks.ts`) starts running every notebook once, two at a
 * time, each from a fresh tslab kernel with the project's .venv Jupyter (as a reader's
 * Restart-and-Run-All would), and leaves the result under test-artifacts/notebooks/, keyed
 * by a hash of everything the run depends on (the notebook, the compiled core, the locked
 * dependencies and our patches to them): a notebook runs again only when one of its inputs
 * changed. The other tests run meanwhile; test files read the results with
 * `executedNotebook(name)`, which waits for a notebook still running; a notebook that failed
 * to run fails its tests with the notebook, the cell and the error. Notebooks import dist/,
 * which `npm test` rebuilds first; after editing src/ run `npm run compile` before running
 * a notebook test alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Cell, type Notebook, type Output } from "../../src/notebook/nbformat";
import { runNotebook } from "../../src/site/execute";
import { NOTEBOOKS, ROOT, RUNS as ARTIFACTS, runAndKeep, runPath as artifact, sharedInputs, sourcePath } from "../../src/site/runs";

export { NOTEBOOKS, ROOT };

// The notebook file format's types are shared with the site build.
export type { Cell, Notebook, Output };

/** The names of the series, in order: `00-index`, `01-architecture`, … */
export function notebookNames(): string[] {
  return readdirSync(NOTEBOOKS)
    .filter((f) => f.endsWith(".ipynb"))
    .map((f) => f.replace(/\.ipynb$/, ""))
    .sort();
}

export function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, "utf8")) as Notebook;
}

/** A cell's source as one string (Jupyter stores it as a list of lines, or as one string). */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** The notebooks that take longest to run (they train thousands of nets), longest first. */
const SLOWEST_FIRST = ["08b-family-trees-study", "07b-claims-weights", "07a-claims-run-lengths", "08a-family-trees", "09-iterative-nets"];

/**
 * Runs every notebook whose current version has no result yet, `parallel` at a time, and
 * removes the results of older versions. For the global setup: failures are written
 * down for the tests to report, not thrown.
 */
export async function executeAll(parallel = 2): Promise<{ ran: string[]; failed: string[] }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const shared = sharedInputs();
  const names = notebookNames();
  const current = new Set(names.map((name) => artifact(name, shared)));
  for (const file of readdirSync(ARTIFACTS)) {
    const base = join(ARTIFACTS, file.replace(/\.(ipynb|failed\.txt)$/, ""));
    if (!current.has(base)) rmSync(join(ARTIFACTS, file), { force: true });
  }
  // The longest runs start first, so that the two at a time finish close together.
  const cost = (name: string) => SLOWEST_FIRST.indexOf(name) + 1 || SLOWEST_FIRST.length + 1;
  const waiting = names.filter((name) => !existsSync(`${artifact(name, shared)}.ipynb`)).sort((a, b) => cost(a) - cost(b));
  // Written before the first run starts: a test that asks for a notebook meanwhile waits for it.
  for (const name of waiting) writeFileSync(`${artifact(name, shared)}.pending`, String(process.pid));
  const ran: string[] = [];
  const failed: string[] = [];
  const worker = async () => {
    for (let name = waiting.shift(); name !== undefined; name = waiting.shift()) {
      const base = artifact(name, shared);
      rmSync(`${base}.failed.txt`, { force: true });
      try {
        await runAndKeep(name, undefined, shared);
        ran.push(name);
      } catch (err) {
        writeFileSync(`${base}.failed.txt`, (err as Error).message);
        failed.push(name);
      }
      rmSync(`${base}.pending`, { force: true });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { ran, failed };
}

/** Whether the process that wrote a `.pending` file is still there to run its notebook. */
function stillRunning(pending: string): boolean {
  try {
    process.kill(Number(readFileSync(pending, "utf8")), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The notebook as the global setup executed it, once it has (waiting, without blocking the
 * worker, while it runs); throws the notebook's own failure if it did not run.
 */
export async function executedNotebook(name: string): Promise<Notebook> {
  const base = artifact(name);
  while (existsSync(`${base}.pending`) && stillRunning(`${base}.pending`)) await new Promise((r) => setTimeout(r, 500));
  if (existsSync(`${base}.ipynb`)) return readNotebook(`${base}.ipynb`);
  if (existsSync(`${base}.failed.txt`)) throw new Error(readFileSync(`${base}.failed.txt`, "utf8"));
  throw new Error(`notebook ${name} was not executed for the tests: list this test file under the "notebooks" project in vitest.config.ts`);
}

/** Executes a notebook again, never from the cache: for checking that a rerun gives the same outputs. */
export async function executedAfresh(name: string): Promise<Notebook> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const target = join(ARTIFACTS, `${name}.afresh.${process.pid}.ipynb`);
  await runNotebook(sourcePath(name), target);
  const notebook = readNotebook(target);
  rmSync(target);
  return notebook;
}

/** Every output of a notebook's code cells, in order. */
export function outputsOf(notebook: Notebook): Output[] {
  return notebook.cells.flatMap((cell) => cell.outputs ?? []);
}

/** The outputs carrying a MIME type, as that type's data. */
export function outputData<T>(notebook: Notebook, mime: string): T[] {
  return outputsOf(notebook)
    .filter((o) => o.data?.[mime] !== undefined)
    .map((o) => o.data![mime] as T);
}
