import { describe, expect, it } from "vitest";
import { FIGURE_1, namedWeights, tableBundle } from "../src/index";

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
