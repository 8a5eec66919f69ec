/**
 * Executed notebooks kept between runs, for the test suite and the site build alike: a
 * notebook's run is kept under test-artifacts/notebooks/ as `NAME.HASH.ipynb`, keyed by a hash
 * of everything the run depends on (the notebook, the compiled core, the locked dependencies
 * and our patches to them), so a notebook runs again only when one of those changed, and a
 * build after a prose edit to one notebook runs that one alone.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { filesUnder } from "../io/ownedFolder";
import { type Notebook } from "../notebook/nbformat";
import { runNotebook } from "./execute";

export const ROOT = resolve(__dirname, "../..");
export const NOTEBOOKS = join(ROOT, "notebooks");
export const RUNS = join(ROOT, "test-artifacts/notebooks");

/** The files under `dir` whose names end in `suffix`, as full paths, in a fixed order. */
const endingIn = (dir: string, suffix: string) => filesUnder(dir).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));

/** A hash of what every notebook's run depends on besides the notebook itself. */
export function sharedInputs(): ReturnType<typeof createHash> {
  const hash = createHash("sha256");
  const inputs = [...endingIn(join(ROOT, "dist"), ".js"), ...endingIn(join(ROOT, "patches"), ".patch"), join(ROOT, "package-lock.json"), join(ROOT, "requirements.txt")];
  for (const file of inputs) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash;
}

export function sourcePath(name: string): string {
  const source = join(NOTEBOOKS, `${name}.ipynb`);
  if (!existsSync(source)) throw new Error(`no notebook ${relative(ROOT, source)}`);
  return source;
}

/**
 * Where this version of a notebook's run is kept, less its suffix: `NAME.HASH.ipynb` the run,
 * or `NAME.HASH.failed.txt` why it failed; `NAME.HASH.pending` holds the id of the process
 * that will run it.
 */
export function runPath(name: string, shared = sharedInputs()): string {
  const hash = shared.copy().update(readFileSync(sourcePath(name))).digest("hex").slice(0, 16);
  return join(RUNS, `${name}.${hash}`);
}

/**
 * Runs notebook `name` into its place among the kept runs (under a private name first, so
 * that a half-written run never looks finished) and drops that notebook's older runs.
 */
export async function runAndKeep(name: string, onCell?: (done: number, total: number) => void, shared = sharedInputs()): Promise<string> {
  mkdirSync(RUNS, { recursive: true });
  const base = runPath(name, shared);
  try {
    await runNotebook(sourcePath(name), `${base}.partial.ipynb`, onCell);
    renameSync(`${base}.partial.ipynb`, `${base}.ipynb`);
  } finally {
    rmSync(`${base}.partial.ipynb`, { force: true });
  }
  const older = new RegExp(`^${name.replace(/[.]/g, "\\.")}\\.[0-9a-f]{16}\\.(ipynb|failed\\.txt)$`);
  for (const file of readdirSync(RUNS)) if (older.test(file) && join(RUNS, file) !== `${base}.ipynb`) rmSync(join(RUNS, file), { force: true });
  return `${base}.ipynb`;
}

/** A kept run of the notebook's current version, or null. */
export function keptRun(name: string, shared = sharedInputs()): Notebook | null {
  const path = `${runPath(name, shared)}.ipynb`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Notebook) : null;
}
