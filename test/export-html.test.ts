/**
 * The standard HTML export (File → Save and Export Notebook As → HTML, which is nbconvert
 * with the project's .venv configuration) of the executed training notebook, opened from
 * disk in headless Chromium: every chart drawn offline, plotly.js once, nothing fetched, the
 * notebook's first heading as its title and each exercise's answer without its markers; and
 * as a blog's reader meets it on a phone, every chart fitted to 390 px, the replay's slider
 * working, nothing for axe-core to object to.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLOTLY_MIME } from "../src/index";
import { joined } from "../src/notebook/nbformat";
import { launchChromium } from "./support/browser";
import { ROOT, executedNotebook } from "./support/notebooks";
import { axeViolations, chartTextFaults, chartsWithoutText, legendsBeside, sidewaysOverflow, sliderSizes } from "./support/siteAudit";
import { visit } from "./support/siteVisit";
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
    const markdown = executed.cells.filter((c) => c.cell_type === "markdown").map((c) => joined(c.source));
    const solutions = executed.cells.filter((c) => c.cell_type === "code" && /\/\/ BEGIN SOLUTION/.test(joined(c.source))).map((c) => joined(c.source));
    // The answers' lines, as the marked regions hold them.
    const answers = solutions.flatMap((s) => [...s.matchAll(/\/\/ BEGIN SOLUTION\n([\s\S]*?)\n\s*\/\/ END SOLUTION/g)].flatMap((m) => m[1]!.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("// STUB"))));
    writeFileSync(join(out, NOTEBOOK), JSON.stringify(executed));
    // Just as the export menu does: `--to html` with the project's .venv configuration.
    await promisify(execFile)(join(ROOT, ".venv/bin/jupyter"), ["nbconvert", "--to", "html", "--output-dir", out, join(out, NOTEBOOK)], { maxBuffer: 1 << 26 });
    const file = join(out, NOTEBOOK.replace(/\.ipynb$/, ".html"));
    expect(readFileSync(file, "utf8").match(/\* plotly\.js v\d/g)).toHaveLength(1);

    // Watched as the site tests watch a page (`visit`): console errors, and any request that leaves the page's own files.
    // A 6 MB page that draws its charts before "load": minutes on a busy machine.
    const tab = await browser.newPage();
    tab.setDefaultNavigationTimeout(180_000);
    const { page, errors, foreign, failed, end } = await visit(tab, pathToFileURL(file).href, (url) => /^(file|blob):/.test(url), { width: 1280, height: 1000 });
    const drawn = await page.$$eval(".js-plotly-plot", (plots) => plots.map((p) => p.querySelectorAll("svg.main-svg .trace").length));
    const live = await page.$$eval(".chart", (plots) => plots.map((p) => p.querySelector("svg .gtitle")?.textContent ?? ""));
    await page.locator(".js-plotly-plot").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "e2e-export-html.png") });
    expect(drawn).toHaveLength(charts);
    for (const traces of drawn) expect(traces).toBeGreaterThan(0);
    expect(live).toContain(FINAL_TITLE);
    const text = await page.locator("body").innerText();
    expect(text).not.toContain("[Plotly chart");
    // Titled by the notebook's first heading, not its file name; each exercise's answer shown as code, without the markers the editions are cut by.
    expect(await page.title()).toBe(/^# (.+)$/m.exec(markdown.join("\n"))![1]);
    expect(answers.length).toBeGreaterThan(0);
    for (const line of answers) expect(text).toContain(line);
    expect(text).not.toMatch(/BEGIN SOLUTION|END SOLUTION|\/\/ STUB/);
    expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    expect(await chartsWithoutText(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // On a phone: the charts are drawn again for the new width (the page waits 200 ms for a resize to settle).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => Array.from(document.querySelectorAll(".chart .main-svg")).every((svg) => svg.getBoundingClientRect().width <= 390), null, { timeout: 30_000 });
    expect(await chartTextFaults(page)).toEqual([]);
    expect(await legendsBeside(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    // The replay has one slider, the page's own: a click and a drag on it move it and keep the chart's size.
    expect(await page.locator(".slider-container").count()).toBe(0);
    const [replay] = await sliderSizes(page);
    expect(new Set(replay!.sizes).size).toBe(1);
    expect(Number(replay!.steps[0])).toBeGreaterThan(Number(replay!.steps[1]));
    expect(Number(replay!.steps[2])).toBeGreaterThan(Number(replay!.steps[1]));
    await page.locator(".chart").nth(replay!.chart - 1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "e2e-export-html-phone.png") });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    end();
    await page.close();
  });
});
