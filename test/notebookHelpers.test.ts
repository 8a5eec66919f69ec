import { describe, expect, it } from "vitest";
import { CLAIMS_MIME, claimsBundle, FIGURE_1, markAgrees, namedWeights, proseNumbers, proseWords, symmetryGrid, tableBundle } from "../src/index";
import { renderMarkdown } from "../src/site/markdown";

describe("tableBundle", () => {
  const bundle = tableBundle(["name", "w"], [["w_L1", 14.2], ["b<R>", -1.1]], 2);

  it("prints numbers with fixed decimals and a true minus sign", () => {
    expect(bundle["text/html"]).toContain(">14.20<");
    expect(bundle["text/html"]).toContain(">−1.10<");
  });

  it("escapes text so that a name cannot break the HTML", () => {
    expect(bundle["text/html"]).toContain("b&lt;R&gt;");
  });

  it("right-aligns numbers in the plain-text fallback", () => {
    expect(bundle["text/plain"]!.split("\n")).toEqual(["name      w", "w_L1  14.20", "b<R>  −1.10"]);
  });
});

describe("claimsBundle", () => {
  const bundle = claimsBundle({ E0: 6.445163, right: 64 }, { E0: "E at the start" });

  it("shows each number beside its label, or its key when it has none, never as key = value", () => {
    expect(bundle["text/plain"]).toBe(["quantity        value  ", "E at the start  6.44516", "right           64     "].join("\n"));
    expect(bundle["text/html"]).toContain("<td style=\"text-align:left\">E at the start</td>");
    expect(JSON.stringify(bundle)).not.toMatch(/ = /);
  });

  it("keeps the claims themselves for the prose test", () => {
    expect(bundle[CLAIMS_MIME]).toEqual({ E0: 6.445163, right: 64 });
  });

  it("takes a label given beside its value, and records the value alone", () => {
    const paired = claimsBundle({ E0: [6.445163, "E at the start"], right: 64 });
    expect(paired["text/plain"]).toBe(bundle["text/plain"]);
    expect(paired[CLAIMS_MIME]).toEqual({ E0: 6.445163, right: 64 });
  });

  it("never throws on a value a run did not reach: shows it as null, leaves it out of the claims, and says so in one line", () => {
    const missed = claimsBundle({ E: 3.99, solvedAt: null, ratio: [Number.NaN, "largest over smallest"] }, {}, []);
    expect(missed[CLAIMS_MIME]).toEqual({ E: 3.99 });
    const lines = String(missed["text/plain"]).split("\n");
    expect(lines.slice(1, 4).map((l) => l.trim().split(/\s{2,}/))).toEqual([["E", "3.99"], ["solvedAt", "null"], ["largest over smallest", "null"]]);
    expect(lines.at(-1)).toBe("In this run, solvedAt and largest over smallest are null and the other numbers are this run's; the prose describes the paper's run.");
    expect(missed["text/html"]).toMatch(/<\/table><p>In this run, solvedAt and largest over smallest are null .*paper's run\.<\/p>$/);
  });

  it("says, under the reader's settings, that the numbers are the reader's run and the prose the paper's", () => {
    const yours = claimsBundle({ E: 3.99, solvedAt: null }, {}, ["ε = 0.25"]);
    expect(String(yours["text/plain"]).split("\n").at(-1)).toBe("With your settings (ε = 0.25), solvedAt is null and these are your run's numbers; the prose describes the paper's run.");
    const many = claimsBundle({ a: null, b: null, c: Number.NaN, E: 3.99 }, {}, ["ε = 0.25"]);
    expect(String(many["text/plain"]).split("\n").at(-1)).toBe("With your settings (ε = 0.25), 3 of these numbers are null and these are your run's numbers; the prose describes the paper's run.");
    expect(String(claimsBundle({ E: 3.99 }, {}, ["seed = 1", "α = 0"])["text/plain"]).split("\n").at(-1)).toBe("With your settings (seed = 1, α = 0), these are your run's numbers; the prose describes the paper's run.");
  });
});

describe("namedWeights", () => {
  it("names Figure 1's weights as the drawing does", () => {
    const named = Object.fromEntries(namedWeights(FIGURE_1).map(({ name, w }) => [name, w]));
    expect(named).toMatchObject({ w_L1: 14.2, w_L6: -14.2, b_L: -1.1, w_R3: -7.1, b_R: -1.1, w_oL: -8.8, w_oR: -8.8, b_o: 6.4 });
    expect(Object.keys(named)).toHaveLength(17);
  });

  it("refuses a network of another shape", () => {
    expect(() => namedWeights({ layers: [{ weights: [[1]], biases: [0] }] })).toThrow(/17 weights and biases/);
  });
});

describe("symmetryGrid", () => {
  const grid = symmetryGrid((c) => c.target[0]!);

  it("puts the first half in the row and the second half in the column", () => {
    expect(grid.text[3]![6]).toBe("011110");
    expect(grid.text[0]![1]).toBe("000001");
  });

  it("holds exactly one palindrome per row, in the column that reverses the row", () => {
    grid.z.forEach((row, r) => {
      expect(row.reduce((a, b) => a + b)).toBe(1);
      expect(grid.x[row.indexOf(1)]).toBe([...grid.y[r]!].reverse().join(""));
    });
  });
});

describe("proseNumbers", () => {
  const texts = (marks: { text: string }[]) => marks.map((m) => m.text);

  it("finds a typed figure, one with a space before its mark, and a mark with no figure", () => {
    const found = proseNumbers("E drops below 3.9 at sweep 947 <!--sweep--> and <!--E2--> here.");
    expect(found.unmarked.map((u) => u.split(" ")[0])).toEqual(["3.9", "947"]);
    expect(found.faults).toHaveLength(2);
    expect(found.faults[0]).toMatch(/a space before <!--sweep-->/);
    expect(found.faults[1]).toMatch(/<!--E2--> follows no number/);
  });

  it("reads computed marks with their sign, commas, decimals and percent", () => {
    const { computed, unmarked } = proseNumbers("Values −1.84<!--bR-->, 1,315<!--solvedAt--> and 41%<!--share-->.");
    expect(unmarked).toEqual([]);
    expect(computed).toEqual([
      { key: "bR", text: "−1.84", value: -1.84, decimals: 2 },
      { key: "solvedAt", text: "1,315", value: 1315, decimals: 0 },
      { key: "share", text: "41%", value: 0.41, decimals: 2 },
    ]);
    expect(markAgrees(computed[2]!, 0.4149)).toBe(true);
    expect(markAgrees(computed[2]!, 0.4151)).toBe(false);
  });

  it("lets a given mark cover a whole figure or the equation before it, and name a claim to check", () => {
    const found = proseNumbers("A 6-2-1<!--given:paper--> net, 1 : 2 : 4<!--given:paper-->, 1–2<!--given:blog--> epochs, $U(-0.3, 0.3)$<!--given:paper-->, ε = 0.1<!--given:paper:eps-->.");
    expect(found.unmarked).toEqual([]);
    expect(texts(found.given)).toEqual(["6-2-1", "1 : 2 : 4", "1–2", "$U(-0.3, 0.3)$", "0.1"]);
    expect(found.given[4]!.mark).toMatchObject({ key: "eps", value: 0.1 });
  });

  it("refuses a given mark of an unknown kind, or one naming a claim for several numbers", () => {
    expect(proseNumbers("1,425<!--given:guess-->").faults[0]).toMatch(/given:KIND/);
    expect(proseNumbers("1 : 2 : 4<!--given:paper:ratio-->").faults[0]).toMatch(/more than one number/);
  });

  it("needs no mark on digits that name: headings, code, links, references and LaTeX's whole numbers", () => {
    const text = "## 5 · The run\n\nSee [notebook 7](07-claims.ipynb), notebooks [4](04-x.ipynb) and [5](05-x.ipynb), Figure 1, case 45, seeds 1 to 10, `t > 100`, x1 and $w_{7-i}$, $2^6 = 64$.";
    expect(proseNumbers(text).unmarked).toEqual([]);
  });

  it("takes a decimal inside LaTeX for a figure that needs a given mark", () => {
    expect(proseNumbers("with $\\varepsilon = 0.1$ throughout").unmarked).toEqual(["0.1 in \"with $\\varepsilon = 0.1$ throughout\""]);
  });

  it("shows a given figure on the site with where it comes from, and hides computed marks", () => {
    const html = renderMarkdown("The 1,425<!--given:paper--> sweeps and E = 6.45<!--E0-->.");
    expect(html).toContain('<span class="given" title="from the paper">1,425</span>');
    expect(html).not.toMatch(/given:paper/);
    expect(html).toContain("6.45<!--E0-->");
  });
});

describe("proseWords", () => {
  it("counts the words a reader reads: not claim marks, code, equations or link addresses", () => {
    const text = "## 7a · Runs\n\nOnly 32.6%<!--solvedBy1425--> solve by `solvedShare(paper, 1425)`; $\\Delta w(t) = -\\varepsilon g$ and\n$$E = \\tfrac12 \\sum_c e_c^2$$\nsee [notebook 5](05-training.ipynb).<!--blog: see the training page.-->";
    // ## · and ; are not words: "7a", "Runs", "Only", "32.6%", "solve", "by", "and", "see", "[notebook", "5]."
    expect(proseWords(text)).toBe(10);
  });

  it("counts a notebook-only passage, which the notebook's reader sees", () => {
    expect(proseWords("<!--notebook-only-->The bar below counts the runs.<!--/notebook-only-->")).toBe(6);
  });
});
