/**
 * The exported site in a real browser (Debian's Chromium through playwright-core). The
 * site is built once from the executed notebooks. Each page is opened once, from the file
 * system on a phone-sized screen, in one of two tabs that go from page to page as a reader's
 * tab follows links (see `visit`), and each notebook page is then widened to a desktop window
 * (as a turned tablet would be; a blog page's charts are its notebook page's, in the same
 * column): it must draw each of its charts at each width, typeset each equation, log no
 * error and load nothing from outside the site folder (site-live.test.ts serves the pages
 * whose behaviour needs a server). With SCREENSHOTS=1 in the environment, each visit also
 * leaves a full-page screenshot at each width it saw in test-artifacts/site-screens/ for a
 * person to look at (no test reads them).
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLOTLY_MIME } from "../src/index";
import { TRAINING_PAGE, buildSite } from "../src/site/build";
import { HERO } from "../src/site/frontPage";
import { launchChromium } from "./support/browser";
import { axeViolations, chartTextFaults, chartsWithoutText, legendsBeside, sidewaysOverflow, sliderSizes } from "./support/siteAudit";
import { isExercisePrompt, markdownFor } from "../src/site/blog";
import { type Notebook, ROOT, executedNotebook, notebookNames, sourceOf } from "./support/notebooks";
import { DESKTOP, SCREENS, visit } from "./support/siteVisit";

const SITE = join(ROOT, "test-artifacts/site");
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env["SCREENSHOTS"] === "1";
/** Pages looked at side by side, one in each tab: the browser draws one page's charts while the next loads. */
const LOOKS_AT_ONCE = 2;
const names = notebookNames();
const pages = ["index", ...names, ...names.map((n) => `blog/${n}`)];
const executed = new Map<string, Notebook>();
let browser: Browser;

beforeAll(async () => {
  // One notebook at a time: the machine's two cores are shared.
  for (const name of names) executed.set(name, await executedNotebook(name));
  buildSite(
    names.map((name) => ({ name, notebook: executed.get(name)! })),
    SITE,
  );
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchChromium();
  for (let k = 0; k < LOOKS_AT_ONCE; k++) free.push(await browser.newPage());
  // Start every page's visit now, in order; each waits for a free tab, and each test awaits its page's (a failure is reported there).
  for (const name of pages) seenOf(name).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
});

/** The tabs the pages are looked at in, each reused from page to page (see `visit`), and the looks waiting for one. */
const free: Page[] = [];
const waiting: ((tab: Page) => void)[] = [];

/** Runs `use` in a free tab; a tab whose look failed is replaced by a new one, so one page's failure stays its own. */
async function inTab<T>(use: (tab: Page) => Promise<T>): Promise<T> {
  let tab = free.pop() ?? (await new Promise<Page>((resolve) => waiting.push(resolve)));
  try {
    return await use(tab);
  } catch (failure) {
    await tab.close().catch(() => undefined);
    tab = await browser.newPage();
    throw failure;
  } finally {
    const next = waiting.shift();
    if (next) next(tab);
    else free.push(tab);
  }
}

/**
 * Resizes an open page and waits until it has drawn each figure again for the new width:
 * page.ts redraws every figure (with Plotly.react, counted here as each draw ends) 200 ms
 * after the last resize event, and a listener added after page.ts's own, with the same
 * delay, runs after it.
 */
async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const figures = await page.evaluate(() => {
    const w = globalThis as unknown as { Plotly?: { react(...args: unknown[]): Promise<unknown> }; redrawn: number; resized: boolean };
    w.redrawn = 0;
    w.resized = false;
    if (w.Plotly) {
      const react = w.Plotly.react.bind(w.Plotly);
      // Only the figures page.ts draws count, not a live figure's own redraws.
      w.Plotly.react = (...args) => react(...args).finally(() => (args[0] as Element).matches(".chart:has(+ script.figure)") && w.redrawn++);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    addEventListener("resize", () => {
      clearTimeout(timer);
      timer = setTimeout(() => (w.resized = true), 200);
    });
    return document.querySelectorAll(".chart + script.figure").length;
  });
  await page.setViewportSize(viewport);
  await page.waitForFunction((n) => {
    const w = globalThis as unknown as { redrawn: number; resized: boolean };
    return w.resized && w.redrawn >= n;
  }, figures, { timeout: 60_000 });
}

/** Each chart placeholder: whether it holds a Plotly SVG, and how many traces it drew. */
function charts(page: Page) {
  return page.$$eval(".chart", (divs) => divs.map((d) => ({ svg: d.querySelector("svg.main-svg") !== null, traces: d.querySelectorAll("g.trace, g.hm").length })));
}

/** The equations a variant shows of a notebook's markdown, counted from its source: $$…$$ and $…$ outside code. */
function equationsIn(notebook: Notebook, variant: "full" | "blog"): number {
  const prose = notebook.cells
    .filter((c) => c.cell_type === "markdown" && (variant === "full" || !isExercisePrompt(c)))
    // HTML comments (marks, the blog's own words on the full page) are never typeset.
    .map((c) => markdownFor(sourceOf(c), variant).replace(/<!--[\s\S]*?-->/g, ""))
    .join("\n\n")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`]*`/g, "");
  const displayed = prose.match(/\$\$[\s\S]+?\$\$/g)?.length ?? 0;
  const inline = prose.replace(/\$\$[\s\S]+?\$\$/g, "").match(/\$[^$\n]+?\$/g)?.length ?? 0;
  return displayed + inline;
}

function notebookOf(page: string): Notebook | undefined {
  return executed.get(page.replace(/^blog\//, ""));
}

type Drawn = { svg: boolean; traces: number }[];
type Sliders = Awaited<ReturnType<typeof sliderSizes>>;

/**
 * Everything a test asks of one page, measured on its one visit: its charts at 390 px as
 * opened, then widened to 1100 px, and the page as a whole at its last width. A blog page
 * stays at 390 px: its charts are its notebook page's, drawn by the same script in the same
 * column, and that page is widened.
 */
interface Seen {
  phone: { drawn: Drawn; overflow: number; faults: string[]; beside: number[]; unnamed: number[]; sliders: Sliders };
  desktop: { drawn: Drawn; unnamed: number[]; cut: string[]; sliders: Sliders } | null;
  whole: { katex: number; katexErrors: number; katexFont: boolean; scripts: number; hidden: number; highlighted: number; links: string[]; axe: string[]; blogTalk: string[] };
  /** What the visit saw from opening the page to its last look, before axe-core's script was added. */
  errors: string[];
  foreign: string[];
  failed: string[];
  /** The site's files the page asked for, with their sizes in bytes. */
  bytes: Map<string, number>;
}
const seen = new Map<string, Promise<Seen>>();

/** Words that only make sense beside code cells, which a blog reader never sees. */
const NOTEBOOK_TALK = /\b(?:the )?(?:cell|cells|bar) (?:below|above)\b|run the notebook|showClaims|Your turn|Exercise \d/i;

async function look(name: string, tab: Page): Promise<Seen> {
  const folder = pathToFileURL(SITE).href + "/";
  const file = await visit(tab, pathToFileURL(join(SITE, `${name}.html`)).href, (u) => u.startsWith(folder), PHONE);
  const { page } = file;
  const screenshot = async (suffix: string) => SCREENSHOTS && (await page.screenshot({ path: join(SCREENS, `${name.replace("/", "_")}${suffix}.png`), fullPage: true }));
  const phone = {
    drawn: await charts(page),
    overflow: await sidewaysOverflow(page),
    faults: await chartTextFaults(page, 8),
    beside: await legendsBeside(page),
    unnamed: await chartsWithoutText(page),
    sliders: await sliderSizes(page),
  };
  await screenshot(".phone");

  const widened = !name.startsWith("blog/");
  if (widened) await resize(page, DESKTOP);
  const wide = widened ? { drawn: await charts(page), unnamed: await chartsWithoutText(page), cut: await chartTextFaults(page) } : null;
  const whole = {
    katex: await page.$$eval(".katex", (els) => els.length),
    katexErrors: await page.$$eval(".katex-error", (els) => els.length),
    katexFont: await page.evaluate(() => document.fonts.check("16px KaTeX_Main")),
    scripts: await page.$$eval('script[src$="plotly.min.js"]', (els) => els.length),
    hidden: await page.$$eval("pre.source, pre.claims, pre.stream, pre.text-output, .toggle-code, details.solution, .progress", (els) => els.length),
    highlighted: await page.$$eval("pre.source .kw", (els) => els.length),
    links: (await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href))).filter((h) => h.startsWith(folder)),
    blogTalk: (await page.$$eval("main p, main li, main h2, main h3", (els) => els.map((e) => e.textContent ?? ""))).filter((t) => NOTEBOOK_TALK.test(t)),
  };
  if (widened) await screenshot("");
  const [errors, foreign, failed] = [[...file.errors], [...file.foreign], [...file.failed]];
  const axe = await axeViolations(page);
  const desktop = wide && { ...wide, sliders: await sliderSizes(page) };
  file.end();
  const bytes = new Map([...file.requested].filter((u) => u.startsWith(folder)).map((u) => [u, statSync(fileURLToPath(u)).size]));
  return { phone, desktop, whole: { ...whole, axe }, errors, foreign, failed, bytes };
}

function seenOf(name: string): Promise<Seen> {
  if (!seen.has(name)) seen.set(name, inTab((tab) => look(name, tab)));
  return seen.get(name)!;
}

/** The charts a page should show: its notebook's Plotly outputs, the training page's two live ones, the front page's one from notebook 7a. */
function expectedCharts(name: string): number {
  const notebook = notebookOf(name);
  if (!notebook) return name === "index" && executed.has(HERO.notebook) ? 1 : 0;
  return notebook.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[PLOTLY_MIME] !== undefined).length + (name.endsWith(TRAINING_PAGE) ? 2 : 0);
}

describe.each(pages)("page %s", (name) => {
  it("opened from the file system (a notebook page widened to 1100 px): draws every chart, typesets every equation, logs no error, loads nothing from outside the site folder", async () => {
    const { phone, desktop, whole, errors, foreign, failed, bytes } = await seenOf(name);
    const notebook = notebookOf(name);
    const drawn = desktop?.drawn ?? phone.drawn;
    expect(drawn).toHaveLength(expectedCharts(name));
    for (const chart of drawn) expect(chart.svg && chart.traces > 0, JSON.stringify(drawn)).toBe(true);
    expect(whole.katex).toBe(notebook ? equationsIn(notebook, name.startsWith("blog/") ? "blog" : "full") : 0);
    expect(whole.katexErrors).toBe(0);
    if (whole.katex > 0) expect(whole.katexFont).toBe(true);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect([...bytes.keys()]).toContain(pathToFileURL(join(SITE, `${name}.html`)).href);
    const withoutPlotly = [...bytes].filter(([url]) => !url.endsWith("/plotly.min.js")).reduce((sum, [, n]) => sum + n, 0);
    console.log(`${name}: ${(withoutPlotly / 1024).toFixed(0)} kB besides plotly.js, ${drawn.length} charts, ${whole.katex} equations`);
    expect(withoutPlotly).toBeLessThan(1024 * 1024);
    // plotly.js once per page that has charts, never once per chart.
    expect(whole.scripts).toBe(drawn.length > 0 ? 1 : 0);
    // The blog variant leaves out the code, what it printed, the claims, the toggle, the exercises and the progress bars,
    // and never speaks of cells; the full page highlights its code.
    if (name.startsWith("blog/")) {
      expect(whole.hidden).toBe(0);
      expect(whole.blogTalk).toEqual([]);
    } else if (notebook) expect(whole.highlighted).toBeGreaterThan(0);
    // Every link within the site leads to a page that was built.
    for (const href of whole.links) expect(existsSync(fileURLToPath(href)), href).toBe(true);
  });

  it("opened on a phone-sized screen: draws every chart, never scrolls sideways, puts no legend beside a plot", async () => {
    const { phone } = await seenOf(name);
    expect(phone.drawn).toHaveLength(expectedCharts(name));
    for (const chart of phone.drawn) expect(chart.svg && chart.traces > 0).toBe(true);
    expect(phone.overflow).toBe(0);
    expect(phone.beside).toEqual([]);
  });

  it("axe-core finds no serious or critical violation", async () => {
    expect((await seenOf(name)).whole.axe).toEqual([]);
  });

  it("at 390 px, no chart text is cut off by its chart or the screen, or drawn under 8 px; at 1100 px (a notebook page) none is cut off", async () => {
    const { desktop, phone } = await seenOf(name);
    expect(phone.faults).toEqual([]);
    expect(desktop?.cut ?? []).toEqual([]);
  });

  it("every chart says what it shows in words, and one with a slider keeps its size when the slider is clicked and dragged", async () => {
    const { desktop, phone } = await seenOf(name);
    expect(desktop?.unnamed ?? []).toEqual([]);
    expect(phone.unnamed).toEqual([]);
    for (const { chart, sizes, steps } of [...(desktop?.sliders ?? []), ...phone.sliders]) {
      expect(new Set(sizes).size, `chart ${chart}: ${sizes.join(" → ")}`).toBe(1);
      // The click and the drag each move the replay (a page widened after its phone look starts where that left it).
      expect(steps[1] !== steps[0] && steps[2] !== steps[1], `chart ${chart}'s slider moves: ${steps.join(" → ")}`).toBe(true);
    }
  });
});
