/**
 * The student edition runs end to end with every exercise still a stub, each checker
 * saying so plainly (student-solutions.test.ts checks the solutions edition).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { type Notebook, joined } from "../src/notebook/nbformat";
import { exerciseCount, studentEdition } from "../src/teaching/editions";
import { notebooksWithExercises, verdicts } from "./support/exercises";
import { ROOT } from "./support/notebooks";

const withExercises = notebooksWithExercises();

/**
 * Writes an edition beside a link to dist/, as `npm run student` lays it out, and runs it
 * (asynchronously, so that vitest's worker stays responsive while the kernel works).
 */
async function run(edition: Notebook, name: string): Promise<Notebook> {
  const dir = mkdtempSync(join(tmpdir(), "edition-"));
  symlinkSync(join(ROOT, "dist"), join(dir, "dist"));
  mkdirSync(join(dir, "edition"));
  const path = join(dir, "edition", `${name}.ipynb`);
  writeFileSync(path, JSON.stringify(edition));
  await promisify(execFile)(join(ROOT, ".venv/bin/jupyter"), ["execute", "--inplace", path], { cwd: join(dir, "edition"), maxBuffer: 1 << 26 });
  return JSON.parse(readFileSync(path, "utf8")) as Notebook;
}

describe("the teaching editions", () => {
  it("have all six exercises the walk promises", () => {
    expect(withExercises.reduce((n, { notebook }) => n + exerciseCount(notebook), 0)).toBeGreaterThanOrEqual(6);
  });

  describe.each(withExercises)("$name", ({ name, notebook }) => {
    it("runs as a student edition, every checker reporting the stub plainly", async () => {
      const student = studentEdition(notebook);
      expect(student.cells.every((c) => !joined(c.source).includes("BEGIN SOLUTION"))).toBe(true);
      expect(student.cells.some((c) => /possible solution/.test(joined(c.source)))).toBe(false);
      const said = verdicts(await run(student, name));
      expect(said).toHaveLength(exerciseCount(notebook));
      for (const verdict of said) {
        expect(verdict).toMatch(/^✗/);
        expect(verdict).toMatch(/still the stub|fill them in/);
        expect(verdict).not.toMatch(/\n\s+at /); // no stack trace
      }
    });
  });
});
