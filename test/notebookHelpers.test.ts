import { describe, expect, it } from "vitest";
import { FIGURE_1, namedWeights, symmetryGrid, tableBundle } from "../src/index";

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
