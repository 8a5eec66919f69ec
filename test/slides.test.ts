/**
 * The lecture decks (src/site/slides.ts) as a teacher meets them, in headless Chromium: each
 * deck built from its executed notebook, opened from disk on a 1280×720 screen and over HTTP
 * on a 1024×768 projector, and stepped through with the arrow key, every fragment shown.
 * Each slide must fit its frame, draw its charts with no text cut off or under 18 px, show
 * its equations typeset, and load nothing from outside the site; the print view must print
 * one page a slide with its charts; the live figure's sliders must keep the arrow keys only
 * while they have focus. The notebooks' slide metadata must survive the output-stripping
 * filter and the student edition. With SCREENSHOTS=1, every slide is left in
 * test-artifacts/site-screens/ at both sizes for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLOTLY_MIME } from "../src/index";
import { TRAINING_PAGE, buildSite } from "../src/site/build";
import { CHART_TEXT_PX, SLIDE, hasSlides, slidesOf } from "../src/site/slides";
import { answersShown, studentEdition } from "../src/teaching/editions";
import { type Notebook, NOTEBOOKS, ROOT, executedNotebook, notebookNames, readNotebook } from "./support/notebooks";
import { chartTextFaults } from "./support/siteAudit";
import { SCREENS, serveSite, visit } from "./support/siteVisit";

const SITE = join(ROOT, "test-artifacts/slides-site");
const SCREENSHOTS = process.env["SCREENSHOTS"] === "1";
const SCREENS_AT = { laptop: { width: 1280, height: 720 }, projector: { width: 1024, height: 768 } };
/** The walk a teacher lectures from: each of these must have a deck. */
const WALK = ["01-architecture", "02-dataset", "03-loss", "04-gradient", "05-training", "06-weights"];
const decks = notebookNames().filter((name) => hasSlides(readNotebook(join(NOTEBOOKS, `${name}.ipynb`))));
const executed = new Map<string, Notebook>();
let site: Awaited<ReturnType<typeof serveSite>>;
let tab: Page;

beforeAll(async () => {
  for (const name of decks) executed.set(name, await executedNotebook(name));
  buildSite(
    decks.map((name) => ({ name, notebook: executed.get(name)! })),
    SITE,
  );
  site = await serveSite(SITE);
  tab = await site.browser.newPage();
  // A deck loads plotly.js and draws its charts before "load": on a busy machine that can take a minute.
  tab.setDefaultNavigationTimeout(120_000);
});

afterAll(async () => {
  await site?.close();
});

/** The charts a deck shows: the Plotly outputs of the cells on its slides, and the live figure's two. */
function expectedCharts(name: string): number {
  const shown = slidesOf(executed.get(name)!).flat().flatMap((s) => s.cells.map((c) => c.cell));
  const charts = shown.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[PLOTLY_MIME] !== undefined).length;
  return charts + (name === TRAINING_PAGE && shown.some((c) => c.cell_type === "markdown" && /<!--live-training-->/.test(String(c.source))) ? 2 : 0);
}

interface SlideSeen {
  at: string;
  overflow: { x: number; y: number };
  charts: number;
  undrawn: number;
  outside: number;
  untypeset: string[];
}

/** What one slide shows once all its fragments are in: overflow of its frame, its charts drawn and inside it, math left as text. */
function slideSeen(page: Page): Promise<SlideSeen> {
  return page.evaluate(() => {
    const reveal = (globalThis as unknown as { Reveal: { getCurrentSlide(): HTMLElement; getIndices(): { h: number; v: number } } }).Reveal;
    const slide = reveal.getCurrentSlide();
    const { h, v } = reveal.getIndices();
    const frame = slide.getBoundingClientRect();
    const charts = Array.from(slide.querySelectorAll<HTMLElement>(".chart"));
    const inside = (r: DOMRect) => r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
    // Text outside KaTeX's output that still holds a dollar sign is an equation left untypeset.
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest(".katex, aside.notes, script") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    const untypeset: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\$|\\\(|\\\[/.test(n.textContent ?? "")) untypeset.push((n.textContent ?? "").slice(0, 60));
    return {
      at: `${h}/${v}`,
      overflow: { x: slide.scrollWidth - slide.clientWidth, y: slide.scrollHeight - slide.clientHeight },
      charts: charts.length,
      undrawn: charts.filter((c) => !c.querySelector("svg.main-svg")).length,
      outside: charts.filter((c) => !inside(c.getBoundingClientRect())).length,
      untypeset,
    };
  });
}

const revealState = (page: Page) =>
  page.evaluate(() => {
    const reveal = (globalThis as unknown as { Reveal: { getTotalSlides(): number; isLastSlide(): boolean; availableFragments(): { next: boolean }; getSlidePastCount(): number } }).Reveal;
    return { total: reveal.getTotalSlides(), last: reveal.isLastSlide(), fragments: reveal.availableFragments().next, past: reveal.getSlidePastCount() };
  });

interface DeckSeen {
  slides: SlideSeen[];
  total: number;
  drawn: number;
  faults: string[];
  katex: number;
  katexFont: boolean;
  placeholders: number;
  errors: string[];
  foreign: string[];
  failed: string[];
}

/** Opens a deck at a screen size and steps through it with the arrow key, looking at each slide with all its fragments shown. */
async function stepThrough(name: string, url: string, own: (u: string) => boolean, screen: keyof typeof SCREENS_AT): Promise<DeckSeen> {
  const seen = await visit(tab, url, own, SCREENS_AT[screen]);
  const { page } = seen;
  const slides: SlideSeen[] = [];
  let state = await revealState(page);
  for (let k = 0; k < state.total; k++) {
    expect(state.past, `${name}: the arrow key took the deck to slide ${state.past + 1}, expected ${k + 1}`).toBe(k);
    for (let f = 0; state.fragments && f < 20; f++) {
      await page.keyboard.press("ArrowRight");
      state = await revealState(page);
    }
    slides.push(await slideSeen(page));
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENS, `slides-${name}-${screen}-${String(k + 1).padStart(2, "0")}.png`) });
    if (k < state.total - 1) {
      await page.keyboard.press("ArrowRight");
      state = await revealState(page);
    }
  }
  const result: DeckSeen = {
    slides,
    total: state.total,
    drawn: await page.$$eval(".chart", (cs) => cs.filter((c) => c.querySelector("svg.main-svg")).length),
    faults: await chartTextFaults(page, CHART_TEXT_PX),
    katex: await page.$$eval(".katex", (els) => els.length),
    katexFont: await page.evaluate(() => document.fonts.check("16px KaTeX_Main")),
    placeholders: await page.evaluate(() => (document.body.textContent?.match(/\[Plotly chart/g) ?? []).length),
    errors: [...seen.errors],
    foreign: [...seen.foreign],
    failed: [...seen.failed],
  };
  seen.end();
  return result;
}

it("the walk, 01 to 06, has a deck each, cut by the notebooks' own slide metadata", () => {
  expect(decks).toEqual(expect.arrayContaining(WALK));
});

/** What every deck must show, slide by slide, wherever it is opened. */
function check(name: string, deck: DeckSeen): void {
  expect(deck.errors).toEqual([]);
  expect(deck.foreign).toEqual([]);
  expect(deck.failed).toEqual([]);
  expect(deck.slides).toHaveLength(slidesOf(executed.get(name)!).flat().length);
  expect(deck.drawn).toBe(expectedCharts(name));
  expect(deck.placeholders).toBe(0);
  expect(deck.faults).toEqual([]);
  for (const slide of deck.slides) {
    // A cell added to a notebook joins the slide before it unless its slideshow metadata says otherwise (README, "Lecture slides").
    expect(slide.overflow, `${name}, slide ${slide.at} overflows its ${SLIDE.width}×${SLIDE.height} frame: start a slide at one of its cells`).toEqual({ x: 0, y: 0 });
    expect(slide.undrawn, `slide ${slide.at}: charts not drawn`).toBe(0);
    expect(slide.outside, `slide ${slide.at}: charts outside the slide`).toBe(0);
    expect(slide.untypeset, `slide ${slide.at}`).toEqual([]);
  }
  if (deck.katex > 0) expect(deck.katexFont).toBe(true);
}

describe.each(decks)("deck %s", (name) => {
  it("from disk on a 1280×720 screen: every slide fits, every chart drawn in type of 18 px or more, every equation typeset, nothing fetched from outside the site folder", async () => {
    const folder = pathToFileURL(SITE).href + "/";
    check(name, await stepThrough(name, pathToFileURL(join(SITE, "slides", `${name}.html`)).href, (u) => u.startsWith(folder), "laptop"));
  });

  it("over HTTP on a 1024×768 projector: the same, scaled into the screen", async () => {
    const origin = site.server.origin;
    check(name, await stepThrough(name, `${origin}/slides/${name}.html`, (u) => u.startsWith(origin + "/"), "projector"));
  });

  it("the print view prints one page a slide, each with its charts", async () => {
    const origin = site.server.origin;
    const { page, errors, foreign, end } = await visit(tab, `${origin}/slides/${name}.html?print-pdf`, (u) => u.startsWith(origin + "/"), SCREENS_AT.laptop);
    await page.waitForSelector(".pdf-page");
    // Drawn, and into the box the slide leaves it, as on screen (not squeezed to the least height a chart may take).
    const pages = await page.$$eval(".pdf-page", (ps) => ps.map((p) => ({ charts: p.querySelectorAll(".chart").length, drawn: Array.from(p.querySelectorAll(".chart")).filter((c) => c.querySelector("svg.main-svg")).length })));
    const boxes = await page.$$eval(".pdf-page .chart", (cs) => cs.map((c) => c.getBoundingClientRect().height));
    expect(Math.max(...boxes, 400), "the tallest chart's box").toBeGreaterThan(400);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    end();
    const slides = slidesOf(executed.get(name)!).flat().length;
    expect(pages).toHaveLength(slides);
    for (const p of pages) expect(p.drawn).toBe(p.charts);
    expect(pages.reduce((n, p) => n + p.charts, 0)).toBe(expectedCharts(name));
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(slides);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});

it("jupyter nbconvert --to slides (the project's .venv) on an executed notebook gives the same deck: every slide fits, charts drawn in 18 px type or more, equations typeset, nothing fetched", async () => {
  const name = WALK.at(-1)!;
  const folder = join(ROOT, "test-artifacts/slides-nbconvert");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.ipynb`), JSON.stringify(executed.get(name)));
  execFileSync(join(ROOT, ".venv/bin/jupyter"), ["nbconvert", "--to", "slides", join(folder, `${name}.ipynb`)], { stdio: ["ignore", "ignore", "pipe"] });
  const file = join(folder, `${name}.slides.html`);
  expect(readFileSync(file, "utf8").match(/\* plotly\.js v\d/g)).toHaveLength(1);
  const deck = await stepThrough(`nbconvert-${name}`, pathToFileURL(file).href, (u) => u.startsWith(pathToFileURL(folder).href + "/"), "laptop");
  check(name, deck);
  expect(deck.katex).toBeGreaterThan(0);
});

it(`the live figure's slider in ${TRAINING_PAGE}'s deck keeps the arrow keys while focused, and gives them back to the slides when not`, async () => {
  const origin = site.server.origin;
  const { page, end } = await visit(tab, `${origin}/slides/${TRAINING_PAGE}.html`, (u) => u.startsWith(origin + "/"), SCREENS_AT.laptop);
  const index = await page.evaluate(() => Array.from(document.querySelectorAll(".reveal .slides > section")).findIndex((s) => s.querySelector("#live-training")));
  expect(index).toBeGreaterThan(0);
  await page.evaluate((h) => (globalThis as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(h), index);
  await page.waitForFunction(() => Number(document.getElementById("live-training")!.dataset["draws"]) > 0);
  const at = () => page.evaluate(() => (globalThis as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
  const seed = page.locator('#live-training input[name="seed"]');
  const before = await seed.inputValue();
  await seed.focus();
  await page.keyboard.press("ArrowRight");
  expect(Number(await seed.inputValue())).toBe(Number(before) + 1);
  expect(await at()).toBe(index);
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await page.keyboard.press("ArrowRight");
  expect(await at()).toBe(index + 1);
  end();
});

it("the slide metadata survives the output-stripping filter and the student edition", () => {
  const slideshow = (n: Notebook) => n.cells.map((c) => JSON.stringify(c.metadata?.["slideshow"] ?? null));
  for (const name of decks) {
    const path = join(NOTEBOOKS, `${name}.ipynb`);
    // As the author writes it, each answer in sight: what every run and edition starts from (notebooks/ folds the answers).
    const committed = answersShown(readNotebook(path));
    // The git filter's own command (scripts/strip-outputs.sh), on the executed notebook, outputs and all.
    const stripped = JSON.parse(execFileSync(join(ROOT, ".venv/bin/python"), ["-m", "nbstripout", "--keep-id", "-t"], { input: JSON.stringify(executed.get(name)), encoding: "utf8" })) as Notebook;
    expect(slideshow(stripped), name).toEqual(slideshow(committed));
    expect(slideshow(studentEdition(committed)), name).toEqual(slideshow(committed));
    expect(slideshow(executed.get(name)!), name).toEqual(slideshow(committed));
  }
});
