/**
 * The browser kernel's Interrupt, errors and Restart, in the site's in-browser JupyterLab in
 * headless Chromium (a lab built by lite/build.ts with one notebook, served on 127.0.0.1):
 * Kernel → Interrupt stops a live run at its next chunk in one line and keeps the variables;
 * an error shows in one line with the cell's line; Restart gives a clean kernel.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLite } from "../lite/build";
import { launchChromium } from "./support/browser";
import { type LabOutput, kernelIdle, labCells, openAlso, openInLab, saveNotebook } from "./support/lab";
import { NOTEBOOKS, type Notebook, notebookNames } from "./support/notebooks";
import { type StaticServer, serveFolder } from "./support/staticServer";
import { SHOTS } from "./support/trainingNotebook";

const site = mkdtempSync(join(tmpdir(), "backprop-lite-interrupt-"));
const first = notebookNames()[0]!;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  buildLite(site, [{ name: first, notebook: JSON.parse(readFileSync(join(NOTEBOOKS, `${first}.ipynb`), "utf8")) as Notebook }]);
  server = await serveFolder(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** Runs one of the lab's commands, as its menu item does. */
const command = (page: Page, id: string) => page.evaluate((name) => (window as unknown as { jupyterapp: { commands: { execute(id: string): Promise<unknown> } } }).jupyterapp.commands.execute(name), id);

const textOf = (o: LabOutput) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : Array.isArray(o.text) ? o.text.join("") : (o.text ?? ""));

describe("the browser kernel in the lab", () => {
  it("stops a live run on Kernel → Interrupt in one line, keeps the variables, shows an error in one line, and restarts clean", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await openInLab(page, server.origin, first);
    const sources = [
      'import { initNetwork, liveFigure, lossCurve, makeRandom, SYMMETRY_ARCHITECTURE, symmetryCases, trainInChunks } from "../dist/index";\nconst before = "defined before the run";',
      "const chart = liveFigure();\nawait trainInChunks(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(1)), symmetryCases(), { sweeps: 1_000_000, rule: { ε: 0.1, α: 0.9 } }, {\n  chunk: 500, pauseMs: 200,\n  onChunk: (run) => chart.draw(lossCurve(run.losses, { title: `sweep ${run.sweep}` })),\n});",
      "before",
      "const n = 1;\nconst m = (undefined as any).field;",
      "typeof before",
    ];
    // A notebook of the test's own, saved into the lab's browser storage, then opened.
    await saveNotebook(page, "interrupt", sources);
    await openAlso(page, "interrupt");
    const run = (k: number) =>
      page.evaluate((index) => {
        const app = (window as unknown as { jupyterapp: { shell: { currentWidget: { content: { activeCellIndex: number } } }; commands: { execute(id: string): Promise<unknown> } } }).jupyterapp;
        app.shell.currentWidget.content.activeCellIndex = index;
        void app.commands.execute("notebook:run-cell");
      }, k);
    const shown = async (k: number) => ((await labCells(page))[k]?.outputs ?? []).map(textOf).join("");
    await run(0);
    await expect.poll(async () => (await labCells(page))[0]?.execution_count, { timeout: 60_000 }).toBe(1);
    await run(1);
    // Running: the live chart has drawn.
    await expect.poll(async () => ((await labCells(page))[1]?.outputs ?? []).length, { timeout: 60_000 }).toBeGreaterThan(0);
    // What Kernel → Interrupt Kernel runs.
    await command(page, "kernelmenu:interrupt");
    await expect.poll(() => shown(1), { timeout: 60_000 }).toMatch(/^RunInterrupted: interrupted at sweep [\d,]+$/);
    await run(2);
    await expect.poll(() => shown(2), { timeout: 60_000 }).toBe("defined before the run\n");
    await run(3);
    await expect.poll(() => shown(3), { timeout: 60_000 }).toBe("TypeError: Cannot read properties of undefined (reading 'field') (line 2)");
    // What Kernel → Restart Kernel… runs once its dialog is answered.
    await page.evaluate(() => (window as unknown as { jupyterapp: { shell: { currentWidget: { sessionContext: { restartKernel(): Promise<void> } } } } }).jupyterapp.shell.currentWidget.sessionContext.restartKernel());
    await kernelIdle(page);
    await run(4);
    await expect.poll(() => shown(4), { timeout: 60_000 }).toBe("undefined\n");
    await page.screenshot({ path: join(SHOTS, "lite-interrupt.png") });
    await page.close();
  }, 300_000);
});
