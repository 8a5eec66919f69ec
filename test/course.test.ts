/**
 * The nbgrader course, end to end with real nbgrader and the tslab kernel, in a temp
 * directory: `npm run course`'s script writes it, nbgrader releases it, four students
 * submit, nbgrader grades them and writes their feedback.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cell, type Notebook, joined } from "../src/notebook/nbformat";
import { filesUnder } from "../src/io/ownedFolder";
import { GRADING, courseNotebook } from "../src/teaching/course";
import { isSolution, solutionSource, studentEdition } from "../src/teaching/editions";
import { NOTEBOOKS, ROOT } from "./support/notebooks";

const VENV_BIN = join(ROOT, ".venv/bin");
const ASSIGNMENTS = ["04-gradient", "05-training"];
// Asynchronous, so that vitest's worker stays responsive through minutes of grading.
const run = async (file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  (await promisify(execFile)(file, args, { ...options, maxBuffer: 1 << 26 })).stdout;
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Notebook;
const nbgraderOf = (cell: Cell) => (cell.metadata?.["nbgrader"] ?? {}) as { grade_id?: string; solution?: boolean; grade?: boolean; points?: number };

/** A release with each answer cell rewritten by `answer(grade_id, the source's solution)`. */
function submission(release: Notebook, source: Notebook, answer: (id: string, solution: string) => string): Notebook {
  const solutions = new Map(source.cells.filter((c) => nbgraderOf(c).solution).map((c) => [nbgraderOf(c).grade_id!, solutionSource(joined(c.source))]));
  return {
    ...release,
    cells: release.cells.map((c) => (nbgraderOf(c).solution ? { ...c, source: answer(nbgraderOf(c).grade_id!, solutions.get(nbgraderOf(c).grade_id!)!) } : c)),
  };
}

/** Feedback HTML as the words on the page. */
const words = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const SCORES = `
import json
from nbgrader.api import Gradebook
with Gradebook("sqlite:///gradebook.db") as gb:
    print(json.dumps({f"{s.student.id}/{a.name}/{g.name}": g.score for a in gb.assignments
                      for s in gb.assignment_submissions(a.name) for nb in s.notebooks for g in nb.grades}))
`;

describe("the nbgrader course", () => {
  const dir = mkdtempSync(join(tmpdir(), "course-"));
  const course = join(dir, "course");
  // nbgrader calls alembic and jupyter from PATH: the project's .venv first.
  const env = { ...process.env, PATH: `${VENV_BIN}:${process.env["PATH"]}` };
  const nbgrader = (...args: string[]) => run(join(VENV_BIN, "nbgrader"), args, { cwd: course, env });
  const sourceOf = (a: string) => read(join(course, "source", a, `${a}.ipynb`));
  const releaseOf = (a: string) => read(join(course, "release", a, `${a}.ipynb`));
  let scores: Record<string, number> = {};

  beforeAll(async () => {
    await run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/course.ts"), "--out", course]);
    // One nbgrader run for every assignment (its assignment names are globs): each run costs a Python start-up and a gradebook check.
    await nbgrader("generate_assignment", "*");
    const submit = (student: string, a: string, notebook: Notebook) => {
      mkdirSync(join(course, "submitted", student, a), { recursive: true });
      writeFileSync(join(course, "submitted", student, a, `${a}.ipynb`), JSON.stringify(notebook));
    };
    for (const a of ASSIGNMENTS) {
      submit("solutions", a, submission(releaseOf(a), sourceOf(a), (_, s) => s));
      submit("untouched", a, releaseOf(a));
    }
    const slope = (wrong: string) => (id: string, s: string) => (id === "sigmoidDerivative" ? s.replace("return y * (1 - y);", wrong) : s);
    submit("slope-y", "04-gradient", submission(releaseOf("04-gradient"), sourceOf("04-gradient"), slope("return y;")));
    submit("no-compile", "04-gradient", submission(releaseOf("04-gradient"), sourceOf("04-gradient"), slope("return y * (1 - z);")));
    await nbgrader("autograde", "*", "--create");
    await nbgrader("generate_feedback", "04-gradient");
    scores = JSON.parse(await run(join(VENV_BIN, "python"), ["-c", SCORES], { cwd: course, env })) as Record<string, number>;
  }, 30 * 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The autograder tests of an assignment, as [grade_id, points]. */
  const tests = (a: string) => sourceOf(a).cells.filter((c) => nbgraderOf(c).grade).map((c) => [nbgraderOf(c).grade_id!, nbgraderOf(c).points!] as const);
  const feedback = (student: string) => words(readFileSync(join(course, "feedback", student, "04-gradient", "04-gradient.html"), "utf8"));

  it.each(ASSIGNMENTS)("releases %s with the student edition's stubs and without the hidden tests", (a) => {
    const student = studentEdition(read(join(NOTEBOOKS, `${a}.ipynb`))).cells.filter(isSolution).map((c) => joined(c.source));
    const release = releaseOf(a).cells.filter((c) => nbgraderOf(c).solution);
    expect(release.map((c) => joined(c.source))).toEqual(student);
    expect(sourceOf(a).cells.filter((c) => nbgraderOf(c).grade).every((c) => joined(c.source).includes("// BEGIN HIDDEN TESTS") === GRADING[/check\w+/.exec(joined(c.source))![0]]!.hidden)).toBe(true);
    expect(releaseOf(a).cells.some((c) => /HIDDEN|1986/.test(joined(c.source)))).toBe(false);
  });

  it.each(ASSIGNMENTS)("gives the source's own solutions full marks on %s", (a) => {
    for (const [id, points] of tests(a)) expect(scores[`solutions/${a}/${id}`], id).toBe(points);
  });

  it.each(ASSIGNMENTS)("gives the untouched release zero on every exercise of %s", (a) => {
    expect(tests(a).length).toBeGreaterThan(0);
    for (const [id] of tests(a)) expect(scores[`untouched/${a}/${id}`], id).toBe(0);
  });

  it.each(["slope-y", "no-compile"])("takes from %s exactly the points of the logistic's slope", (student) => {
    for (const [id, points] of tests("04-gradient")) expect(scores[`${student}/04-gradient/${id}`], id).toBe(id === "test_sigmoidDerivative" ? 0 : points);
  });

  it("feeds back the failed exercise and the checker's hint", () => {
    const page = feedback("slope-y");
    expect(page).toMatch(/Exercise 1 · The logistic's slope/);
    expect(page).toMatch(/test_sigmoidDerivative\s+Score: 0\.0 \/ 1\.0/);
    expect(page).toContain("✗ sigmoidDerivative(y = 0.5) returned 0.5, expected 0.25.\n  Hint: that is y alone; the slope of the logistic is y times (1 − y).");
    expect(page).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("keeps nbgrader's files and the grades through a rerun, and refuses a new seed once grades are given", async () => {
    const courseScript = (...args: string[]) =>
      run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/course.ts"), "--out", course, ...args]).then(
        () => ({ code: 0, stderr: "" }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
    // Everything but what the script writes: the gradebook, release/, submitted/, autograded/, feedback/.
    const nbgradersOwn = () =>
      Object.fromEntries(filesUnder(course).filter((p) => !/^source\/|^nbgrader_config\.py$|^\.written-by\.json$/.test(p)).map((p) => [p, readFileSync(join(course, p)).toString("base64")]));
    const sources = () => filesUnder(join(course, "source")).map((p) => readFileSync(join(course, "source", p), "utf8"));
    const before = { files: nbgradersOwn(), source: sources() };
    expect(Object.keys(before.files)).toEqual(expect.arrayContaining(["gradebook.db", "autograded/slope-y/04-gradient/04-gradient.ipynb", "feedback/slope-y/04-gradient/04-gradient.html", "release/04-gradient/04-gradient.ipynb", "submitted/slope-y/04-gradient/04-gradient.ipynb"]));
    expect(await courseScript()).toEqual({ code: 0, stderr: "" });
    expect(nbgradersOwn()).toEqual(before.files);
    const refused = await courseScript("--seed", "7");
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(`npm run course: ${course}: source/04-gradient would change, and autograded/ holds 4 graded submissions of 04-gradient; nothing was written (a new class goes in a new folder: --out DIR)`);
    expect({ files: nbgradersOwn(), source: sources() }).toEqual(before);
    expect(JSON.parse(await run(join(VENV_BIN, "python"), ["-c", SCORES], { cwd: course, env }))).toEqual(scores);
  });

  it("feeds back a cell that did not compile, in the compiler's words and the checker's", () => {
    const page = feedback("no-compile");
    expect(page).toMatch(/Cannot find name 'z'/);
    expect(page).toContain("✗ sigmoidDerivative is not defined: the cell that defines it did not compile");
  });
});

describe("an assignment's source", () => {
  const notebook = read(join(NOTEBOOKS, "04-gradient.ipynb"));

  it("asks for exactly the checkers it knows how to grade", () => {
    const cells = notebook.cells.map((c) => (joined(c.source).startsWith("checkSigmoidDerivative(") ? { ...c, source: "checkSomethingElse(sigmoidDerivative);" } : c));
    expect(() => courseNotebook({ ...notebook, cells }, "04-gradient", 1)).toThrow(/04-gradient: the cell after an exercise should call one of checkSigmoidDerivative/);
  });

  it("imports the checkers from the copy of dist/ beside it, with mustPass", () => {
    const source = courseNotebook(notebook, "04-gradient", 1).cells.map((c) => joined(c.source)).join("\n");
    expect(source).not.toContain("../dist/");
    expect(source).toMatch(/import \{\s*mustPass, [^}]*\} from "\.\/dist\/index"/);
  });
});
