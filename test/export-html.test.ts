/**
 * The standard HTML export (File → Save and Export Notebook As → HTML, which is nbconvert
 * with the project's .venv configuration) of the executed training notebook, opened from
 * disk in headless Chromium: every chart drawn offline, plotly.js once, nothing fetched.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLOTLY_MIME } from "../src/index";
import { launchChromium } from "./support/browser";
import { ROOT, executedNotebook } from "./support/notebooks";
import { CHARTS, FINAL_TITLE, NOTEBOOK, SHOTS } from "./support/trainingNotebook";

describe("the standard HTML export (File → Save and Export Notebook As → HTML)", () => {
  const out = mkdtempSync(join(tmpdir(), "backprop-export-"));
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it(`draws every chart of an executed ${NOTEBOOK} offline, with plotly.js once in the page`, async () => {
    const executed = await executedNotebook(NOTEBOOK.replace(/\.ipynb$/, ""));
    const charts = executed.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[PLOTLY_MIME] !== undefined).length;
    expect(charts).toBe(CHARTS);
    writeFileSync(join(out, NOTEBOOK), JSON.stringify(executed));
    // Just as the export menu does: `--to html` with the project's .venv configuration.
    await promisify(execFile)(join(ROOT, ".venv/bin/jupyter"), ["nbconvert", "--to", "html", "--output-dir", out, join(out, NOTEBOOK)], { maxBuffer: 1 << 26 });
    const file = join(out, NOTEBOOK.replace(/\.ipynb$/, ".html"));
    expect(readFileSync(file, "utf8").match(/\* plotly\.js v\d/g)).toHaveLength(1);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const left: string[] = [];
    await page.route(/^(?!file:|data:|blob:)/, (route) => {
      left.push(route.request().url());
      return route.abort();
    });
    // A 6 MB page that draws its charts before "load": minutes on a busy machine.
    await page.goto(`file://${file}`, { timeout: 180_000 });
    await page.waitForFunction((n) => document.querySelectorAll(".js-plotly-plot svg.main-svg").length >= n, charts, { timeout: 60_000 });
    const drawn = await page.$$eval(".js-plotly-plot", (plots) => plots.map((p) => p.querySelectorAll("svg.main-svg .trace").length));
    const live = await page.$$eval(".js-plotly-plot", (plots) => plots.map((p) => p.querySelector("svg .gtitle")?.textContent ?? ""));
    await page.locator(".js-plotly-plot").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "e2e-export-html.png") });
    expect(drawn).toHaveLength(charts);
    for (const traces of drawn) expect(traces).toBeGreaterThan(0);
    expect(live).toContain(FINAL_TITLE);
    expect(await page.locator("body").innerText()).not.toContain("[Plotly chart");
    expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    expect(left).toEqual([]);
    await page.close();
  });
});
