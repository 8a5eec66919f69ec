/**
 * A folder a command writes as a whole (the site, the class editions, the course) without
 * ever deleting what a person made. The command writes into a folder only when it is missing,
 * empty, or marked by that same command's earlier run; the mark lists each file the run wrote
 * with its hash. A new run is built beside the folder, then checked against the mark: it
 * refuses, changing nothing, when it would replace or delete a file that the mark does not
 * list or that was changed since; otherwise the old run's files go and the new ones move in.
 * Files the mark does not list (a teacher's gradebook, a note added to the site) stay.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

/** The mark's file name, in the folder's top level. */
export const MARK = ".written-by.json";

interface Mark {
  command: string;
  files: Record<string, string>;
}

/** A command's refusal to touch a folder: one line naming the folder and what it would have replaced. */
export class FolderRefused extends Error {
  override name = "FolderRefused";
}

/** Every file under `dir`, as paths relative to it with "/" between parts (symbolic links are files). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const hashOf = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** "a, b and 3 more": a few of a list's entries, for a one-line message. */
function some(list: readonly string[]): string {
  const shown = list.slice(0, 3);
  const rest = list.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown[0]!;
}

function readMark(folder: string, command: string): Mark {
  const path = join(folder, MARK);
  let mark: Partial<Mark> | undefined;
  try {
    mark = JSON.parse(readFileSync(path, "utf8")) as Partial<Mark>;
  } catch {
    throw new FolderRefused(`${folder} has a ${MARK} that is not ${command}'s record of its files: nothing was written`);
  }
  if (mark.command !== command || typeof mark.files !== "object" || mark.files === null) {
    throw new FolderRefused(`${folder} was written by ${mark.command ?? "another command"}, not ${command}: choose another folder; nothing was written`);
  }
  return mark as Mark;
}

/**
 * What `command` may replace in `folder`: the files its mark lists, each unchanged since it was
 * written. Throws FolderRefused when the folder holds files of someone else's and no mark of
 * this command's, or when a listed file was changed. Call it before any long work.
 */
export function checkFolder(folder: string, command: string): ReadonlySet<string> {
  if (!existsSync(folder)) return new Set();
  if (!lstatSync(folder).isDirectory()) throw new FolderRefused(`${folder} is a file, not a folder: nothing was written`);
  const present = filesUnder(folder);
  if (present.length === 0) return new Set();
  if (!present.includes(MARK)) {
    throw new FolderRefused(`${folder} is not empty and was not written by ${command}: it holds ${some(present)}, which would be replaced; choose an empty or new folder, nothing was written`);
  }
  const { files } = readMark(folder, command);
  const changed = Object.keys(files).filter((f) => existsSync(join(folder, f)) && hashOf(join(folder, f)) !== files[f]);
  if (changed.length > 0) {
    throw new FolderRefused(`${folder}: ${some(changed)} changed since ${command} wrote ${changed.length > 1 ? "them" : "it"} and would be replaced; move your version elsewhere first, nothing was written`);
  }
  return new Set(Object.keys(files).filter((f) => existsSync(join(folder, f))));
}

/** Removes `dir` and its empty parents up to, not including, `stop`, while each is empty. */
function pruneEmpty(dir: string, stop: string): void {
  for (let at = dir; at !== stop && at.startsWith(stop + sep); at = dirname(at)) {
    if (readdirSync(at).length > 0) return;
    rmdirSync(at);
  }
}

/**
 * Writes `folder` as `command`'s run: `write` fills a fresh folder beside it, which then
 * replaces what the command's last run wrote there, and only that. Returns the files written.
 */
export function replaceFolder(folder: string, command: string, write: (fresh: string) => void): string[] {
  const ours = checkFolder(folder, command);
  mkdirSync(dirname(folder), { recursive: true });
  // Beside the folder, so that the files move in by rename, on the same file system.
  const fresh = mkdtempSync(join(dirname(folder), `.${basename(folder)}-`));
  try {
    write(fresh);
    const written = filesUnder(fresh).filter((f) => f !== MARK);
    const theirs = written.filter((f) => existsSync(join(folder, f)) && !ours.has(f));
    if (theirs.length > 0) throw new FolderRefused(`${folder}: ${some(theirs)} would be replaced, and ${command} did not write ${theirs.length > 1 ? "them" : "it"}; nothing was written`);
    const mark: Mark = { command, files: Object.fromEntries(written.map((f) => [f, hashOf(join(fresh, f))])) };
    mkdirSync(folder, { recursive: true });
    for (const f of ours) {
      rmSync(join(folder, f));
      pruneEmpty(dirname(join(folder, f)), folder);
    }
    for (const f of written) {
      mkdirSync(dirname(join(folder, f)), { recursive: true });
      renameSync(join(fresh, f), join(folder, f));
    }
    writeFileSync(join(folder, MARK), `${JSON.stringify(mark, null, 1)}\n`);
    return written;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
