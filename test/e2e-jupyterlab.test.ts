/**
 * End to end, as a reader would: the project's JupyterLab on a free loopback port, a
 * notebook opened in headless Chromium, Run All Cells from the Run menu, every chart drawn
 * and no error shown; then saved, reloaded, and the saved charts drawn again without
 * running anything, in JupyterLab and in Notebook 7. Works on a temporary copy of
 * notebooks/ (with dist/ linked beside it, as the notebooks import ../dist), so the
 * committed notebooks stay stripped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTEBOOKS, ROOT } from "./support/notebooks";

const NOTEBOOK = "05-training.ipynb";
/** The notebook's Plotly outputs once run: the live loss and weight charts, and the replay slider. */
const CHARTS = 3;
const SHOTS = join(ROOT, "test-artifacts");
/** The notebook on show (JupyterLab keeps other tabs' cells in the page, hidden). */
const PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`JupyterLab exited early (code ${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`JupyterLab did not answer at ${url} within 60 s:\n${log()}`);
}

/** The Plotly outputs of the notebook on show: JupyterLab's Plotly renderer marks its output nodes so. */
const PLOTS = `${PANEL} .jp-OutputArea-output.jp-RenderedPlotly`;

/**
 * Scrolls to each chart and points at it, as a reader would, and returns, chart by chart,
 * how many traces it drew. (Once a chart has drawn, JupyterLab's Plotly renderer saves a
 * PNG of it beside the JSON; a reopened notebook shows that picture and draws the live
 * chart when the mouse enters it.)
 */
async function drawnCharts(page: Page, count: number): Promise<number[]> {
  const traces: number[] = [];
  try {
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length >= n, [PLOTS, count] as const, { timeout: 60_000 });
    for (const plot of await page.locator(PLOTS).all()) {
      await plot.scrollIntoViewIfNeeded();
      await plot.hover();
      await plot.locator("svg.main-svg").first().waitFor({ timeout: 30_000 });
      traces.push(await plot.locator("svg.main-svg .trace").count());
    }
  } catch (err) {
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-failure.png") });
    throw new Error(`expected ${count} drawn charts, saw ${traces.length} (screenshot in test-artifacts/): ${String(err)}`);
  }
  return traces;
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
      // A private Jupyter config, data and runtime: nothing of the user's is read or written.
      { env: { ...process.env, JUPYTER_CONFIG_DIR: join(work, "config"), JUPYTER_DATA_DIR: join(work, "data"), JUPYTER_RUNTIME_DIR: join(work, "runtime") }, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    await waitForServer(`${base}/api/status?token=${token}`, server, () => output.slice(-3000));
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
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
    await page.getByRole("menuitem", { name: "Run", exact: true }).click();
    await page.getByRole("menuitem", { name: "Run All Cells", exact: true }).click();
    // Done when every code cell has an execution count and none is still waiting ([*]).
    await page.waitForFunction(
      (panel) => {
        const prompts = Array.from(document.querySelectorAll(`${panel} .jp-CodeCell .jp-InputArea-prompt`)).map((p) => p.textContent ?? "");
        return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p));
      },
      PANEL,
      { timeout: 120_000 },
    );
    const charts = await drawnCharts(page, CHARTS);
    await page.screenshot({ path: join(SHOTS, "e2e-jupyterlab-run.png"), fullPage: false });
    expect(charts).toHaveLength(CHARTS);
    for (const traces of charts) expect(traces).toBeGreaterThan(0);
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
  });

  // Notebook 7 now and then leaves a saved output unrendered on first load (2 of 4 first loads
  // here: the chart's node present but never shown); a second load draws it.
  it("draws the saved charts in Jupyter Notebook 7 too", { retry: 2 }, async () => {
    await page.goto(`${base}/notebooks/${NOTEBOOK}?token=${token}`);
    await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
    const charts = await drawnCharts(page, CHARTS);
    await page.screenshot({ path: join(SHOTS, "e2e-notebook7.png") });
    expect(charts).toHaveLength(CHARTS);
    for (const traces of charts) expect(traces).toBeGreaterThan(0);
  });
});
