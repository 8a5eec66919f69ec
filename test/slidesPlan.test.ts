/**
 * How a notebook's `slideshow` cell metadata cuts it into a deck (src/site/slides.ts), on
 * small hand-made notebooks: breaks, subslides, fragments, skipped cells, speaker notes, and
 * what a slide shows of a cell (prose and charts, never code or printed text); and the same
 * deck from `jupyter nbconvert --to slides` with the project's .venv configuration.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLOTLY_MIME } from "../src/index";
import { type Cell, type Notebook } from "../src/notebook/nbformat";
import { deckHtml, hasSlides, slidesOf } from "../src/site/slides";
import { ROOT } from "./support/notebooks";

const md = (source: string, slideshow?: object): Cell => ({ cell_type: "markdown", source, metadata: slideshow ? { slideshow } : {} });
const code = (source: string, outputs: Cell["outputs"], slideshow?: object): Cell => ({ cell_type: "code", source, outputs, execution_count: 1, metadata: slideshow ? { slideshow } : {} });
const notebook = (...cells: Cell[]): Notebook => ({ cells, metadata: {} });
const chart = { output_type: "display_data", metadata: {}, data: { [PLOTLY_MIME]: { data: [{ type: "scatter", x: [0, 1], y: [1, 0] }], layout: { title: { text: "E" } } }, "text/plain": "[Plotly chart: E]" } };
const printed = { output_type: "stream", name: "stdout", text: "E = 6.45\n" };

describe("slidesOf: the deck the metadata asks for", () => {
  const nb = notebook(
    md("# Title", { slide_type: "slide", notes: "**2 min.** Ask: what is a palindrome?" }),
    code("import {} from 'x';", [printed], { slide_type: "skip" }),
    md("## Step 1", { slide_type: "slide" }),
    md("The answer.", { slide_type: "fragment" }),
    md("Timing: 5 min", { slide_type: "notes" }),
    md("Below it", { slide_type: "subslide" }),
    code("showFigure(f)", [chart]),
    md("First", { slide_type: "fragment" }),
    md("with it"),
    md("Then", { slide_type: "fragment" }),
  );

  it("starts a slide at each slide, stacks a subslide under it, keeps fragments and - on the slide before, leaves skipped cells out", () => {
    const deck = slidesOf(nb);
    expect(deck.map((column) => column.map((s) => s.cells.map((c) => `${c.fragment ?? ""}${String(c.cell.source).slice(0, 12)}`)))).toEqual([
      [["# Title"]],
      [
        ["## Step 1", "0The answer."],
        ["Below it", "showFigure(f", "0First", "0with it", "1Then"],
      ],
    ]);
  });

  it("gathers speaker notes from each cell's slideshow.notes and from notes cells", () => {
    expect(slidesOf(nb).flat().map((s) => s.notes)).toEqual([["**2 min.** Ask: what is a palindrome?"], ["Timing: 5 min"], []]);
  });

  it("a notebook without slide metadata has no deck; a slide type nbconvert would not know is named with its cell", () => {
    expect(hasSlides(notebook(md("# A"), code("1", [])))).toBe(false);
    expect(hasSlides(nb)).toBe(true);
    expect(() => slidesOf(notebook(md("# A", { slide_type: "Slide" })), "01-x")).toThrow('notebooks/01-x.ipynb, cell 1, has slideshow.slide_type "Slide"; it must be one of slide, subslide, fragment, skip, notes, -');
  });
});

describe("deckHtml: what a slide shows", () => {
  const nb = notebook(
    md("# Title\n\n$E = \\tfrac12 \\sum_c (y_c - d_c)^2$, as in [notebook 3](03-loss.ipynb).", { slide_type: "slide", notes: "Ask the room." }),
    code("const secret = 1;", [printed], { slide_type: "-" }),
    md("## Live\n<!--live-training-->", { slide_type: "slide" }),
    code("showFigure(f)", [chart], { slide_type: "fragment" }),
  );
  const html = deckHtml(nb, { name: "05-training", title: "Title", assets: "../assets/", live: true });

  it("prose typeset at build time, charts to draw, speaker notes; no code and no printed text", () => {
    expect(html).toContain('class="katex"');
    expect(html).not.toMatch(/\$E =/);
    expect(html).toContain('<aside class="notes"><p>Ask the room.</p>');
    expect(html).not.toContain("secret");
    expect(html).not.toContain("6.45");
    expect(html).toContain('<div class="has-chart fragment cell outputs" data-fragment-index="0"><div class="chart"');
    // A link to another notebook goes to its page, beside the slides/ folder.
    expect(html).toContain('<a href="../03-loss.html">notebook 3</a>');
  });

  it("the live figure where the markdown asks for it, in a <div> (reveal.js takes a <section> inside a slide for a slide); scripts and styles from the site's assets only", () => {
    expect(html).toContain('<div class="live" id="live-training" role="region"');
    expect(html.match(/<section/g)).toHaveLength(2);
    expect([...html.matchAll(/<(?:script|link)[^>]* (?:src|href)="([^"]+)"/g)].map((m) => m[1]!)).toEqual(["data:,", "../assets/katex/katex.min.css", "../assets/slides.css", "../assets/plotly.min.js", "../assets/slides.js", "../assets/page.js", "../assets/live-training.js"]);
    expect(deckHtml(nb, { name: "05-training", title: "Title", assets: "../assets/", live: false })).not.toContain('id="live-training"');
  });
});

describe("jupyter nbconvert --to slides (the project's .venv, its template jupyter/nbconvert/templates/reveal-offline)", () => {
  const nb = notebook(
    md("# Title\n\n$E = \\tfrac12 \\sum_c (y_c - d_c)^2$ <!--notebook-only-->The cell below<!--/notebook-only--><!--blog: The chart below--> shows it.", { slide_type: "slide", notes: "**2 min.** Ask the room." }),
    code("const secret = 1;", [printed], { slide_type: "skip" }),
    code("showFigure(f)", [chart, chart]),
    md("## Step 1", { slide_type: "slide" }),
    md("The answer.", { slide_type: "fragment" }),
    md("with it"),
    md("Then", { slide_type: "fragment" }),
    md("Below it", { slide_type: "subslide" }),
  );

  it("gives the site's deck: the same slides, fragments, charts and notes, the blog's words, no code, every script and stylesheet inlined", () => {
    const folder = mkdtempSync(join(tmpdir(), "backprop-slides-"));
    try {
      writeFileSync(join(folder, "deck.ipynb"), JSON.stringify({ ...nb, nbformat: 4, nbformat_minor: 5, cells: nb.cells.map((c, k) => ({ ...c, id: `c${k}`, ...(c.cell_type === "code" ? { outputs: c.outputs } : {}) })) }));
      execFileSync(join(ROOT, ".venv/bin/jupyter"), ["nbconvert", "--to", "slides", join(folder, "deck.ipynb")], { stdio: ["ignore", "ignore", "pipe"] });
      const exported = readFileSync(join(folder, "deck.slides.html"), "utf8");
      const site = deckHtml(nb, { name: "deck", title: "Title", assets: "../assets/", live: false });
      // nbconvert nests every slide in a column of its own: count the slides, the innermost sections.
      const slides = (html: string) => html.match(/<section>(?:(?!<section>)[\s\S])*?<\/section>/g)?.length;
      expect(slides(exported)).toBe(slidesOf(nb).flat().length);
      expect(slides(site)).toBe(slidesOf(nb).flat().length);
      // Each deck's own markup, asked about in words (a failure would print 6 MB of inlined scripts).
      const shows = (page: string) => {
        const html = page.slice(page.indexOf('<div class="slides">'), page.lastIndexOf("</section>"));
        return {
          charts: html.match(/class="chart"/g)?.length,
          sideBySide: html.includes("side-by-side"),
          blogWords: html.includes("The chart below shows it."),
          codeOrPrinted: /The cell below|secret|6\.45/.test(html),
          notes: /<aside class="notes">\s*<p><strong>2 min\.<\/strong> Ask the room\.<\/p>/.test(html),
        };
      };
      expect(shows(exported)).toEqual({ charts: 2, sideBySide: true, blogWords: true, codeOrPrinted: false, notes: true });
      expect(shows(site)).toEqual(shows(exported));
      // Two fragment steps on the second slide: nbconvert's <div class="fragment"> holds "The answer." with "with it", as the site's shared index does.
      expect(exported.match(/<div class="fragment">/g)).toHaveLength(2);
      expect(site.match(/data-fragment-index="0"/g)).toHaveLength(2);
      expect(exported.match(/\* plotly\.js v\d/g)).toHaveLength(1);
      expect(exported.includes("renderMathInElement")).toBe(true);
      expect([...exported.matchAll(/<(?:script|link)[^>]* (?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
