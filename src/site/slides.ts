/**
 * A notebook as lecture slides: one reveal.js deck, cut where the notebook's cells say, in
 * Jupyter's own `slideshow` cell metadata (JupyterLab's property inspector, "Slide Type"),
 * read as nbconvert's `--to slides` reads it:
 *
 * - `slide_type` "slide" starts a slide, "subslide" a slide below the last one, "fragment" shows
 *   the cell on the slide after the question (the next arrow key), "skip" leaves it out, "-" (or
 *   none) puts it on the slide before (inside the fragment before, if any, which it shows with),
 *   and "notes" makes a markdown cell the slide's speaker notes;
 * - `notes`, beside `slide_type`, is markdown for the speaker notes of the cell's slide (timing,
 *   the question to ask the room), kept out of the notebook's reading flow.
 *
 * A slide shows a cell as the blog variant does (src/site/blog.ts): prose, equations typeset at
 * build time, charts and tables, and never code or printed text; numbers are the prose's own,
 * which the notebooks' claims check. Charts are drawn by the site's page script, fitted to the
 * slide's box in type no smaller than `CHART_TEXT_PX`; a notebook with no slide metadata has no deck.
 */
import { pageHead } from "./html";
import { renderMarkdown } from "./markdown";
import { markdownFor } from "./blog";
import { outputsHtml } from "./page";
import { LIVE_MARKER, liveSectionHtml } from "./liveSection";
import { type LinkTargets, retargetLinks } from "./links";
import { type Cell, type Notebook, joined } from "../notebook/nbformat";

/** The slide's frame, 16:9, in CSS pixels; reveal.js scales it to the screen (a 1024×768 projector letterboxes it). */
export const SLIDE = { width: 1280, height: 720 } as const;
/** The smallest text of a chart on a slide, readable from the back of a lecture hall. */
export const CHART_TEXT_PX = 18;

export const SLIDE_TYPES = ["slide", "subslide", "fragment", "skip", "notes", "-"] as const;
export type SlideType = (typeof SLIDE_TYPES)[number];

interface Slideshow {
  type: SlideType;
  notes: string;
}

/** A cell's slide metadata; a value nbconvert would not know stops the build naming the cell. */
export function slideshowOf(cell: Cell, where = "a cell"): Slideshow {
  const meta = (cell.metadata?.["slideshow"] ?? {}) as { slide_type?: unknown; notes?: unknown };
  const type = meta.slide_type ?? "-";
  if (!SLIDE_TYPES.includes(type as SlideType)) throw new Error(`${where} has slideshow.slide_type ${JSON.stringify(type)}; it must be one of ${SLIDE_TYPES.join(", ")}`);
  if (meta.notes !== undefined && typeof meta.notes !== "string") throw new Error(`${where} has slideshow.notes that is not a string`);
  return { type: type as SlideType, notes: meta.notes ?? "" };
}

/** Whether the notebook is cut into slides (a deck is written only for those). */
export function hasSlides(notebook: Notebook): boolean {
  return notebook.cells.some((c) => ["slide", "subslide"].includes(slideshowOf(c).type));
}

export interface Slide {
  /** The cells shown, in order, each with the fragment step it waits for (counted from 0), if any. */
  cells: { cell: Cell; fragment?: number }[];
  /** Speaker notes, markdown. */
  notes: string[];
}

/** The deck's slides: reveal's horizontal sections, each a column of one or more slides (subslides below). */
export function slidesOf(notebook: Notebook, name = "the notebook"): Slide[][] {
  const deck: Slide[][] = [];
  const open = (vertical: boolean) => {
    const slide: Slide = { cells: [], notes: [] };
    if (vertical && deck.length > 0) deck.at(-1)!.push(slide);
    else deck.push([slide]);
    return slide;
  };
  let current: Slide | undefined;
  // As nbconvert's reveal export groups them: a fragment takes the "-" cells after it, until the next fragment or slide.
  let fragment: number | undefined;
  let fragments = 0;
  notebook.cells.forEach((cell, k) => {
    const { type, notes } = slideshowOf(cell, `notebooks/${name}.ipynb, cell ${k + 1},`);
    if (type === "skip") return;
    if (type === "slide" || type === "subslide" || !current) [current, fragment, fragments] = [open(type === "subslide"), undefined, 0];
    if (type === "fragment") fragment = fragments++;
    if (type === "notes") current.notes.push(joined(cell.source));
    else current.cells.push(fragment === undefined ? { cell } : { cell, fragment });
    if (notes.trim() !== "") current.notes.push(notes);
  });
  return deck;
}

/** Prose as a slide shows it: a link to another notebook goes to its page, beside the slides/ folder. */
function proseHtml(markdown: string, links: LinkTargets | undefined): string {
  const html = renderMarkdown(markdown);
  return (links ? retargetLinks(html, links) : html).replace(/<a href="([\w.-]+\.html(?:#[^"]*)?)">/g, '<a href="../$1">');
}

/** A cell as a slide shows it: its blocks, none when it shows nothing there (code that printed only text). */
function cellBlocks(cell: Cell, { live, links }: DeckOptions): string[] {
  const source = joined(cell.source);
  if (cell.cell_type === "markdown") {
    const prose = `<div class="cell markdown">${proseHtml(markdownFor(source, "blog"), links)}</div>`;
    return live && source.includes(LIVE_MARKER) ? [prose, `<div class="cell live-figure">${liveSectionHtml("div")}</div>`] : [prose];
  }
  if (cell.cell_type !== "code") return [];
  const shown = outputsHtml(cell, "blog");
  return shown === "" ? [] : [`<div class="cell outputs">${shown}</div>`];
}

/** Charts take the room the prose leaves on their slide, side by side when a block holds two. */
function withLayout(block: string, fragment: number | undefined): string {
  const charts = block.match(/class="chart[ "]/g)?.length ?? 0;
  const classes = [...(charts > 0 ? ["has-chart"] : []), ...(charts > 1 ? ["side-by-side"] : []), ...(fragment === undefined ? [] : ["fragment"])];
  const step = fragment === undefined ? "" : ` data-fragment-index="${fragment}"`;
  return classes.length === 0 ? block : block.replace(/^<div class="([^"]*)"/, `<div class="${classes.join(" ")} $1"${step}`);
}

function slideHtml(slide: Slide, options: DeckOptions): string {
  const blocks = slide.cells.flatMap(({ cell, fragment }) => cellBlocks(cell, options).map((b) => withLayout(b, fragment)));
  const notes = slide.notes.length === 0 ? "" : `\n<aside class="notes">${slide.notes.map((n) => proseHtml(n, options.links)).join("\n")}</aside>`;
  return `<section>\n${blocks.join("\n")}${notes}\n</section>`;
}

export interface DeckOptions {
  name: string;
  title: string;
  /** The path from the deck to the site's assets folder. */
  assets: string;
  /** Carry the live training figure where the notebook's markdown asks for it. */
  live: boolean;
  /** Where links to other notebooks go when the site holds only some pages (src/site/links.ts). */
  links?: LinkTargets;
}

/** A notebook's deck, as one page: reveal.js, the slides, and the site's page script to draw the charts. */
export function deckHtml(notebook: Notebook, options: DeckOptions): string {
  const { name, title, assets, live } = options;
  const sections = slidesOf(notebook, name)
    .map((column) => (column.length === 1 ? slideHtml(column[0]!, options) : `<section class="stack">\n${column.map((s) => slideHtml(s, options)).join("\n")}\n</section>`))
    .join("\n");
  const drawsLive = live && sections.includes('id="live-training"');
  const charts = sections.includes('class="chart');
  // The deck's script before the page script: it sizes the slides' text, and so their charts' boxes, before the charts are drawn.
  const scripts = [...(charts ? ["plotly.min.js"] : []), "slides.js", "page.js", ...(drawsLive ? ["live-training.js"] : [])];
  return `${pageHead(`${title} (slides)`, assets, "slides.css")}
<body>
<div class="reveal" data-width="${SLIDE.width}" data-height="${SLIDE.height}" data-chart-text-px="${CHART_TEXT_PX}"><div class="slides">
${sections}
</div></div>
${scripts.map((s) => `<script src="${assets}${s}"></script>`).join("\n")}
</body>
</html>
`;
}
