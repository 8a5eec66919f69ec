/**
 * End to end, as a reader would: the project's JupyterLab on a free loopback port, a
 * notebook opened in headless Chromium, Run All Cells from the Run menu, every chart drawn,
 * the live charts in the run's final state, and no error shown; then saved, reloaded, and
 * the saved charts drawn again without running anything, in JupyterLab and in Notebook 7,
 * and exported from the server's nbconvert as the menu exports them. A long live run stopped
 * from the Kernel menu. Notebook 05 with its settings cell edited as a reader edits it (ε 0.25)
 * and run: every cell runs, the failed run said in a line, no stack trace, and each live
 * chart's output the same height at every sample through the run. Works on a temporary copy of notebooks/ (with dist/ linked beside it,
 * as the notebooks import ../dist), so the committed notebooks stay stripped; it needs no
 * executed notebook, so it runs beside the core tests (export-html.test.ts opens the export
 * of the executed one).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { freePort, waitForServer } from "./support/jupyterServer";
import { NOTEBOOKS, ROOT } from "./support/notebooks";
import { CHARTS, FINAL_TITLE, NOTEBOOK, SHOTS, SWEEPS } from "./support/trainingNotebook";

/** The notebook on show (JupyterLab keeps other tabs' cells in the page, hidden). */
const PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)";

/** The Plotly outputs of the notebook on show: JupyterLab's Plotly renderer marks its output nodes so. */
const PLOTS = `${PANEL} .jp-OutputArea-output.jp-RenderedPlotly`;

/** Run → Run All Cells, done when every code cell has an execution count and none is still waiting ([*]); a screenshot if it never is. */
async function runAllCells(page: Page): Promise<void> {
  await page.getByRole("menuitem", { name: "Run", exact: true }).click();
  await page.getByRole("menuitem", { name: "Run All Cells", exact: true }).click();
  await page
    .waitForFunction(
      (panel) => {
        const prompts = Array.from(document.querySelectorAll(`${panel} .jp-CodeCell .jp-InputArea-prompt`)).map((p) => p.textContent ?? "");
        return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p));
      },
      PANEL,
      { timeout: 120_000 },
    )
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-failure.png"), fullPage: true });
      throw err;
    });
}

/**
 * Draws one chart as a reader gets it drawn, in a bounded poll: scroll to it and point at
 * it. A reopened notebook shows a saved chart as the picture JupyterLab's Plotly renderer
 * stored beside its JSON, and draws the chart when the pointer enters that picture. The
 * picture decodes after the page loads, and until then it has no size, so a pointer that
 * came early is not in it, and stays outside it (no "enter") once it appears: that was the
 * Notebook 7 step failing on 2 of 4 first loads. So the pointer leaves and comes back until
 * the chart is drawn.
 */
async function drawChart(page: Page, plot: Locator): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await plot.locator("svg.main-svg").count()) === 0) {
    if (Date.now() > deadline) throw new Error("a chart was not drawn within 30 s of scrolling to it and pointing at it");
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    await page.mouse.move(0, 0);
    if (box !== null && box.height > 0) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(250);
  }
}

/** Draws every chart of the notebook on show and returns, chart by chart, how many traces it drew. */
async function drawnCharts(page: Page, count: number): Promise<number[]> {
  const traces: number[] = [];
  try {
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length >= n, [PLOTS, count] as const, { timeout: 60_000 });
    for (const plot of await page.locator(PLOTS).all()) {
      await drawChart(page, plot);
      traces.push(await plot.locator("svg.main-svg .trace").count());
    }
  } catch (err) {
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-failure.png") });
    throw new Error(`expected ${count} drawn charts, saw ${traces.length} (screenshot in test-artifacts/): ${String(err)}`);
  }
  return traces;
}

/** What a reader sees of each drawn chart: the title in its SVG, and the last sweep its traces reach (from the graph's data). */
function chartStates(page: Page): Promise<{ title: string; lastSweep: number }[]> {
  return page.$$eval(PLOTS, (plots) =>
    plots.map((plot) => {
      const traces = (plot as HTMLElement & { data?: { x?: number[] }[] }).data ?? [];
      return { title: plot.querySelector("svg .gtitle")?.textContent ?? "", lastSweep: Math.max(...traces.map((t) => Number(t.x?.at(-1)))) };
    }),
  );
}

/** Notebook 05's live charts as the run leaves them: E and the weights, up to the last sweep. */
const LIVE_FINAL = [
  { title: FINAL_TITLE, lastSweep: SWEEPS },
  { title: "Weights into the hidden units", lastSweep: SWEEPS },
];
const liveCharts = (states: { title: string; lastSweep: number }[]) => states.filter((c) => /^E after|^Weights into the hidden units$/.test(c.title));

/** Notebook 05's live charts once drawn, polled while the front end catches up with the kernel's last redraws. */
async function finalLiveCharts(page: Page): Promise<{ title: string; lastSweep: number }[]> {
  const deadline = Date.now() + 30_000;
  let seen = liveCharts(await chartStates(page));
  while (JSON.stringify(seen) !== JSON.stringify(LIVE_FINAL) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    seen = liveCharts(await chartStates(page));
  }
  return seen;
}

describe("the notebooks in JupyterLab, in a real browser", () => {
  const work = mkdtempSync(join(tmpdir(), "backprop-e2e-"));
  const token = randomBytes(16).toString("hex");
  let base = "";
  let server: ChildProcess;
  let output = "";
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const notebooks = join(work, "notebooks");
    cpSync(NOTEBOOKS, notebooks, { recursive: true });
    symlinkSync(join(ROOT, "dist"), join(work, "dist"));
    for (const dir of ["config", "data", "runtime", "workspaces"]) mkdirSync(join(work, dir));
    // Lab settings for the test's private profile: keep every cell in the page (JupyterLab
    // otherwise detaches cells scrolled out of view, charts included) and ask no questions.
    const settings = join(work, "config/lab/user-settings/@jupyterlab");
    mkdirSync(join(settings, "notebook-extension"), { recursive: true });
    mkdirSync(join(settings, "apputils-extension"), { recursive: true });
    writeFileSync(join(settings, "notebook-extension/tracker.jupyterlab-settings"), JSON.stringify({ windowingMode: "none" }));
    writeFileSync(join(settings, "apputils-extension/notification.jupyterlab-settings"), JSON.stringify({ fetchNews: "false" }));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(
      join(ROOT, ".venv/bin/jupyter"),
      ["lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", `--ServerApp.port=${port}`, "--ServerApp.port_retries=0", `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${notebooks}`, `--LabServerApp.workspaces_dir=${join(work, "workspaces")}`],
      // A private Jupyter config, data and runtime: nothing of the user's is read or written;
      // and the reader's configuration that `npm start` (scripts/start.sh) adds.
      { env: { ...process.env, JUPYTER_CONFIG_DIR: join(work, "config"), JUPYTER_DATA_DIR: join(work, "data"), JUPYTER_RUNTIME_DIR: join(work, "runtime"), JUPYTER_CONFIG_PATH: join(ROOT, "jupyter/reader") }, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    await waitForServer(`${base}/api/status?token=${token}`, server, () => output.slice(-3000));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      await fetch(`${base}/api/shutdown?token=${token}`, { method: "POST" }).catch(() => server.kill("SIGTERM"));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    rmSync(work, { recursive: true, force: true });
  });

  it(`runs ${NOTEBOOK} from the Run menu, draws every chart and shows no error`, async () => {
    await page.goto(`${base}/lab/tree/${NOTEBOOK}?token=${token}`);
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    await page.getByText("TypeScript | Idle").waitFor({ timeout: 60_000 });
    // A reader's lab: none of nbgrader's teacher tools, though .venv holds nbgrader for the course.
    const menus = await page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").allTextContents();
    expect(menus).toContain("Run");
    expect(menus).not.toContain("Nbgrader");
    expect(await page.locator(".jp-Toolbar-item").filter({ hasText: /Validate/ }).count()).toBe(0);
    await runAllCells(page);
    const charts = await drawnCharts(page, CHARTS);
    expect(charts).toHaveLength(CHARTS);
    for (const traces of charts) expect(traces).toBeGreaterThan(0);
    expect(await finalLiveCharts(page)).toEqual(LIVE_FINAL);
    await page.locator(PLOTS).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-run.png"), fullPage: false });
    expect(await page.locator(`${PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']`).count()).toBe(0);
  });

  it("draws the saved charts again after a reload, without running anything", async () => {
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => !document.querySelector(".jp-mod-dirty"), undefined, { timeout: 30_000 });
    await page.reload();
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    const charts = await drawnCharts(page, CHARTS);
    await page.locator(PLOTS).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-reloaded.png"), fullPage: false });
    expect(charts).toHaveLength(CHARTS);
    for (const traces of charts) expect(traces).toBeGreaterThan(0);
    expect(liveCharts(await chartStates(page))).toEqual(LIVE_FINAL);
  });

  it("exports the saved notebook from JupyterLab's menu (the server's nbconvert) with the offline chart template", async () => {
    const html = await (await fetch(`${base}/nbconvert/html/${NOTEBOOK}?download=false&token=${token}`)).text();
    expect(html.match(/\* plotly\.js v\d/g)).toHaveLength(1);
    expect(html.match(/<script [^>]*class="figure"/g)).toHaveLength(CHARTS);
  });

  it("draws the saved charts in Jupyter Notebook 7 too, the live ones in their final state", async () => {
    await page.goto(`${base}/notebooks/${NOTEBOOK}?token=${token}`);
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    const charts = await drawnCharts(page, CHARTS);
    await page.screenshot({ path: join(SHOTS, "e2e-notebook7.png") });
    expect(charts).toHaveLength(CHARTS);
    for (const traces of charts) expect(traces).toBeGreaterThan(0);
    expect(liveCharts(await chartStates(page))).toEqual(LIVE_FINAL);
  });

  it("stops a live run at its next chunk on Kernel → Interrupt, in one line, and keeps the kernel and earlier variables", async () => {
    const chunk = 500;
    const cells = [
      'import { initNetwork, liveFigure, lossCurve, makeRandom, SYMMETRY_ARCHITECTURE, symmetryCases, trainInChunks } from "../dist/index";\nconst before = "defined before the run";',
      // Long chunks (3 s each, mostly pause), so the chart a reader sees is at most a chunk behind the kernel.
      `const chart = liveFigure();\nawait trainInChunks(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(1)), symmetryCases(), { sweeps: 1_000_000, rule: { ε: 0.1, α: 0.9 } }, {\n  chunk: ${chunk}, pauseMs: 3000,\n  onChunk: (run) => chart.draw(lossCurve(run.losses, { title: \`sweep \${run.sweep}\` })),\n});`,
      "before",
    ];
    writeFileSync(join(work, "notebooks/interrupt.ipynb"), JSON.stringify({
      cells: cells.map((source, k) => ({ cell_type: "code", execution_count: null, id: `i${k}`, metadata: {}, outputs: [], source })),
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    }));
    // A workspace of its own: the notebook alone on screen, not beside the tabs the steps above left open.
    await page.goto(`${base}/lab/workspaces/interrupt/tree/interrupt.ipynb?token=${token}`);
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    await page.getByText("TypeScript | Idle").waitFor({ timeout: 60_000 });
    const cell = (k: number) => page.locator(`${PANEL} .jp-CodeCell`).nth(k);
    await cell(0).locator(".jp-InputArea-editor").click();
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => cell(0).locator(".jp-InputArea-prompt").textContent(), { timeout: 60_000 }).toMatch(/\[\d+\]/);
    await page.keyboard.press("Shift+Enter");
    const shownSweep = async () => Number(((await cell(1).locator("svg .gtitle").textContent({ timeout: 1000 }).catch(() => "")) ?? "").replace(/\D/g, "") || 0);
    await expect.poll(shownSweep, { timeout: 60_000 }).toBeGreaterThanOrEqual(2 * chunk);
    await page.getByRole("menuitem", { name: "Kernel", exact: true }).click();
    await page.getByRole("menuitem", { name: /^Interrupt Kernel/ }).click();
    const shown = await shownSweep();
    const stderr = cell(1).locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']");
    await stderr.waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-failure.png") });
      throw err;
    });
    const message = (await stderr.textContent())!.trim();
    expect(message).toMatch(/^interrupted at sweep [\d,]+$/);
    const stoppedAt = Number(message.replace(/\D/g, ""));
    // It stays stopped, its chart where it stopped.
    await page.waitForTimeout(3000);
    expect(await shownSweep()).toBe(stoppedAt);
    // Within one chunk of what the chart showed as the interrupt was sent.
    expect(stoppedAt - shown).toBeGreaterThanOrEqual(0);
    expect(stoppedAt - shown).toBeLessThanOrEqual(chunk);
    // The kernel answers, and the first cell's variable is still there.
    await cell(2).locator(".jp-InputArea-editor").click();
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => cell(2).locator(".jp-OutputArea-output").first().textContent().catch(() => ""), { timeout: 60_000 }).toContain("defined before the run");
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-interrupt.png") });
  });

  it("runs 05 with its settings cell edited to ε = 0.25 (Run All): every cell runs, the failed run is said in one line, no stack trace, and the live charts keep their height through the run", async () => {
    // A workspace of its own, on the notebook as the repository holds it (the first step saved its outputs into 05).
    cpSync(join(NOTEBOOKS, NOTEBOOK), join(work, "notebooks/05-settings.ipynb"));
    await page.goto(`${base}/lab/workspaces/settings/tree/05-settings.ipynb?token=${token}`);
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    await page.getByText("TypeScript | Idle").waitFor({ timeout: 60_000 });
    const cells = page.locator(`${PANEL} .jp-CodeCell`);
    const settings = cells.filter({ hasText: "useSettings(" });
    await settings.scrollIntoViewIfNeeded().catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-failure.png") });
      throw err;
    });
    // The cell's source as the file holds it (an editor's text content runs its lines together).
    const file = JSON.parse(readFileSync(join(NOTEBOOKS, NOTEBOOK), "utf8")) as { cells: { source: string[] }[] };
    const source = file.cells.map((c) => c.source.join("")).find((text) => text.includes("useSettings("))!;
    await settings.locator(".jp-InputArea-editor .cm-content").click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText(source.replace("const ε = 0.1,", "const ε = 0.25,"));
    expect(await settings.locator(".jp-InputArea-editor").textContent()).toContain("const ε = 0.25, α = 0.9, seed = 588, sweeps = 1425;");
    // Each live chart's output height, sampled every 20 ms from the moment it exists: a reader below it must not move.
    await page.evaluate((panel) => {
      const live = Array.from(document.querySelectorAll(`${panel} .jp-CodeCell`)).find((c) => c.textContent?.includes("await trainLive("))!;
      const seen: Record<number, number[]> = {};
      (window as unknown as { liveHeights: Record<number, number[]> }).liveHeights = seen;
      setInterval(() => {
        live.querySelectorAll(":scope .jp-OutputArea-child").forEach((child, k) => {
          if (child.querySelector(".jp-RenderedPlotly, .jp-RenderedHTMLCommon div[style^='height']") === null && !(seen[k]?.length)) return;
          (seen[k] ??= []).push(Math.round(child.getBoundingClientRect().height));
        });
      }, 20);
    }, PANEL);
    await runAllCells(page);
    await page.waitForTimeout(1000);
    const below = await cells.evaluateAll((all) => {
      const from = all.findIndex((c) => c.textContent?.includes("const ε = 0.25"));
      // A folded solution shows no prompt: its input is collapsed.
      return all.slice(from).flatMap((c) => Array.from(c.querySelectorAll(".jp-InputArea-prompt")).map((p) => p.textContent ?? ""));
    });
    expect(below.length).toBeGreaterThan(10);
    for (const prompt of below) expect(prompt).toMatch(/\[\d+\]/);
    const live = cells.filter({ hasText: "await trainLive(" });
    const said = (await live.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stdout'], .jp-OutputArea-output[data-mime-type='text/plain']").allTextContents()).map((t) => t.trim());
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Not solved in 1,425 sweeps \(E = 4\.0000\): .* saturated there its slope y\(1 − y\) is so near 0 that almost no error reaches the hidden units\.$/);
    expect(await page.locator(`${PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']`).count()).toBe(0);
    expect(await page.locator(`${PANEL} .jp-OutputArea-output`).filter({ hasText: /\bat .*\(.*:\d+:\d+\)|RangeError|TypeError/ }).count()).toBe(0);
    const notes = await page.locator(`${PANEL} .jp-OutputArea-output`).filter({ hasText: /^[\s\S]*With your settings \(ε = 0\.25\)/ }).count();
    expect(notes).toBeGreaterThan(0);
    const heights = await page.evaluate(() => (window as unknown as { liveHeights: Record<number, number[]> }).liveHeights);
    const charts = Object.values(heights).filter((h) => h.length > 0);
    expect(charts).toHaveLength(2);
    for (const h of charts) {
      expect(h.length).toBeGreaterThan(10);
      expect(Math.max(...h) - Math.min(...h)).toBeLessThanOrEqual(1);
    }
    await live.locator(".jp-RenderedPlotly").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-settings.png") });
  });
});
