/**
 * The site's in-browser JupyterLab end to end, as a reader with nothing installed meets it:
 * the site built from the notebooks the test run executed under tslab (its "notebooks"
 * project), with the lab, served on 127.0.0.1 and opened in headless Chromium. Notebook 05 is
 * reached from its page's "Run this notebook in your browser" link and run from the Run menu;
 * so is notebook 04, whose checkers then judge a wrong answer; every other notebook is opened
 * in the same lab. Each notebook runs once, in a fresh browser kernel, one at a time; each
 * test reads those runs. The figures every claims cell prints must be tslab's, bit for bit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLite } from "../lite/build";
import { TFJS_SCRIPT } from "../lite/tfjsNames";
import { CLAIMS_MIME } from "../src/notebook/claims";
import { joined } from "../src/notebook/nbformat";
import { TRAINING_PAGE, buildSite } from "../src/site/build";
import { LAB_FOLDER, labHref } from "../src/site/page";
import { verdicts } from "./support/exercises";
import { launchChromium } from "./support/browser";
import { type LabCell, closeNotebook, labCells, labErrors, openAlso, openInLab, runAllCells, saveNotebook, shown } from "./support/lab";
import { type Notebook, ROOT, executedNotebook, notebookNames } from "./support/notebooks";
import { type StaticServer, serveFolder } from "./support/staticServer";
import { FINAL_TITLE, SHOTS } from "./support/trainingNotebook";

const SITE = join(ROOT, "test-artifacts/lite-site");
const GRADIENT_PAGE = "04-gradient";
const names = notebookNames();
const tslab = new Map<string, Notebook>();
let server: StaticServer;
let browser: Browser;
let tab: Page;
/** Every request the tab made that left the site's origin. */
const foreign: string[] = [];

beforeAll(async () => {
  for (const name of names) tslab.set(name, await executedNotebook(name));
  buildSite(names.map((name) => ({ name, notebook: tslab.get(name)! })), SITE, { lab: buildLite });
  server = await serveFolder(SITE);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  context.on("request", (r) => !/^(data|blob):/.test(r.url()) && !r.url().startsWith(`${server.origin}/`) && foreign.push(r.url()));
  tab = await context.newPage();
  // It waits for every notebook's run under tslab, which on a busy machine takes longer than a hook's usual limit.
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A notebook as the browser kernel left it after Run All. */
interface LabRun {
  cells: LabCell[];
  /** The site's files served while it ran. */
  served: string[];
}

const runs = new Map<string, Promise<LabRun>>();
let queue: Promise<unknown> = Promise.resolve();
/** Whether the tab shows the lab, with a notebook open in it. */
let inLab = false;

/** Runs `open` then Run All, after every run before it: one notebook at a time, in the one tab. */
function runOnce(name: string, open: () => Promise<void>): Promise<LabRun> {
  if (!runs.has(name)) {
    const run = queue.then(async () => {
      const from = server.served.length;
      await open();
      const cells = await runAllCells(tab, name);
      return { cells, served: server.served.slice(from) };
    });
    queue = run.catch(() => undefined);
    runs.set(name, run);
  }
  return runs.get(name)!;
}

/** Opens `name`'s page and follows its link into the lab, as a reader does. */
const fromPage = (name: string) =>
  runOnce(name, async () => {
    await tab.goto(`${server.origin}/${name}.html`);
    await tab.getByRole("link", { name: "Run this notebook in your browser" }).click();
    await shown(tab, name);
    inLab = true;
  });

/** Opens `name` in the lab already on show (File → Open), closing the notebook run before it. */
const inOpenLab = (name: string) =>
  runOnce(name, async () => {
    if (inLab) {
      await closeNotebook(tab);
      await openAlso(tab, name);
    } else await openInLab(tab, server.origin, name);
    inLab = true;
  });

const textOf = (cell: LabCell | undefined) => (cell?.outputs ?? []).map((o) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : joined(o.text as string[] | string | undefined) + joined(o.data?.["text/plain"] as string[] | string | undefined))).join("");

/** The figures each claims cell printed, with the cell's position. */
const claimsOf = (cells: readonly { outputs?: { data?: Record<string, unknown> }[] }[]) =>
  cells.flatMap((cell, k) => (cell.outputs ?? []).filter((o) => o.data?.[CLAIMS_MIME] !== undefined).map((o) => ({ cell: k + 1, figures: o.data![CLAIMS_MIME] })));

describe("the site's links into the lab", () => {
  it("every notebook page, its blog variant and the front page link to their notebook in the lab, and a page opened from disk says in one line how to serve it", async () => {
    const pages = [["index.html", names[0]!], ...names.flatMap((n) => [[`${n}.html`, n], [`blog/${n}.html`, n]])] as const;
    const links = pages.map(([page, name]) => {
      const hrefs = [...readFileSync(join(SITE, page), "utf8").matchAll(/<p class="run-in-browser"><a href="([^"]+)">Run this notebook in your browser<\/a><\/p>/g)].map((m) => m[1]);
      return { page, hrefs, expected: [`${page.startsWith("blog/") ? "../" : ""}${labHref(name).replace(/&/g, "&amp;")}`] };
    });
    for (const { page, hrefs, expected } of links) expect(hrefs, page).toEqual(expected);
    expect(readFileSync(join(SITE, LAB_FOLDER, "lab/index.html"), "utf8")).toContain("<html");
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(SITE, `${TRAINING_PAGE}.html`)).href);
    expect(await page.locator(".run-in-browser").innerText()).toMatch(/^[^\n]*serve the site over HTTP: run python3 -m http\.server [^\n]*$/);
    await page.close();
  });
});

describe("notebook 05 from its page", () => {
  it("runs every cell from the Run menu without an error, its live charts end on the run's last sweep, and nothing is fetched from elsewhere", async () => {
    const { cells } = await fromPage(TRAINING_PAGE);
    expect(labErrors(cells)).toEqual([]);
    // The kernel the notebook opened in, without a prompt: the browser kernel, under tslab's name.
    const kernel = await tab.evaluate(() => (window as unknown as { jupyterapp: { shell: { currentWidget: { sessionContext: { session: { kernel: { name: string } } } } } } }).jupyterapp.shell.currentWidget.sessionContext.session.kernel.name);
    expect(kernel).toBe("tslab");
    // The titles drawn in the page, once the renderer has caught up with the kernel's last redraw.
    const titles = () => tab.$$eval(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedPlotly svg .gtitle", (ts) => ts.map((t) => t.textContent ?? ""));
    await expect.poll(titles, { timeout: 30_000 }).toContain(FINAL_TITLE);
    expect((await titles()).filter((t) => t.startsWith("E after"))).toEqual([FINAL_TITLE]);
    await tab.locator(".jp-RenderedPlotly").first().scrollIntoViewIfNeeded();
    await tab.screenshot({ path: join(SHOTS, "lite-e2e-05.png") });
    expect(foreign).toEqual([]);
  });
});

describe("notebook 04 from its page", () => {
  it("runs every cell, its checkers pass on the solutions, and a wrong answer gets its hint", async () => {
    const { cells } = await fromPage(GRADIENT_PAGE);
    expect(labErrors(cells)).toEqual([]);
    const said = verdicts({ ...tslab.get(GRADIENT_PAGE)!, cells: cells as Notebook["cells"] });
    expect(said.length).toBeGreaterThan(0);
    expect(said).toEqual(verdicts(tslab.get(GRADIENT_PAGE)!));
    for (const verdict of said) expect(verdict).toMatch(/^✓/);
    // The first exercise answered with y alone, its checker run again.
    const solution = cells.findIndex((c) => joined(c.source).includes("function sigmoidDerivative("));
    await tab.evaluate((k) => {
      type Cells = { content: { activeCellIndex: number; widgets: { model: { sharedModel: { setSource(s: string): void } } }[] } };
      const app = (window as unknown as { jupyterapp: { shell: { currentWidget: Cells }; commands: { execute(id: string): Promise<unknown> } } }).jupyterapp;
      const notebook = app.shell.currentWidget.content;
      notebook.widgets[k]!.model.sharedModel.setSource("function sigmoidDerivative(y: number): number {\n  return y;\n}");
      notebook.activeCellIndex = k;
      return app.commands.execute("notebook:run-cell-and-select-next").then(() => app.commands.execute("notebook:run-cell"));
    }, solution);
    await expect.poll(async () => textOf((await labCells(tab))[solution + 1]), { timeout: 60_000 }).toMatch(/^✗ sigmoidDerivative.*that is y alone; the slope of the logistic is y times \(1 − y\)\./s);
    expect(foreign).toEqual([]);
  });
});

/**
 * The notebooks that train thousands of nets (minutes of both cores in any kernel): their runs
 * in the browser kernel are left to a run with LITE_STUDIES=1, to keep `npm test` within its budget.
 */
const STUDIES = ["07b-claims-weights", "08b-family-trees-study"];
const withStudies = process.env["LITE_STUDIES"] === "1";

describe.each(names.filter((n) => withStudies || !STUDIES.includes(n)))("notebook %s in the browser kernel", (name) => {
  it("runs to the end, and its claims cells print tslab's figures bit for bit", async () => {
    const { cells } = await inOpenLab(name);
    const errors = labErrors(cells);
    if (errors.length > 0) throw new Error(`${name}, ${errors[0]}`);
    expect(claimsOf(cells)).toEqual(claimsOf(tslab.get(name)!.cells));
    expect(foreign).toEqual([]);
    // A study's minutes of training, on a busy machine: Run All's own limit (runAllCells) is the one that counts.
  }, STUDIES.includes(name) ? 1_500_000 : undefined);
});

describe("notebook 07a's study", () => {
  it("trains its seeds on the site's pool workers, two web workers beside the kernel's", async () => {
    const { served } = await inOpenLab("07a-claims-run-lengths");
    expect(served.filter((path) => path.endsWith("/parallel/seedWorker.js")).length).toBeGreaterThanOrEqual(2);
  });
});

describe("TensorFlow.js in the browser kernel", () => {
  it("is imported as under tslab, from the site's own script, and differentiates", async () => {
    const { cells, served } = await runOnce("tfjs", async () => {
      if (inLab) await closeNotebook(tab);
      else await openInLab(tab, server.origin, names[0]!);
      await saveNotebook(tab, "tfjs", [
        'import * as tf from "@tensorflow/tfjs-core";\nimport "@tensorflow/tfjs-backend-cpu";\nimport "@tensorflow/tfjs-core/dist/register_all_gradients";',
        'await tf.setBackend("cpu");\nconst slope = tf.grad((x: tf.Tensor) => tf.sigmoid(x));\nslope(tf.scalar(0)).dataSync()[0]',
      ]);
      await openAlso(tab, "tfjs");
      inLab = true;
    });
    expect(labErrors(cells)).toEqual([]);
    expect(textOf(cells[1])).toBe("0.25\n");
    expect(served.filter((path) => path.endsWith(`/${TFJS_SCRIPT}`))).toHaveLength(1);
    expect(foreign).toEqual([]);
  });
});
