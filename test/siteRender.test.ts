/**
 * The site's build-time pieces, without a browser: highlighting, typesetting, chart
 * placeholders, the live figure's settings and run, and loud failure on a broken notebook.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAIMS_MIME, PLOTLY_MIME, isPalindrome, predict, symmetryCases } from "../src/index";
import { buildSite } from "../src/site/build";
import { executeNotebook } from "../src/site/execute";
import { highlightTypeScript } from "../src/site/highlight";
import { DEFAULT_SETTINGS, SLIDERS, hashOf, settingsFromHash } from "../src/site/liveSettings";
import { liveRun } from "../src/site/liveRun";
import { renderMarkdown } from "../src/site/markdown";
import { notebookPage } from "../src/site/page";
import { type Notebook } from "../src/notebook/nbformat";
import { outputHtml } from "../src/site/outputs";

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
          { output_type: "display_data", data: { [CLAIMS_MIME]: { E: 1 }, "text/plain": "E = 1" } },
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
    for (const part of ['class="source"', "printed", 'class="claims"', "[ 1, 2 ]", "toggle-code"]) expect(html).not.toContain(part);
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
    expect(DEFAULT_SETTINGS).toEqual({ ε: 0.1, α: 0.9, seed: 588 });
    expect(settingsFromHash("")).toEqual(DEFAULT_SETTINGS);
  });

  it("survive a round trip through the URL", () => {
    const settings = { ε: 0.37, α: 0.5, seed: 7 };
    expect(hashOf(settings)).toBe("#eps=0.37&alpha=0.5&seed=7");
    expect(settingsFromHash(hashOf(settings))).toEqual(settings);
  });

  it("move values outside a slider onto it and ignore unreadable ones", () => {
    expect(settingsFromHash("#eps=7&alpha=-1&seed=12.6")).toEqual({ ε: 1, α: 0, seed: 13 });
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

describe("executeNotebook", () => {
  it("stops a real tslab run at the failing cell, naming it with the kernel's error", () => {
    const dir = mkdtempSync(join(tmpdir(), "site-nb-"));
    const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
    const notebook = {
      cells: [{ cell_type: "markdown", metadata: {}, source: "# Broken" }, code("const a = 1;"), code('const b: number = "text";'), code("a;")],
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(join(dir, "98-broken.ipynb"), JSON.stringify(notebook));
    expect(() => executeNotebook(join(dir, "98-broken.ipynb"))).toThrow(/notebooks\/98-broken\.ipynb, cell 3 failed:\n.*Type 'string' is not assignable to type 'number'[\s\S]*--- cell 3 ---\nconst b: number = "text";/);
  });
});
