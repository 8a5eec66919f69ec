/**
 * The commands that write a folder as a whole, run as a user runs them, never delete what a
 * person made there: `npm run build` pointed at a blog's folder, a page exported alone,
 * `npm run student` over a student's answers. (The course, graded, is in course.test.ts.)
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder } from "../src/io/ownedFolder";
import { ROOT } from "./support/notebooks";

const dir = mkdtempSync(join(tmpdir(), "no-lost-work-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script's exit code and its standard error, as a user sees them. */
async function runScript(script: string, args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts", script), ...args], { cwd: ROOT });
    return { code: 0, stderr, stdout };
  } catch (err) {
    const { code, stderr, stdout } = err as { code: number; stderr: string; stdout: string };
    return { code, stderr, stdout };
  }
}

const snapshot = (folder: string) => Object.fromEntries(filesUnder(folder).map((f) => [f, readFileSync(join(folder, f), "utf8")]));

describe("npm run build", () => {
  it("refuses a blog's folder in one line, before running anything, and leaves every post in it", async () => {
    const blog = join(dir, "blog");
    mkdirSync(join(blog, "posts"), { recursive: true });
    writeFileSync(join(blog, "posts", "hello.html"), "<p>my first post</p>");
    writeFileSync(join(blog, "index.html"), "<h1>my blog</h1>");
    const { code, stderr, stdout } = await runScript("build-site.ts", ["--out", blog, "05-training"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([`build failed: ${blog} is not empty and was not written by npm run build: it holds index.html and posts/hello.html, which would be replaced; choose an empty or new folder, nothing was written`]);
    expect(stdout).not.toMatch(/executed/);
    expect(snapshot(blog)).toEqual({ "index.html": "<h1>my blog</h1>", "posts/hello.html": "<p>my first post</p>" });
  });

  it("sends a page exported alone to a folder of its own, named after it, not over the full site", async () => {
    // A folder of that name that the build did not write: the refusal names where the page would have gone.
    const own = join(ROOT, "site-02-dataset");
    mkdirSync(own);
    writeFileSync(join(own, "keep.txt"), "mine");
    try {
      const { code, stderr } = await runScript("build-site.ts", ["02-dataset"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`${own} is not empty and was not written by npm run build: it holds keep.txt`);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it("embeds into a blog's folder only through a folder of its own, and refuses one of that name it did not write", async () => {
    const blog = join(dir, "blog-with-folder");
    mkdirSync(join(blog, "backprop-embed"), { recursive: true });
    writeFileSync(join(blog, "post.html"), "<p>my post</p>");
    writeFileSync(join(blog, "backprop-embed", "notes.txt"), "mine");
    const { code, stderr, stdout } = await runScript("build-site.ts", ["--embed", "--out", blog, "05-training"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([`build failed: ${join(blog, "backprop-embed")} is not empty and was not written by npm run build -- --embed: it holds notes.txt, which would be replaced; choose an empty or new folder, nothing was written`]);
    expect(stdout).not.toMatch(/executed/);
    expect(snapshot(blog)).toEqual({ "post.html": "<p>my post</p>", "backprop-embed/notes.txt": "mine" });
  });

  it("asks which notebooks to embed", async () => {
    const { code, stderr } = await runScript("build-site.ts", ["--embed"]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("build failed: --embed needs the notebooks to embed, as in npm run build -- --embed 05-training");
  });

  it("names an unknown option in one line with its usage", async () => {
    const { code, stderr } = await runScript("build-site.ts", ["--outt", dir]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("build failed: Unknown option '--outt'; usage: npm run build -- [--embed] [--out DIR] [--repo URL] [--base-url URL] [NOTEBOOK…]");
  });
});

describe("npm run student", () => {
  it("rewrites its editions, and stops without a change when a student has answered in one", async () => {
    const out = join(dir, "class");
    const first = await runScript("student.ts", ["--out", out]);
    expect(first.code).toBe(0);
    // Handed out whole: the editions' `../dist/index` is a copy of the core in the same folder.
    expect(first.stdout).toMatch(/wrote student-edition\/, solutions-edition\/ and dist\/ in /);
    expect(readFileSync(join(out, "dist", "index.js"), "utf8")).toBe(readFileSync(join(ROOT, "dist", "index.js"), "utf8"));
    const answered = join(out, "student-edition", "04-gradient.ipynb");
    writeFileSync(join(out, "student-edition", "my-notes.md"), "kept");
    expect((await runScript("student.ts", ["--out", out])).code).toBe(0); // its own files again; the note stays
    expect(readFileSync(join(out, "student-edition", "my-notes.md"), "utf8")).toBe("kept");
    writeFileSync(answered, readFileSync(answered, "utf8").replace("throw new Error", "return 0; // my answer\n  throw new Error"));
    const before = { student: snapshot(join(out, "student-edition")), solutions: snapshot(join(out, "solutions-edition")) };
    const { code, stderr } = await runScript("student.ts", ["--out", out]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`npm run student: ${join(out, "student-edition")}: 04-gradient.ipynb changed since npm run student wrote it and would be replaced; move your version elsewhere first, nothing was written`);
    expect({ student: snapshot(join(out, "student-edition")), solutions: snapshot(join(out, "solutions-edition")) }).toEqual(before);
  });
});
