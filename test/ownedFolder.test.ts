/**
 * A folder a command writes as a whole keeps what a person made: the command refuses a folder
 * it did not write, and replaces, in one it did, only its own unchanged files.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FolderRefused, MARK, checkFolder, filesUnder, replaceFolder } from "../src/io/ownedFolder";

const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder with the given files in a fresh temporary parent. */
function folderWith(files: Record<string, string>): string {
  const parent = mkdtempSync(join(tmpdir(), "owned-"));
  scratch.push(parent);
  const folder = join(parent, "out");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

const writer = (files: Record<string, string>) => (fresh: string) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fresh, path)), { recursive: true });
    writeFileSync(join(fresh, path), text);
  }
};

/** Every file under a folder with its text: what must not change when a command refuses. */
const snapshot = (folder: string) => Object.fromEntries(filesUnder(folder).map((f) => [f, readFileSync(join(folder, f), "utf8")]));

describe("a folder a command replaces", () => {
  it("is created when missing, and marked with each file it wrote", () => {
    const folder = join(folderWith({}), "deeper");
    expect(replaceFolder(folder, "build", writer({ "index.html": "1", "assets/a.js": "2" }))).toEqual(["assets/a.js", "index.html"]);
    expect(filesUnder(folder)).toEqual([MARK, "assets/a.js", "index.html"]);
    expect(Object.keys(JSON.parse(readFileSync(join(folder, MARK), "utf8")).files)).toEqual(["assets/a.js", "index.html"]);
  });

  it("refuses a folder with files it did not write, naming them, and changes nothing", () => {
    const folder = folderWith({ "posts/hello.html": "my post", "index.html": "my blog" });
    const before = snapshot(folder);
    expect(() => replaceFolder(folder, "build", writer({ "index.html": "ours" }))).toThrow(FolderRefused);
    expect(() => checkFolder(folder, "build")).toThrow(/out is not empty and was not written by build: it holds index\.html and posts\/hello\.html, which would be replaced/);
    expect(snapshot(folder)).toEqual(before);
  });

  it("replaces its own earlier files and keeps a file a person added", () => {
    const folder = folderWith({});
    replaceFolder(folder, "build", writer({ "index.html": "v1", "old/gone.html": "v1" }));
    writeFileSync(join(folder, "notes.txt"), "mine");
    replaceFolder(folder, "build", writer({ "index.html": "v2", "new.html": "v2" }));
    expect(snapshot(folder)).toMatchObject({ "index.html": "v2", "new.html": "v2", "notes.txt": "mine" });
    expect(existsSync(join(folder, "old"))).toBe(false); // its emptied folder goes too
  });

  it("refuses when one of its files was changed since, and changes nothing", () => {
    const folder = folderWith({});
    replaceFolder(folder, "build", writer({ "a.ipynb": "stub", "b.ipynb": "stub" }));
    writeFileSync(join(folder, "a.ipynb"), "a student's answer");
    const before = snapshot(folder);
    expect(() => replaceFolder(folder, "build", writer({ "b.ipynb": "new" }))).toThrow(/out: a\.ipynb changed since build wrote it and would be replaced/);
    expect(snapshot(folder)).toEqual(before);
  });

  it("refuses to write over a file a person put where its new run writes, and changes nothing", () => {
    const folder = folderWith({});
    replaceFolder(folder, "build", writer({ "index.html": "v1" }));
    writeFileSync(join(folder, "page.html"), "mine");
    const before = snapshot(folder);
    expect(() => replaceFolder(folder, "build", writer({ "index.html": "v2", "page.html": "ours" }))).toThrow(/out: page\.html would be replaced, and build did not write it/);
    expect(snapshot(folder)).toEqual(before);
  });

  it("refuses a folder another command marked", () => {
    const folder = folderWith({});
    replaceFolder(folder, "course", writer({ "nbgrader_config.py": "c" }));
    expect(() => checkFolder(folder, "build")).toThrow(/out was written by course, not build: choose another folder/);
  });

  it("writes into an empty folder, and leaves nothing beside it", () => {
    const folder = folderWith({});
    mkdirSync(folder);
    replaceFolder(folder, "build", writer({ "index.html": "1" }));
    expect(filesUnder(dirname(folder))).toEqual([`out/${MARK}`, "out/index.html"]);
  });
});
