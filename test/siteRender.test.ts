/**
 * The site's build-time pieces, without a browser: highlighting, typesetting, chart
 * placeholders, the live figure's settings and run, and loud failure on a broken notebook.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CLAIMS_MIME, PLOTLY_MIME, isPalindrome, paperStart, predict, symmetryCases, train } from "../src/index";
import { buildSite } from "../src/site/build";
import { runNotebook } from "../src/site/execute";
import { teachingHtml } from "../src/site/teachingPage";
import { highlightTypeScript } from "../src/site/highlight";
import { DEFAULT_SETTINGS, SLIDERS, hashOf, settingsFromHash } from "../src/site/liveSettings";
import { runVerdict } from "../src/analysis/runVerdict";
import { LIVE_STEP, liveFigures, liveRun } from "../src/site/liveRun";
import { renderMarkdown } from "../src/site/markdown";
import { notebookPage } from "../src/site/page";
import { LIVE_MARKER } from "../src/site/liveSection";
import { type Notebook } from "../src/notebook/nbformat";
import { outputHtml } from "../src/site/outputs";
import { MIN_TEXT_PX, fitFigure } from "../src/site/fit";
import { describeFigure } from "../src/site/figureText";
import { isExercisePrompt, isProgress, markdownFor } from "../src/site/blog";
import { frontPageHtml } from "../src/site/frontPage";
import { titleOf } from "../src/site/cells";
import { lossCurve } from "../src/charts/lossCurve";
import { PROGRESS_CLASS, progressBundle } from "../src/notebook/progress";
import { ROOT } from "./support/notebooks";

const unescape = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const spans = (html: string, cls: string) => [...html.matchAll(new RegExp(`<span class="${cls}">([^<]*)</span>`, "g"))].map((m) => unescape(m[1]!));

describe("highlightTypeScript", () => {
  const code = 'import { train } from "../dist/index";\n// one sweep\nconst r = /a+b/g, half = E / 2 / n;\nconst s = `E = ${E.toFixed(4)} < ${"x"}`;\n';

  it("gives back the code exactly once the markup is removed", () => {
    expect(unescape(highlightTypeScript(code))).toBe(code);
  });

  it("marks keywords, strings, comments and numbers as the compiler scans them", () => {
    const html = highlightTypeScript(code);
    expect(spans(html, "kw")).toEqual(["import", "from", "const", "const"]);
    expect(spans(html, "cm")).toEqual(["// one sweep"]);
    expect(spans(html, "st")).toEqual(['"../dist/index"', "/a+b/g", "`E = ${", '} < ${', '"x"', "}`"]);
    expect(spans(html, "nu")).toEqual(["2", "4"]);
  });
});

describe("renderMarkdown", () => {
  const count = (html: string, needle: string) => html.split(needle).length - 1;

  it("typesets the prose's ½ as a fraction, without KaTeX's warning about it", () => {
    const warn = vi.spyOn(console, "warn");
    const html = renderMarkdown("the output $y = ½$");
    expect(html).toContain('class="mfrac"');
    expect(html).not.toContain("½");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("typesets inline and displayed equations at build time", () => {
    const html = renderMarkdown("Error $E = \\tfrac12 (y-d)^2$ and\n\n$$\n\\frac{\\partial E}{\\partial y} = y - d\n$$\n");
    expect(count(html, '<span class="katex">')).toBe(2);
    expect(count(html, 'class="katex-display"')).toBe(1);
    expect(html).not.toContain("$");
  });

  it("leaves dollars in code spans and prices alone", () => {
    const html = renderMarkdown("Run `echo $HOME$` for $5 and $6.");
    expect(html).not.toContain("katex");
    expect(html).toContain("<code>echo $HOME$</code>");
    expect(html).toContain("$5 and $6");
  });

  it("gives each heading an id from its words, for links into a section", () => {
    expect(renderMarkdown("## Step 2: the error $E$ of `caseError`")).toMatch(/^<h2 id="step-2-the-error-of-caseerror">Step 2: the error <span class="katex">/);
  });

  it("points links between notebooks at their pages", () => {
    expect(renderMarkdown("[next](02-dataset.ipynb#cases), [paper](https://example.org/x.ipynb)")).toContain('href="02-dataset.html#cases"');
  });

  it("stops on malformed LaTeX, quoting it", () => {
    expect(() => renderMarkdown("Broken $\\frac{1}{$ here")).toThrow(/cannot typeset \$\\frac\{1\}\{\$/);
  });
});

describe("outputHtml", () => {
  it("turns a Plotly bundle into a placeholder carrying the same figure, safe inside <script>", () => {
    const figure = { data: [{ type: "scatter", y: [1, 2], name: "</script><b>" }], layout: { title: { text: "E" } } };
    const html = outputHtml({ output_type: "display_data", data: { [PLOTLY_MIME]: figure, "text/plain": "[chart]" } });
    const json = /<script type="application\/json" class="figure">([\s\S]*)<\/script>$/.exec(html)![1]!;
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json)).toEqual(figure);
  });

  it("shows claims as their text, marked so that they hide with the code", () => {
    const html = outputHtml({ output_type: "display_data", data: { [CLAIMS_MIME]: { E: 1 }, "text/plain": "E = 1 < 2" } });
    expect(html).toBe('<pre class="claims">E = 1 &lt; 2</pre>');
  });
});

describe("notebookPage", () => {
  const notebook: Notebook = {
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "# Title with $E$" },
      {
        cell_type: "code",
        source: "show();",
        outputs: [
          { output_type: "stream", name: "stdout", text: "printed\n" },
          { output_type: "display_data", data: { [CLAIMS_MIME]: { E: 1 }, "text/plain": "E = 1", "text/html": "<table><tr><td>E claimed</td></tr></table>" } },
          { output_type: "execute_result", data: { "text/plain": "[ 1, 2 ]" } },
          { output_type: "display_data", data: { "text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "table" } },
          { output_type: "display_data", data: { [PLOTLY_MIME]: { data: [], layout: {} }, "text/plain": "[chart]" } },
        ],
      },
    ],
  };
  const page = (variant: "full" | "blog") => notebookPage(notebook, { title: "T", variant, assets: "assets/", live: false, home: "index.html" });

  it("in full shows the code and every output, with plotly.js loaded once", () => {
    const html = page("full");
    for (const part of ['class="source"', "printed", 'class="claims"', "[ 1, 2 ]", "<table>", 'class="chart"', 'class="toggle-code"']) expect(html).toContain(part);
    expect(html.split("plotly.min.js").length - 1).toBe(1);
  });

  it("for a blog keeps prose, equations, tables and charts, and drops the code and what it printed", () => {
    const html = page("blog");
    for (const part of ['class="katex"', "<table>", 'class="chart"']) expect(html).toContain(part);
    for (const part of ['class="source"', "printed", 'class="claims"', "E claimed", "[ 1, 2 ]", "toggle-code"]) expect(html).not.toContain(part);
  });

  it("folds an exercise's solution, and only that, behind a summary", () => {
    const exercise: Notebook = {
      metadata: {},
      cells: [
        { cell_type: "code", source: "const answer =\n  // BEGIN SOLUTION\n  42;\n  // END SOLUTION", metadata: { tags: ["solution"] }, outputs: [] },
        { cell_type: "code", source: "check(answer);", metadata: {}, outputs: [] },
      ],
    };
    const html = notebookPage(exercise, { title: "T", variant: "full", assets: "assets/", live: false, home: "index.html" });
    expect(html).toMatch(/<details class="solution"><summary>Show a solution<\/summary><pre class="source"><code>[^]*answer[^]*42[^]*<\/code><\/pre><\/details>/);
    expect(html.split("<details").length - 1).toBe(1);
    expect(html).not.toContain("SOLUTION");
  });
});

describe("live settings", () => {
  it("start at the paper's ε and α and the reproduction's seed", () => {
    expect(DEFAULT_SETTINGS).toEqual({ ε: 0.1, α: 0.9, seed: 588, sweeps: 1425 });
    expect(settingsFromHash("")).toEqual(DEFAULT_SETTINGS);
  });

  it("survive a round trip through the URL", () => {
    const settings = { ε: 0.37, α: 0.5, seed: 7, sweeps: 500 };
    expect(hashOf(settings)).toBe("#eps=0.37&alpha=0.5&seed=7&sweeps=500");
    expect(settingsFromHash(hashOf(settings))).toEqual(settings);
  });

  it("move values outside a slider onto it and ignore unreadable ones", () => {
    expect(settingsFromHash("#eps=7&alpha=-1&seed=12.6&sweeps=30")).toEqual({ ε: 1, α: 0, seed: 13, sweeps: 25 });
    // A link from before the sweeps slider still opens the paper's run length.
    expect(settingsFromHash("#eps=0.2&alpha=0.8&seed=7")).toEqual({ ε: 0.2, α: 0.8, seed: 7, sweeps: 1425 });
    expect(settingsFromHash("#eps=fast&alpha=&seed=NaN")).toEqual(DEFAULT_SETTINGS);
    for (const s of SLIDERS) expect(s.min).toBeLessThan(s.max);
  });
});

describe("liveRun", () => {
  it("trains the paper's 1,425 sweeps from the seed and, at the default settings, classifies all 64 vectors", () => {
    const { result, loss, weights } = liveRun(DEFAULT_SETTINGS);
    expect(result.losses).toHaveLength(1426);
    for (const c of symmetryCases()) expect(predict(result.network, c.input)[0]! > 0.5).toBe(isPalindrome(c.input));
    expect((loss.data[0]!["y"] as number[]).at(-1)).toBe(result.losses.at(-1));
    const hidden = result.network.layers[0]!;
    expect(weights.data[0]!["z"]).toEqual(hidden.weights.map((row, j) => [...row, hidden.biases[j]]));
    // The units as the notebooks name them, a colour scale that does not move with the run, true minus signs.
    expect(weights.data[0]!["y"]).toEqual(["L", "R"]);
    expect([weights.data[0]!["zmin"], weights.data[0]!["zmax"]]).toEqual([-15, 15]);
    expect((weights.data[0]!["text"] as string[][]).flat().filter((t) => t.startsWith("−")).length).toBeGreaterThan(0);
    expect((weights.data[0]!["text"] as string[][]).flat().some((t) => t.includes("-"))).toBe(false);
  });

  it("trains on the kernel, bit for bit the core's run with its snapshots", () => {
    const settings = { ε: 0.3, α: 0.5, seed: 7, sweeps: 1010 }; // a knife-edge run: one bit of e^x decides when it leaves its plateau
    expect(liveRun(settings).result).toEqual(train(paperStart(7), symmetryCases(), { sweeps: 1010, rule: { ε: 0.3, α: 0.5 }, snapshotEvery: LIVE_STEP }));
  });

  it("replays the run: the figures at a sweep show the curve so far and the weights of the snapshot at or before it", () => {
    const { result } = liveRun({ ...DEFAULT_SETTINGS, sweeps: 100 });
    const { loss, weights } = liveFigures(result, 100, 60);
    expect(loss.data[0]!["y"]).toEqual(result.losses.slice(0, 61));
    const at50 = result.snapshots.find((s) => s.sweep === 50)!.network.layers[0]!;
    expect(weights.data[0]!["z"]).toEqual(at50.weights.map((row, j) => [...row, at50.biases[j]]));
  });

  it("says in one sentence how a run went: solved when, stuck where and why, or blown up", () => {
    expect(runVerdict(liveRun(DEFAULT_SETTINGS).result, DEFAULT_SETTINGS)).toBe("Solved: every case on the right side of ½ from sweep 1,315, and E = 0.1278 after 1,425 sweeps.");
    const early = { ...DEFAULT_SETTINGS, sweeps: 500 };
    expect(runVerdict(liveRun(early).result, early)).toMatch(/^Not solved in 500 sweeps \(E = 3\.999\d\): momentum carried the first steps \(up to ε\/\(1 − α\) = 1\.0 times the gradient\) past the best constant answer until the output unit said “no” to every case/);
    const shelf = { ...DEFAULT_SETTINGS, sweeps: 1000 };
    expect(runVerdict(liveRun(shelf).result, shelf)).toMatch(/the output answers about the share of palindromes to every case/);
    const big = { ε: 1, α: 0.99, seed: 588, sweeps: 1425 };
    expect(runVerdict(liveRun(big).result, big)).toMatch(/\(up to ε\/\(1 − α\) = 100\.0 times the gradient\)/);
    const blown = { ...liveRun(early).result, stopped: "non-finite" as const, sweep: 12 };
    expect(runVerdict(blown, big)).toMatch(/^The run blew up at sweep 12: .* ε\/\(1 − α\) = 100\.00 times the gradient/);
  });
});

describe("buildSite", () => {
  it("refuses a notebook with a failed cell, naming the notebook, the cell and the error", () => {
    const notebook: Notebook = {
      metadata: {},
      cells: [
        { cell_type: "markdown", source: "# Broken" },
        { cell_type: "code", source: "const a = 1;", outputs: [] },
        { cell_type: "code", source: ["const b = ", "a.nope();"], outputs: [{ output_type: "error", ename: "TypeError", evalue: "a.nope is not a function" }] },
      ],
    };
    const out = mkdtempSync(join(tmpdir(), "site-test-"));
    expect(() => buildSite([{ name: "99-broken", notebook }], out)).toThrow(/notebooks\/99-broken\.ipynb, cell 3 failed:\nTypeError: a\.nope is not a function[\s\S]*const b = a\.nope\(\);/);
  });
});

describe("runNotebook", () => {
  it("stops a real tslab run at the failing cell, naming it with the kernel's error, after telling of each cell before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "site-nb-"));
    const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
    const notebook = {
      cells: [{ cell_type: "markdown", metadata: {}, source: "# Broken" }, code("const a = 1;"), code('const b: number = "text";'), code("a;")],
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(join(dir, "98-broken.ipynb"), JSON.stringify(notebook));
    const heard: string[] = [];
    await expect(runNotebook(join(dir, "98-broken.ipynb"), join(dir, "out.ipynb"), (done, total) => heard.push(`${done}/${total}`))).rejects.toThrow(
      /notebooks\/98-broken\.ipynb, cell 3 failed:\n.*Type 'string' is not assignable to type 'number'[\s\S]*--- cell 3 ---\nconst b: number = "text";/,
    );
    expect(heard).toEqual(["1/3"]);
  });
});

describe("fitFigure", () => {
  const figure = { data: [{ type: "heatmap", z: [[1]], texttemplate: "%{text}" }], layout: { title: { text: "Median sweeps to solve (—: over half unsolved), by ε and α" }, height: 300, margin: { t: 90, l: 70 }, xaxis: {}, yaxis: {} } };

  it("breaks a title that would not fit a phone into lines that do, and grows the chart to hold them", () => {
    const fitted = fitFigure(figure, 370);
    const title = (fitted.layout["title"] as { text: string; font: { size: number } });
    const lines = title.text.split("<br>");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(figure.layout.title.text);
    for (const line of lines) expect(line.length * title.font.size * 0.56).toBeLessThanOrEqual(370 - 24);
    expect(fitted.layout["height"]).toBeGreaterThan(300);
    expect(fitFigure(figure, 1100).layout["title"]).toMatchObject({ text: figure.layout.title.text });
  });

  it("never lets Plotly shrink cell labels below the smallest readable size", () => {
    for (const width of [370, 1100]) expect((fitFigure(figure, width).data[0]!["textfont"] as { size: number }).size).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });

  it("puts a legend that Plotly would stand beside the plot above it on a phone, in the rows its names fill, and leaves a placed one where it is", () => {
    const names = ["y1", "y2", "y3", "y4", "y5", "y6", "bias"];
    const lines = { data: names.map((name) => ({ type: "scatter", name, y: [0, 1] })), layout: { height: 400, margin: { t: 60, l: 50, r: 20, b: 50 } } };
    const phone = fitFigure(lines, 390);
    expect(phone.layout["legend"]).toMatchObject({ orientation: "h", x: 0, y: 1, yanchor: "bottom" });
    // An entry takes 46 px plus its name in 10 px type at 0.56 em a character: five fill the 338 px between the margins, so two rows.
    expect((phone.layout["margin"] as { t: number }).t).toBe(60 + 2 * 20 + 6);
    expect(phone.layout["height"]).toBe(400 + 2 * 20 + 6);
    expect(fitFigure({ ...lines, data: lines.data.slice(0, 2) }, 390).layout["height"]).toBe(400 + 20 + 6);
    expect(fitFigure(lines, 1100).layout["legend"]).toBeUndefined();
    expect(fitFigure({ ...lines, data: lines.data.slice(0, 1) }, 390).layout["legend"]).toBeUndefined();
    expect(fitFigure({ ...lines, layout: { ...lines.layout, showlegend: false } }, 390).layout["legend"]).toBeUndefined();
    const placed = { ...lines, layout: { ...lines.layout, legend: { orientation: "h", y: -0.2 } } };
    expect(fitFigure(placed, 390).layout["legend"]).toEqual({ orientation: "h", y: -0.2, font: { size: 10 } });
  });

  it("gives a chart with square cells the height that keeps them square, not a grey band", () => {
    const hinton = { data: [], layout: { margin: { t: 50, l: 40, r: 10, b: 20 }, height: 900, xaxis: { range: [-0.5, 16.5] }, yaxis: { range: [11.5, -0.5], scaleanchor: "x" } } };
    const fitted = fitFigure(hinton, 370);
    const margin = fitted.layout["margin"] as { t: number; b: number; l: number; r: number };
    expect(fitted.layout["height"]).toBeCloseTo(margin.t + margin.b + ((370 - margin.l - margin.r) * 12) / 17 + 30, -1);
  });
});

describe("describeFigure", () => {
  it("names a chart's kind, title and axes", () => {
    expect(describeFigure(lossCurve([4, 3, 2], { title: "E after each sweep" }))).toBe("Line chart: E after each sweep. Across: sweep. Up: E.");
    expect(describeFigure({ data: [{ type: "heatmap" }], layout: { title: { text: "Desired output d" } } })).toBe("Heat map: Desired output d.");
  });

  it("is what the page gives each chart as its aria-label", () => {
    const html = outputHtml({ output_type: "display_data", data: { [PLOTLY_MIME]: lossCurve([1], { title: "E" }), "text/plain": "" } });
    expect(html).toContain('role="figure" aria-label="Line chart: E. Across: sweep. Up: E."');
  });
});

describe("the blog variant", () => {
  it("takes the blog's words where a notebook speaks of its cells, and keeps the notebook's on the full page", () => {
    const source = "Why? <!--notebook-only-->The cell below<!--/notebook-only--><!--blog: The chart below--> shows it.";
    expect(markdownFor(source, "blog")).toBe("Why? The chart below shows it.");
    expect(markdownFor(source, "full")).toBe(source);
  });

  it("leaves out exercises and progress bars", () => {
    expect(isExercisePrompt({ cell_type: "markdown", source: "### Exercise 2 · The output unit" })).toBe(true);
    expect(isExercisePrompt({ cell_type: "markdown", source: "## Your turn\n\nWrite it." })).toBe(true);
    expect(isExercisePrompt({ cell_type: "markdown", source: "## Reading the run" })).toBe(false);
    const bar = { output_type: "display_data", data: { "text/html": progressBundle("runs", 3, 4)["text/html"], "text/plain": "" } };
    expect(isProgress(bar)).toBe(true);
    const notebook: Notebook = { metadata: {}, cells: [{ cell_type: "markdown", source: "### Exercise 1 · Do it" }, { cell_type: "code", source: "run();", outputs: [bar] }] };
    const html = notebookPage(notebook, { title: "T", variant: "blog", assets: "assets/", live: false, home: "index.html" });
    expect(html).not.toContain("Exercise 1");
    expect(html).not.toContain(`class="${PROGRESS_CLASS}"`);
  });
});

describe("an exercise on the full page", () => {
  it("folds the checker's verdict with the answer, since the verdict names what the answer computes", () => {
    const notebook: Notebook = {
      metadata: {},
      cells: [
        { cell_type: "code", source: "const ratio =\n  // BEGIN SOLUTION\n  4;\n  // END SOLUTION", metadata: { tags: ["solution"] }, outputs: [] },
        { cell_type: "code", source: "check(ratio);", outputs: [{ output_type: "stream", name: "stdout", text: "✓ ratio 4 matches the run\n" }] },
        { cell_type: "markdown", source: "After." },
      ],
    };
    const html = notebookPage(notebook, { title: "T", variant: "full", assets: "assets/", live: false, home: "index.html" });
    const fold = /<details class="solution">[^]*?<\/details>/.exec(html)![0];
    expect(fold).toContain("✓ ratio 4 matches the run");
    expect(fold).toContain("check");
    expect(html.replace(fold, "")).not.toContain("ratio 4");
  });
});

describe("the cell that holds the live figure", () => {
  it("speaks as the blog does on a page that has the sliders, and as the notebook does elsewhere", () => {
    const cell = { cell_type: "markdown" as const, metadata: {}, source: `<!--notebook-only-->Change ε in the first cells; the website edition puts sliders here.<!--/notebook-only--><!--blog: Move the sliders below.-->\n\n${LIVE_MARKER}` };
    const page = (live: boolean) => notebookPage({ metadata: {}, cells: [cell] }, { title: "T", variant: "full", assets: "assets/", live, home: "index.html" });
    expect(page(true)).toContain("Move the sliders below.");
    expect(page(true)).not.toContain("website edition");
    expect(page(false)).toContain("the website edition puts sliders here");
  });
});

describe("the front page", () => {
  const claimsCell = (claims: Record<string, number>) => ({ cell_type: "code" as const, source: "", outputs: [{ output_type: "display_data", data: { [CLAIMS_MIME]: claims, "text/plain": "" } }] });
  const heading = (text: string) => ({ cell_type: "markdown" as const, source: text });
  const runLengths: Notebook = {
    metadata: {},
    cells: [
      heading("## Claim 1: 1,425 sweeps\n## Claim 3: \"(Perhaps a higher learning rate could've enabled slightly less sweeps)\""),
      claimsCell({ notBy1425: 0.674, median: 2679, runs: 1000, gridSeeds: 128, gridCap: 2000, doubleShare: 0, paperShare: 0.445, halfShare: 1, lowerMomentumMedian: 503, doubleLowerMomentumMedian: 398, soonerAtDouble: 80, laterAtDouble: 48, signP: 0.0062 }),
      { cell_type: "code", source: "", outputs: [{ output_type: "display_data", data: { [PLOTLY_MIME]: lossCurve([1], { title: "Share of runs solved within s sweeps" }), "text/plain": "" } }] },
    ],
  };
  const weights: Notebook = {
    metadata: {},
    cells: [heading("## Claim 5: \"the minimum-norm solution\""), claimsCell({ leastBinary: 4.5826, leastBalanced: 5.3852, solvedRuns: 984, twoThreeFourShare: 0.262, settle: 500 })],
  };
  const notebooks = new Map([["07a-claims-run-lengths", runLengths], ["07b-claims-weights", weights]]);

  it("leads with the findings, their numbers taken from the notebooks' claims, and the figure", () => {
    const html = frontPageHtml({ pages: [{ name: "07a-claims-run-lengths", title: "7a · Claims" }], notebooks, title: "T" });
    expect(html.indexOf("What the runs show")).toBeLessThan(html.indexOf("The series"));
    for (const shown of ["67.4%", "2,679", "1,000 seeds", "4.58", "5.39", "26.2%", "984 runs", "500 sweeps later", "128 starts", "2,000", "44.5%", "100.0%", "503", "398", "p = 0.006"]) expect(html).toContain(shown);
    expect(html).toContain('<figure class="hero"><div class="chart"');
    expect(html).toContain('href="07b-claims-weights.html#claim-5-the-minimum-norm-solution"');
    expect(html).toContain('href="07a-claims-run-lengths.html#claim-3-perhaps-a-higher-learning-rate-could-ve-enabled-slightly-less-sweeps"');
    expect(html).toContain('href="student-edition/"');
  });

  it("keeps the answer to notebook 05's last exercise folded away from a student who starts here", () => {
    const html = frontPageHtml({ pages: [], notebooks, title: "T" });
    const folded = [...html.matchAll(/<details class="spoiler">[^]*?<\/details>/g)].map((m) => m[0]);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatch(/<summary>[^<]*answers the last exercise of notebook 05[^<]*<\/summary>[^]*1 : 2 : 4/);
    expect(html.replace(folded[0]!, "")).not.toMatch(/1 ?: ?2 ?: ?4|antisymmetric/);
  });

  it("links to the teaching notes as a page of the site when no repository is given", () => {
    expect(frontPageHtml({ pages: [], notebooks: new Map(), title: "T" })).toContain('href="teaching.html"');
    const page = teachingHtml("# Title\n\nIntro.\n\n## Teaching a backprop class\n\nThe walk.\n\n```sh\n## not a heading\n```\n\n### Grading\n\nnbgrader.\n\n## Benchmarks\n\nTimes.\n");
    expect(page).toMatch(/^<h1 id="teaching-a-backprop-class">Teaching a backprop class<\/h1>/);
    expect(page).toContain("## not a heading");
    expect(page).toContain('<h3 id="grading">Grading</h3>');
    expect(page).not.toMatch(/Intro|Benchmarks|Times/);
    expect(teachingHtml(readFileSync(join(ROOT, "README.md"), "utf8"))).toMatch(/Grading a class with nbgrader/);
  });

  it("links to the repository when it is given, and stops when a claim it needs has gone", () => {
    const html = frontPageHtml({ pages: [], notebooks, title: "T", repository: "https://example.org/me/exegesis/" });
    expect(html).toContain('href="https://example.org/me/exegesis/tree/main/notebooks"');
    expect(html).toContain('href="https://example.org/me/exegesis#teaching-a-backprop-class"');
    const without = { ...runLengths, cells: [runLengths.cells[0]!, claimsCell({ notBy1425: 0.674 }), runLengths.cells[2]!] };
    expect(() => frontPageHtml({ pages: [], notebooks: new Map([["07a-claims-run-lengths", without]]), title: "T" })).toThrow(/the front page needs the claims median/);
  });
});

describe("titleOf", () => {
  it("names a page by its first heading without the heading's number marks", () => {
    const notebook: Notebook = { cells: [{ cell_type: "markdown", source: ["# 2 · The 64<!--given:definition--> questions\n", "text"] }] } as Notebook;
    expect(titleOf(notebook, "fallback")).toBe("2 · The 64 questions");
  });
});
