/**
 * A reader who changes a setting (issue 28): notebook 05 with its settings cell edited, as a
 * reader edits it, runs to the end from a fresh tslab kernel (nbclient, as Run All): no
 * error output, a failed run said in one line under the live chart, every claims table whose
 * numbers are now the reader's run saying so in a line, and exercise 6 checked against the
 * reader's own run, named. The prose's numbers are checked strictly at the paper's settings
 * by notebooks.test.ts. 07a (fewer seeds) and 08a (another seed) run once each at another
 * setting, for their own settings cells. Each setting costs one run of a notebook (about 20 s).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLAIMS_MIME } from "../src/index";
import { type Notebook, joined } from "../src/notebook/nbformat";
import { runNotebook } from "../src/site/execute";
import { NOTEBOOKS, ROOT } from "./support/notebooks";

const PAPER_LINE = "const ε = 0.1, α = 0.9, seed = 588, sweeps = 1425;";

/** Notebook `name` run with its settings line `from` replaced by `to`, in a folder beside a link to dist/. */
async function runWith(work: string, to: string, name = "05-training", from = PAPER_LINE): Promise<Notebook> {
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const source = readFileSync(join(NOTEBOOKS, `${name}.ipynb`), "utf8");
  expect(source).toContain(json(from));
  const folder = mkdtempSync(join(work, "run-"));
  mkdirSync(join(folder, "notebooks"));
  symlinkSync(join(ROOT, "dist"), join(folder, "dist"));
  const path = join(folder, `notebooks/${name}.ipynb`);
  writeFileSync(path, source.replace(json(from), json(to)));
  await runNotebook(path, join(folder, "out.ipynb"));
  return JSON.parse(readFileSync(join(folder, "out.ipynb"), "utf8")) as Notebook;
}

/** Each code cell's printed text and the text of its rich outputs. */
const textOf = (cell: Notebook["cells"][number]) => (cell.outputs ?? []).map((o) => joined(o.text) + joined(o.data?.["text/plain"] as string | string[] | undefined)).join("\n");

describe.each([
  { setting: "ε = 0.25", line: "const ε = 0.25, α = 0.9, seed = 588, sweeps = 1425;", run: /^Not solved in 1,425 sweeps \(E = 4\.0000\): momentum carried the first steps/ },
  { setting: "seed = 1", line: "const ε = 0.1, α = 0.9, seed = 1, sweeps = 1425;", run: /^Not solved in 1,425 sweeps \(E = 3\.99\d\d\): momentum carried the first steps/ },
  { setting: "α = 0", line: "const ε = 0.1, α = 0, seed = 588, sweeps = 1425;", run: /^Not solved in 1,425 sweeps \(E = 3\.3889\): the hidden units tell cases apart, but \d+ palindromes and \d+ other vectors are still on the wrong side of ½/ },
])("notebook 05 at $setting", ({ setting, line, run }) => {
  const work = mkdtempSync(join(tmpdir(), "backprop-settings-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let executed: Notebook;

  it("runs every cell to the end with no error output", async () => {
    executed = await runWith(work, line);
    const code = executed.cells.filter((c) => c.cell_type === "code");
    expect(code.every((c) => typeof c.execution_count === "number")).toBe(true);
    const errors = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error" || o.name === "stderr"));
    expect(errors).toEqual([]);
  });

  it("says under the live chart, in one line, that the run failed and why", () => {
    const live = executed.cells.find((c) => joined(c.source).includes("await trainLive("))!;
    const said = (live.outputs ?? []).filter((o) => o.output_type === "stream" || o.output_type === "execute_result").map((o) => joined(o.text) + joined(o.data?.["text/plain"] as string | undefined)).join("").trim();
    expect(said.split("\n")).toHaveLength(1);
    expect(said).toMatch(run);
  });

  it("says under each claims table that follows the settings that its numbers are the reader's run, naming the nulls", () => {
    const claims = executed.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.data?.[CLAIMS_MIME] !== undefined));
    const notes = claims.map((o) => joined(o.data!["text/plain"] as string | string[]).split("\n").at(-1)!);
    const yours = notes.filter((n) => n.startsWith(`With your settings (${setting}), `));
    // Every claims table but those whose cell says its numbers do not follow the settings (seed 5's plateau, the plateau's length).
    const fixed = executed.cells.filter((c) => joined(c.source).includes("followsSettings: false")).length;
    expect(fixed).toBeGreaterThan(0);
    expect(yours.length).toBe(claims.length - fixed);
    for (const note of yours) expect(note).toMatch(/these are your run's numbers; the prose describes the paper's run\.$/);
    // The first sweep ever solved: null for a run that never solves, shown so in its table, and the nulls counted beneath.
    const acts = joined(claims.find((o) => joined(o.data!["text/plain"] as string[]).includes("sweep first solved"))!.data!["text/plain"] as string[]);
    expect(acts).toMatch(/^sweep first solved +null *$/m);
    expect(acts.split("\n").at(-1)).toMatch(/^With your settings \([^)]*\), (?:\d+ of these numbers are|.* (?:is|are)) null and these are your run's numbers/);
    // Seed 5's plateau, at the paper's settings whatever the reader's: no note.
    const seed5 = executed.cells.find((c) => joined(c.source).includes("plateauEscape(5)"))!;
    expect(textOf(seed5)).not.toMatch(/your settings|the prose describes/);
  });

  it("checks exercise 6 against the reader's own run, and names it", () => {
    const check = executed.cells.find((c) => joined(c.source).trim() === "checkPrediction(prediction);")!;
    expect(textOf(check)).toMatch(new RegExp(`in your run \\(ε = ${line.match(/ε = ([\d.]+)/)![1]}, α = ${line.match(/α = ([\d.]+)/)![1]}, seed ${line.match(/seed = (\d+)/)![1]}, 1,425 sweeps\\)`));
    expect(textOf(check)).toMatch(/though that run did not solve the task/);
  });
});

// The other training notebooks' settings cells (their owners' ranges and claims), each at one other setting.
describe.each([
  { name: "07a-claims-run-lengths", from: "const studySeeds = 1000, cap = 30_000, continueTo = 60_000;", to: "const studySeeds = 20, cap = 30_000, continueTo = 60_000;", setting: "studySeeds = 20" },
  { name: "08a-family-trees", from: "const range = 0.3, seed = 1, split = 1;", to: "const range = 0.3, seed = 2, split = 1;", setting: "seed = 2" },
])("notebook $name at $setting", ({ name, from, to, setting }) => {
  const work = mkdtempSync(join(tmpdir(), "backprop-settings-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("runs every cell to the end with no error output, its claims tables saying they hold the reader's run", async () => {
    const executed = await runWith(work, to, name, from);
    const code = executed.cells.filter((c) => c.cell_type === "code");
    expect(code.every((c) => typeof c.execution_count === "number")).toBe(true);
    expect(code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error" || o.name === "stderr"))).toEqual([]);
    const notes = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.data?.[CLAIMS_MIME] !== undefined)).map((o) => joined(o.data!["text/plain"] as string[]).split("\n").at(-1)!);
    expect(notes.filter((n) => n.startsWith(`With your settings (${setting})`)).length).toBeGreaterThan(0);
  });
});
