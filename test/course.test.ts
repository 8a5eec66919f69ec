/**
 * The nbgrader course, end to end with real nbgrader and the tslab kernel, in a temp
 * directory: `npm run course`'s script writes it, nbgrader releases it, four students
 * submit (04 through a course site's download and zip_collect), nbgrader grades them and
 * writes their feedback, which a browser opens offline.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import { PLOTLY_MIME } from "../src/index";
import { type Cell, type Notebook, joined } from "../src/notebook/nbformat";
import { filesUnder } from "../src/io/ownedFolder";
import { GRADING, courseNotebook } from "../src/teaching/course";
import { isSolution, solutionSource, studentEdition } from "../src/teaching/editions";
import { launchChromium } from "./support/browser";
import { NOTEBOOKS, ROOT } from "./support/notebooks";
import { SCREENS, visit } from "./support/siteVisit";

const VENV_BIN = join(ROOT, ".venv/bin");
const ASSIGNMENTS = ["04-gradient", "05-training", "06-weights", "08a-family-trees", "09-iterative-nets"];
/** The assignments after 04, each submitted by two students as `nbgrader collect` leaves them. */
const COLLECTED = ASSIGNMENTS.slice(1);
// Asynchronous, so that vitest's worker stays responsive through minutes of grading.
const run = async (file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  (await promisify(execFile)(file, args, { ...options, maxBuffer: 1 << 26 })).stdout;
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Notebook;
const nbgraderOf = (cell: Cell) => (cell.metadata?.["nbgrader"] ?? {}) as { grade_id?: string; solution?: boolean; grade?: boolean; points?: number };
/** The students, by their ids on the course site (Canvas user ids). */
const ID = { solutions: "1001", untouched: "1002", "slope-y": "1003", "no-compile": "1004" };
/**
 * Each 04 submission as Canvas's "Download Submissions" zip names it: LASTFIRST_USERID_FILEID_NAME,
 * LASTFIRST_LATE_… for a late one, and a copy number (NAME-1) on one that was uploaded again.
 */
const CANVAS = {
  solutions: "hackeralyssa_1001_52001_04-gradient.ipynb",
  untouched: "bitdiddleben_LATE_1002_52002_04-gradient.ipynb",
  "slope-y": "reasonerlouis_1003_52003_04-gradient-1.ipynb",
  "no-compile": "tweakitcy_1004_52004_04-gradient.ipynb",
};
const ZIP = "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n    for f in sys.argv[2:]: z.write(f, f.rsplit('/', 1)[1])";

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

/** The template the formgrader draws a submission with, configured as it configures itself: its own settings, then the course's config over them. */
const FORMGRADER = `
from nbconvert.exporters import HTMLExporter
from nbgrader.apps.baseapp import NbGrader
from nbgrader.server_extensions.formgrader.formgrader import FormgradeExtension
app = NbGrader()
app.update_config(FormgradeExtension().build_extra_config())
app.load_config_file()
print(HTMLExporter(config=app.config).template_name)
`;

describe("the nbgrader course", () => {
  const dir = mkdtempSync(join(tmpdir(), "course-"));
  const course = join(dir, "course");
  // nbgrader calls alembic and jupyter from PATH: the project's .venv first. The kernel finds
  // tslab, which draws the charts, through NODE_PATH, as the README says outside a clone.
  const env = { ...process.env, PATH: `${VENV_BIN}:${process.env["PATH"]}`, NODE_PATH: join(ROOT, "node_modules") };
  /** What an nbgrader command said: its log (stderr) and its output. */
  const nbgrader = async (...args: string[]) => {
    const { stdout, stderr } = await promisify(execFile)(join(VENV_BIN, "nbgrader"), args, { cwd: course, env, maxBuffer: 1 << 26 });
    return stderr + stdout;
  };
  const logs: Record<string, string> = {};
  const sourceOf = (a: string) => read(join(course, "source", a, `${a}.ipynb`));
  const releaseOf = (a: string) => read(join(course, "release", a, `${a}.ipynb`));
  let scores: Record<string, number> = {};

  beforeAll(async () => {
    await run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/course.ts"), "--out", course]);
    // One nbgrader run for every assignment (its assignment names are globs): each run costs a Python start-up and a gradebook check.
    logs["generate_assignment"] = await nbgrader("generate_assignment", "*");
    const slope = (wrong: string) => (id: string, s: string) => (id === "sigmoidDerivative" ? s.replace("return y * (1 - y);", wrong) : s);
    const gradient = { release: releaseOf("04-gradient"), source: sourceOf("04-gradient") };
    // slope-y also empties the test of its answer, which autograde puts back (and warns of).
    const emptied = (nb: Notebook) => ({ ...nb, cells: nb.cells.map((c) => (nbgraderOf(c).grade_id === "test_sigmoidDerivative" ? { ...c, source: "// passes" } : c)) });
    const submissions04 = {
      solutions: submission(gradient.release, gradient.source, (_, s) => s),
      untouched: gradient.release,
      "slope-y": emptied(submission(gradient.release, gradient.source, slope("return y;"))),
      "no-compile": submission(gradient.release, gradient.source, slope("return y * (1 - z);")),
    };
    // 04 comes as a course site's download: one zip in downloaded/04-gradient/archive/, collected by zip_collect.
    const download = join(dir, "download");
    mkdirSync(download);
    for (const [student, notebook] of Object.entries(submissions04)) writeFileSync(join(download, CANVAS[student as keyof typeof CANVAS]), JSON.stringify(notebook));
    mkdirSync(join(course, "downloaded/04-gradient/archive"), { recursive: true });
    await run(join(VENV_BIN, "python"), ["-c", ZIP, join(course, "downloaded/04-gradient/archive/submissions.zip"), ...Object.values(CANVAS).map((f) => join(download, f))]);
    logs["zip_collect"] = await nbgrader("zip_collect", "04-gradient");
    // The others as `nbgrader collect` leaves them.
    for (const a of COLLECTED) {
      for (const [student, notebook] of [["solutions", submission(releaseOf(a), sourceOf(a), (_, s) => s)], ["untouched", releaseOf(a)]] as const) {
        mkdirSync(join(course, "submitted", ID[student], a), { recursive: true });
        writeFileSync(join(course, "submitted", ID[student], a, `${a}.ipynb`), JSON.stringify(notebook));
      }
    }
    logs["autograde"] = await nbgrader("autograde", "*", "--create");
    logs["generate_feedback"] = await nbgrader("generate_feedback", "*");
    scores = JSON.parse(await run(join(VENV_BIN, "python"), ["-c", SCORES], { cwd: course, env })) as Record<string, number>;
  }, 30 * 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The autograder tests of an assignment, as [grade_id, points]. */
  const tests = (a: string) => sourceOf(a).cells.filter((c) => nbgraderOf(c).grade).map((c) => [nbgraderOf(c).grade_id!, nbgraderOf(c).points!] as const);
  const feedbackFile = (student: keyof typeof ID, a: string) => join(course, "feedback", ID[student], a, `${a}.html`);
  const feedback = (student: keyof typeof ID) => words(readFileSync(feedbackFile(student, "04-gradient"), "utf8"));

  it("collects a course site's download with zip_collect, each student by their id, late and resubmitted files too", () => {
    expect(filesUnder(join(course, "submitted")).filter((p) => p.endsWith(".ipynb")).sort()).toEqual(
      [...Object.values(ID).map((id) => `${id}/04-gradient/04-gradient.ipynb`), ...COLLECTED.flatMap((a) => [ID.solutions, ID.untouched].map((id) => `${id}/${a}/${a}.ipynb`))].sort(),
    );
    expect(logs["zip_collect"]).toContain("4 files collected");
    expect(logs["zip_collect"]).not.toMatch(/Skipped|Invalid|did not match|\| ERROR\]/);
  });

  it("autogrades an untouched release without a checksum warning, and warns of a test a student changed", () => {
    expect([...logs["autograde"]!.matchAll(/Attribute '(\w+)' for cell (\w+) has changed/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["checksum test_sigmoidDerivative"]);
  });

  it("prints no SQLAlchemy warning or traceback", () => {
    for (const [step, log] of Object.entries(logs)) expect(log, step).not.toMatch(/SAWarning|Traceback|\| ERROR\]/);
  });

  it.each(ASSIGNMENTS)("releases %s with the student edition's stubs and without the hidden tests", (a) => {
    const student = studentEdition(read(join(NOTEBOOKS, `${a}.ipynb`))).cells.filter(isSolution).map((c) => joined(c.source));
    const release = releaseOf(a).cells.filter((c) => nbgraderOf(c).solution);
    expect(release.map((c) => joined(c.source))).toEqual(student);
    expect(sourceOf(a).cells.filter((c) => nbgraderOf(c).grade).every((c) => joined(c.source).includes("// BEGIN HIDDEN TESTS") === GRADING[/check\w+/.exec(joined(c.source))![0]]!.hidden)).toBe(true);
    expect(releaseOf(a).cells.some((c) => /HIDDEN|1986/.test(joined(c.source)))).toBe(false);
  });

  it.each(ASSIGNMENTS)("gives the source's own solutions full marks on %s", (a) => {
    for (const [id, points] of tests(a)) expect(scores[`${ID.solutions}/${a}/${id}`], id).toBe(points);
  });

  it.each(ASSIGNMENTS)("gives the untouched release zero on every exercise of %s", (a) => {
    expect(tests(a).length).toBeGreaterThan(0);
    for (const [id] of tests(a)) expect(scores[`${ID.untouched}/${a}/${id}`], id).toBe(0);
  });

  it.each(["slope-y", "no-compile"] as const)("takes from %s exactly the points of the logistic's slope", (student) => {
    for (const [id, points] of tests("04-gradient")) expect(scores[`${ID[student]}/04-gradient/${id}`], id).toBe(id === "test_sigmoidDerivative" ? 0 : points);
  });

  it("feeds back each exercise's score by its name, the failed exercise and the checker's hint", () => {
    const page = feedback("slope-y");
    const named = sourceOf("04-gradient").cells.filter((c) => nbgraderOf(c).grade).map((c) => [c.metadata!["exercise"] as string, nbgraderOf(c).points!] as const);
    expect(named.map(([exercise]) => exercise.split(" · ")[0])).toEqual(["Exercise 1", "Exercise 2", "Exercise 3", "Exercise 4"]);
    expect(page).toContain(`04-gradient: 7 of 8 points`);
    for (const [exercise, points] of named) expect(page).toContain(`${exercise}: ${exercise.startsWith("Exercise 1 ") ? 0 : points} of ${points}`);
    expect(page).not.toContain("Test cell");
    expect(page).toContain("✗ sigmoidDerivative(y = 0.5) returned 0.5, expected 0.25.\n  Hint: that is y alone; the slope of the logistic is y times (1 − y).");
    expect(page).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace (a frame: "at f (file:line:column)")
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
    const slopeY = ID["slope-y"];
    expect(Object.keys(before.files)).toEqual(expect.arrayContaining(["gradebook.db", `autograded/${slopeY}/04-gradient/04-gradient.ipynb`, `feedback/${slopeY}/04-gradient/04-gradient.html`, "release/04-gradient/04-gradient.ipynb", `submitted/${slopeY}/04-gradient/04-gradient.ipynb`]));
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

  it("leaves the formgrader its own template, for grading by hand", async () => {
    expect((await run(join(VENV_BIN, "python"), ["-c", FORMGRADER], { cwd: course, env })).trim()).toBe("formgrade");
  });

  it("feeds back offline, as the HTML export draws: equations typeset, charts drawn, nothing fetched", async () => {
    const file = feedbackFile("solutions", "05-training");
    expect(readFileSync(file, "utf8")).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
    const charts = read(join(course, "autograded", ID.solutions, "05-training", "05-training.ipynb"))
      .cells.flatMap((c) => c.outputs ?? [])
      .filter((o) => o.data?.[PLOTLY_MIME] !== undefined).length;
    expect(charts).toBeGreaterThan(0);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      tab.setDefaultNavigationTimeout(180_000);
      const { page, errors, foreign, failed, end } = await visit(tab, pathToFileURL(file).href, (url) => /^(file|blob):/.test(url), { width: 1280, height: 900 });
      expect(await page.$$eval(".js-plotly-plot", (plots) => plots.filter((p) => p.querySelector("svg.main-svg .trace")).length)).toBe(charts);
      expect(await page.locator(".katex").count()).toBeGreaterThan(0);
      expect(await page.locator(".feedback-scores li").allInnerTexts()).toEqual(sourceOf("05-training").cells.filter((c) => nbgraderOf(c).grade).map((c) => `${c.metadata!["exercise"] as string}: ${nbgraderOf(c).points!} of ${nbgraderOf(c).points!}`));
      await page.screenshot({ path: join(SCREENS, "course-feedback.png") });
      await page.locator(".feedback-mark").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENS, "course-feedback-exercise.png") });
      expect({ errors, foreign, failed }).toEqual({ errors: [], foreign: [], failed: [] });
      end();
    } finally {
      await browser.close();
    }
  }, 300_000);
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

  it("names each test by its exercise's heading, as the student read it", () => {
    const named = courseNotebook(notebook, "04-gradient", 1).cells.filter((c) => nbgraderOf(c).grade).map((c) => c.metadata!["exercise"]);
    const headings = notebook.cells.flatMap((c) => (c.cell_type === "markdown" ? [...joined(c.source).matchAll(/^### (Exercise \d.*)$/gm)].map((m) => m[1]) : []));
    expect(named).toHaveLength(4);
    expect(named).toEqual(headings);
  });
});
