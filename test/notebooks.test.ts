/**
 * What every notebook of the series must do: run top to bottom from a fresh tslab kernel
 * without an error, write every figure of its prose either as computed by a code cell
 * above or as declared given (src/notebook/claims.ts), and be committed stripped of outputs.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { CLAIMS_MIME, type ClaimMark, type Claims, markAgrees, proseNumbers, proseWords } from "../src/index";
import { type Notebook, NOTEBOOKS, ROOT, executedNotebook, notebookNames, readNotebook, sourceOf } from "./support/notebooks";

/**
 * Each checked number in the prose with the value the notebook computed for its key: a
 * computed mark takes the claims shown by the code cells above it; a named given figure,
 * a setting the code may show further down, takes every claim of the notebook.
 */
function marksWithClaims(notebook: Notebook) {
  const shown: Claims = {};
  const computed: { mark: ClaimMark; value: number | undefined }[] = [];
  const given: ClaimMark[] = [];
  for (const cell of notebook.cells) {
    if (cell.cell_type === "markdown") {
      const found = proseNumbers(sourceOf(cell));
      for (const mark of found.computed) computed.push({ mark, value: shown[mark.key] });
      for (const { mark } of found.given) if (mark) given.push(mark);
    }
    for (const output of cell.outputs ?? []) Object.assign(shown, output.data?.[CLAIMS_MIME] as Claims | undefined);
  }
  return [...computed, ...given.map((mark) => ({ mark, value: shown[mark.key] }))];
}

const names = notebookNames();

/** About what a class reads in one sitting (issue 23): a longer notebook is split in two. */
const MAX_PROSE_WORDS = 2500;

describe.each(names)("notebook %s", (name) => {
  const committed = readNotebook(join(NOTEBOOKS, `${name}.ipynb`));

  it(`keeps its prose to a class's length: no more than ${MAX_PROSE_WORDS.toLocaleString("en-US")} words`, () => {
    const words = committed.cells.filter((c) => c.cell_type === "markdown").reduce((sum, c) => sum + proseWords(sourceOf(c)), 0);
    expect(words).toBeLessThanOrEqual(MAX_PROSE_WORDS);
  });

  it("runs on the tslab kernel", () => {
    expect(committed.metadata.kernelspec?.name).toBe("tslab");
  });

  it("executes top to bottom from a fresh kernel with no error output", async () => {
    const executed = await executedNotebook(name);
    const errors = executed.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error" || (o.output_type === "stream" && (o as { name?: string }).name === "stderr")));
    expect(errors).toEqual([]);
  });

  it("saves charts as Plotly JSON, never with plotly.js embedded", async () => {
    const executed = await executedNotebook(name);
    for (const output of executed.cells.flatMap((c) => c.outputs ?? [])) {
      expect(JSON.stringify(output.data ?? {})).not.toMatch(/plotly\.min\.js|Plotly\.newPlot|define\("plotly"/);
    }
  });

  it("marks every figure of its prose as computed or given, each mark after its figure with no space", () => {
    const markdown = committed.cells.filter((c) => c.cell_type === "markdown").map(sourceOf);
    expect(markdown.flatMap((text) => proseNumbers(text).unmarked), "figures with no mark").toEqual([]);
    expect(markdown.flatMap((text) => proseNumbers(text).faults), "malformed marks").toEqual([]);
  });

  it("quotes in prose only numbers it computed (above, unless a named given figure), as the computation rounds them", async () => {
    const executed = await executedNotebook(name);
    for (const { mark, value } of marksWithClaims(executed)) {
      expect(value, `${mark.text}<!--${mark.key}--> has no claim shown above it`).toBeDefined();
      expect(markAgrees(mark, value!), `${mark.text}<!--${mark.key}--> but the notebook computed ${value}`).toBe(true);
    }
  });
});

const gitIn = (repo: string, ...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", maxBuffer: 1 << 26 });
/** Git without blocking the test worker (a busy machine makes each call slow). */
const git = async (repo: string, ...args: string[]) => (await promisify(execFile)("git", args, { cwd: repo, encoding: "utf8", maxBuffer: 1 << 26 })).stdout;

/** The code cells of a notebook as git holds it (`HEAD:path`) or would commit it (`:path`, the index) that carry an output or a count. */
async function unstrippedCells(repo: string, blob: string): Promise<string[]> {
  const notebook = JSON.parse(await git(repo, "show", blob)) as Notebook;
  return notebook.cells.filter((c) => c.cell_type === "code" && ((c.outputs ?? []).length > 0 || c.execution_count !== null)).map((c) => sourceOf(c).slice(0, 80));
}

/** Each notebook in git's index, and in HEAD when it is committed there. */
function heldBlobs(repo: string): string[] {
  const inHead = new Set(gitIn(repo, "ls-tree", "-r", "--name-only", "HEAD", "--", "notebooks").split("\n"));
  const tracked = gitIn(repo, "ls-files", "--", "notebooks/*.ipynb").split("\n").filter(Boolean);
  return tracked.flatMap((path) => [`:${path}`, ...(inHead.has(path) ? [`HEAD:${path}`] : [])]);
}

// What git holds and would commit, not the working copy: a reader's JupyterLab saves outputs
// into notebooks/, and the nbstripout filter (.gitattributes) strips them on `git add`.
describe("the notebooks as git holds them (HEAD) and would commit them (the index)", () => {
  it.each(heldBlobs(ROOT))("%s is stripped: no outputs, no execution counts", async (blob) => {
    expect(await unstrippedCells(ROOT, blob)).toEqual([]);
  });
});

describe("a notebook a reader saved with its outputs", () => {
  const clone = mkdtempSync(join(tmpdir(), "backprop-strip-"));
  const path = "notebooks/01-architecture.ipynb";
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it("stages stripped, and leaves what git holds stripped", async () => {
    // A clone of what is committed here, with the filter registered as setup registers it. Its
    // working tree holds only what the steps use: git re-reads every file checked out in the
    // same second as its index through the filter (2 s of Python each) before trusting it.
    await git(ROOT, "clone", "--quiet", "--shared", "--no-checkout", ROOT, clone);
    await git(clone, "reset", "--quiet");
    await git(clone, "checkout", "--", ".gitattributes", "scripts/strip-outputs.sh");
    mkdirSync(join(clone, "notebooks"));
    symlinkSync(join(ROOT, ".venv"), join(clone, ".venv"));
    await promisify(execFile)("bash", [join(clone, "scripts/strip-outputs.sh")]);
    const executed = await executedNotebook("01-architecture");
    expect(executed.cells.some((c) => (c.outputs ?? []).length > 0)).toBe(true);
    writeFileSync(join(clone, path), JSON.stringify(executed, null, 1));
    expect((await Promise.all(heldBlobs(clone).map((blob) => unstrippedCells(clone, blob)))).flat()).toEqual([]);
    await git(clone, "add", path);
    expect(await git(clone, "diff", "--cached", "--no-textconv")).not.toMatch(/"output_type"|"execution_count": \d/);
    expect(await unstrippedCells(clone, `:${path}`)).toEqual([]);
    // The executed notebook's cells are what it staged; of what the kernel says of its language,
    // only the name, as committed, so a notebook run and saved stages as the committed one.
    const staged = JSON.parse(await git(clone, "show", `:${path}`)) as Notebook;
    expect(staged.cells.map(sourceOf)).toEqual(executed.cells.map(sourceOf));
    expect(Object.keys(executed.metadata["language_info"] as object).length).toBeGreaterThan(1);
    expect(staged.metadata["language_info"]).toEqual({ name: "typescript" });
  });
});

describe("the series", () => {
  it("has notebooks", () => {
    expect(names.length).toBeGreaterThan(0);
  });
});
