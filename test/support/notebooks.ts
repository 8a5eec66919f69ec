/**
 * Executed notebooks for tests. `executedNotebook(name)` runs `notebooks/NAME.ipynb` from a
 * fresh tslab kernel with the project's .venv Jupyter (as a reader's Restart-and-Run-All
 * would) and returns the parsed result. The executed copy is kept under
 * test-artifacts/notebooks/, keyed by a hash of everything the run depends on (the
 * notebook, the compiled core, the locked dependencies): a notebook runs once however
 * many test files ask for it, and again as soon as any of its inputs change. Notebooks
 * import dist/, which `npm test` rebuilds first; after editing src/ run `npm run compile`
 * before running a notebook test alone.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { type Cell, type Notebook, type Output } from "../../src/notebook/nbformat";

export const ROOT = resolve(__dirname, "../..");
export const NOTEBOOKS = join(ROOT, "notebooks");
const JUPYTER = join(ROOT, ".venv/bin/jupyter");
const ARTIFACTS = join(ROOT, "test-artifacts/notebooks");

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

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

function inputsHash(notebook: string): string {
  const hash = createHash("sha256");
  const inputs = [notebook, ...filesUnder(join(ROOT, "dist"), ".js"), join(ROOT, "package-lock.json"), join(ROOT, "requirements.txt")];
  for (const file of inputs) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

const running = new Map<string, Promise<Notebook>>();

/** Executes a notebook with the tslab kernel (or reuses this exact run's result) and parses it. */
export function executedNotebook(name: string): Promise<Notebook> {
  const pending = running.get(name) ?? execute(name);
  running.set(name, pending);
  return pending;
}

function sourcePath(name: string): string {
  const source = join(NOTEBOOKS, `${name}.ipynb`);
  if (!existsSync(source)) throw new Error(`no notebook ${relative(ROOT, source)}`);
  if (!existsSync(JUPYTER)) throw new Error(`no Jupyter at ${relative(ROOT, JUPYTER)}: run 'bash scripts/setup.sh' first`);
  return source;
}

/** Runs a notebook in a fresh tslab kernel and writes the executed copy to `target`. */
async function run(name: string, target: string): Promise<void> {
  try {
    await promisify(execFile)(JUPYTER, ["execute", `--output=${target}`, sourcePath(name)], { cwd: NOTEBOOKS, maxBuffer: 1 << 26 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? String(err);
    throw new Error(`notebook ${name} failed to execute:\n${stderr.slice(-4000)}`);
  }
}

/** How long another test file's claim on running a notebook stands before we run it ourselves. */
const CLAIM_EXPIRES_MS = 10 * 60_000;

async function execute(name: string): Promise<Notebook> {
  const target = join(ARTIFACTS, `${name}.${inputsHash(sourcePath(name))}.ipynb`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // Test files run in parallel workers: the first to claim a notebook runs it, the others wait for its result.
  const claim = `${target}.running`;
  while (!existsSync(target)) {
    let mine = false;
    try {
      closeSync(openSync(claim, "wx"));
      mine = true;
    } catch {
      const claimed = statSync(claim, { throwIfNoEntry: false })?.mtimeMs;
      if (claimed !== undefined && Date.now() - claimed > CLAIM_EXPIRES_MS) rmSync(claim, { force: true });
    }
    if (!mine) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      // Write under a private name, then rename: a waiting test file never reads half a notebook.
      const partial = `${target}.${process.pid}.partial.ipynb`;
      await run(name, partial);
      renameSync(partial, target);
    } finally {
      rmSync(claim, { force: true });
    }
  }
  return readNotebook(target);
}

/** Executes a notebook again, never from the cache: for checking that a rerun gives the same outputs. */
export async function executedAfresh(name: string): Promise<Notebook> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const target = join(ARTIFACTS, `${name}.afresh.${process.pid}.ipynb`);
  await run(name, target);
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
