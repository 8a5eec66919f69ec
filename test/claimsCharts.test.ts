import { describe, expect, it } from "vitest";
import { normPerSeparation } from "../src/analysis/minimumNorm";
import { pairOrderBars } from "../src/charts/pairOrderBars";
import { ratioPlane } from "../src/charts/ratioPlane";
import { solvedShareCurve } from "../src/charts/solvedShareCurve";

type Trace = Record<string, unknown> & { x: number[]; y: number[] };

describe("solvedShareCurve", () => {
  it("steps up by 1/n at each run's solving sweep and ends at the share solved by the cap", () => {
    const trace = solvedShareCurve([30, Infinity, 10, 20], { cap: 100 }).data[0] as Trace;
    expect(trace.x).toEqual([0, 10, 10, 20, 20, 30, 30, 100]);
    expect(trace.y).toEqual([0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75]);
  });

  it("draws one dotted line and one label per mark, labels staggered", () => {
    const { layout } = solvedShareCurve([10], { cap: 100, marks: [{ sweep: 20, label: "a" }, { sweep: 25, label: "b" }] });
    expect((layout.shapes as { x0: number }[]).map((s) => s.x0)).toEqual([20, 25]);
    const ys = (layout.annotations as { y: number }[]).map((a) => a.y);
    expect(ys[0]).not.toBe(ys[1]);
  });
});

describe("ratioPlane", () => {
  it("places each unit at its sorted magnitudes over the largest, whatever the pairs' order", () => {
    const figure = ratioPlane([{ label: "figure 1", magnitudes: [[14.2, 3.6, 7.2]] }], { steps: 10 });
    const units = figure.data.find((t) => t["name"] === "figure 1") as Trace;
    expect(units.x[0]).toBeCloseTo(3.6 / 14.2, 12);
    expect(units.y[0]).toBeCloseTo(7.2 / 14.2, 12);
  });

  it("shades each cell by ‖m‖/separation, only where m(1) ≤ m(2), never below √21", () => {
    const shade = ratioPlane([], { steps: 8 }).data[0] as { x: number[]; y: number[]; z: (number | null)[][] };
    expect(shade.z[0]![5]).toBeNull(); // m(1)/m(3) > m(2)/m(3) cannot happen once sorted
    expect(shade.z[4]![1]).toBeCloseTo(normPerSeparation([shade.x[1]!, shade.y[4]!, 1]), 12);
    const values = shade.z.flat().filter((v): v is number => v !== null);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(Math.sqrt(21));
  });
});

describe("pairOrderBars", () => {
  it("stacks one bar per order from each group's counts, a missing count drawn as 0", () => {
    const figure = pairOrderBars(
      [
        { order: "outer > inner > middle", counts: { "1:2:4": 3, "2:3:4": 1 } },
        { order: "inner > middle > outer", counts: { "1:2:4": 2 } },
      ],
      { highlight: "outer > inner > middle" },
    );
    expect(figure.data.map((t) => t["name"])).toEqual(["1:2:4", "2:3:4"]);
    expect(figure.data.map((t) => t["x"])).toEqual([
      [3, 2],
      [1, 0],
    ]);
    expect((figure.data[0]!["y"] as string[])[0]).toContain("Figure 1");
  });
});
