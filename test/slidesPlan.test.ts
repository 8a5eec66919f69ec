/**
 * How a notebook's `slideshow` cell metadata cuts it into a deck (src/site/slides.ts), on
 * small hand-made notebooks: breaks, subslides, fragments, skipped cells, speaker notes, and
 * what a slide shows of a cell (prose and charts, never code or printed text).
 */
import { describe, expect, it } from "vitest";
import { PLOTLY_MIME } from "../src/index";
import { type Cell, type Notebook } from "../src/notebook/nbformat";
import { deckHtml, hasSlides, slidesOf } from "../src/site/slides";

const md = (source: string, slideshow?: object): Cell => ({ cell_type: "markdown", source, metadata: slideshow ? { slideshow } : {} });
const code = (source: string, outputs: Cell["outputs"], slideshow?: object): Cell => ({ cell_type: "code", source, outputs, execution_count: 1, metadata: slideshow ? { slideshow } : {} });
const notebook = (...cells: Cell[]): Notebook => ({ cells, metadata: {} });
const chart = { output_type: "display_data", data: { [PLOTLY_MIME]: { data: [{ type: "scatter", x: [0, 1], y: [1, 0] }], layout: { title: { text: "E" } } }, "text/plain": "[Plotly chart: E]" } };
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
  );

  it("starts a slide at each slide, stacks a subslide under it, keeps fragments and - on the slide before, leaves skipped cells out", () => {
    const deck = slidesOf(nb);
    expect(deck.map((column) => column.map((s) => s.cells.map((c) => `${c.fragment ? "+" : ""}${String(c.cell.source).slice(0, 12)}`)))).toEqual([[["# Title"]], [["## Step 1", "+The answer."], ["Below it", "showFigure(f"]]]);
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
    expect(html).toContain('<div class="has-chart fragment cell outputs"><div class="chart"');
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
