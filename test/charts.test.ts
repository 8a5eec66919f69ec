import { describe, expect, it } from "vitest";
import {
  FIGURE_1,
  formatWeight,
  NEGATIVE,
  POSITIVE,
  INK,
  MUTED,
  PAIR_COLORS,
  PATTERN_COLORS,
  BETTER_SCALE,
  MISSING,

  heatmap,
  hinton,
  initNetwork,
  lossCurve,
  makeRandom,
  networkDiagram,
  backwardDiagram,
  backwardTrace,
  netInputs,
  SYMMETRY_ARCHITECTURE,
  SYMMETRY_UNIT_NAMES,
  symmetryCases,
  train,
  unitPosition,
  weightsSlider,
  weightTrajectories,
} from "../src/index";

type Trace = Record<string, unknown> & { x: number[]; y: number[] };
type Shape = { x0: number; x1: number; y0: number; y1: number; fillcolor: string };

const run = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(5)), symmetryCases(), { sweeps: 40, rule: { ε: 0.1, α: 0.9 }, snapshotEvery: 10 });

describe("lossCurve", () => {
  it("plots E after k sweeps at x = k", () => {
    const trace = lossCurve(run.losses).data[0] as Trace;
    expect(trace.x).toEqual(run.losses.map((_, k) => k));
    expect(trace.y).toEqual(run.losses);
  });

  it("marks the solving sweep with a vertical line only when there is one", () => {
    expect(lossCurve(run.losses, { solvedAt: 17 }).layout["shapes"]).toMatchObject([{ x0: 17, x1: 17 }]);
    expect(lossCurve(run.losses).layout["shapes"]).toEqual([]);
  });

  it("labels the solving sweep on the side of its line that has room: inward from either end of the run", () => {
    const label = (solvedAt: number) => (lossCurve(run.losses, { solvedAt }).layout["annotations"] as { text: string; xanchor: string }[]).find((a) => a.text.includes("all right"))!;
    expect(label(5)).toMatchObject({ xanchor: "left", text: " all right at sweep 5" });
    expect(label(35)).toMatchObject({ xanchor: "right", text: "all right at sweep 35 " });
  });
});

describe("weightTrajectories", () => {
  const figure = weightTrajectories(run.snapshots);

  it("draws each weight and bias into each hidden unit, read from the snapshots", () => {
    expect(figure.data).toHaveLength(2 * (6 + 1));
    const w23 = figure.data[1 * 7 + 2] as Trace;
    expect(w23.x).toEqual([0, 10, 20, 30, 40]);
    expect(w23.y).toEqual(run.snapshots.map((s) => s.network.layers[0]!.weights[1]![2]));
    expect((figure.data[6] as Trace).y).toEqual(run.snapshots.map((s) => s.network.layers[0]!.biases[0]));
  });

  it("gives mirror-image inputs one colour, solid for the first half and dashed for the second", () => {
    const line = (k: number) => (figure.data[k] as { line: { color: string; dash: string } }).line;
    expect(line(0).color).toBe(line(5).color);
    expect(line(2).color).toBe(line(3).color);
    expect(line(0).color).not.toBe(line(1).color);
    expect([line(0).dash, line(5).dash]).toEqual(["solid", "dash"]);
  });

  it("refuses an empty run with a clear error", () => {
    expect(() => weightTrajectories([])).toThrow(/at least one snapshot/);
  });
});

describe("weightsSlider", () => {
  const figure = weightsSlider(run.snapshots);
  const steps = (figure.layout["sliders"] as { steps: { label: string; args: [{ y: number[][] }, number[]] }[] }[])[0]!.steps;

  it("has one slider step per snapshot whose bars are that snapshot's weights and bias", () => {
    expect(steps.map((s) => s.label)).toEqual(["0", "10", "20", "30", "40"]);
    const at20 = run.snapshots[2]!.network.layers[0]!;
    expect(steps[2]!.args[0].y).toEqual(at20.weights.map((row, j) => [...row, at20.biases[j]]));
    expect(steps[2]!.args[1]).toEqual([0, 1]);
  });

  it("opens on the last snapshot, with a fixed axis that holds every step", () => {
    const last = run.network.layers[0]!;
    expect((figure.data[0] as Trace).y).toEqual([...last.weights[0]!, last.biases[0]]);
    const [low, high] = (figure.layout["yaxis"] as { range: number[] }).range as [number, number];
    for (const step of steps) for (const v of step.args[0].y.flat()) expect(low <= v && v <= high).toBe(true);
  });
});

describe("hinton", () => {
  const matrix = [
    [4, -1],
    [0, -2],
  ];
  const shapes = hinton(matrix).layout["shapes"] as Shape[];
  const area = (s: Shape) => (s.x1 - s.x0) * (s.y1 - s.y0);

  it("makes each square's area proportional to |w|", () => {
    expect(area(shapes[1]!) / area(shapes[0]!)).toBeCloseTo(1 / 4, 12);
    expect(area(shapes[3]!) / area(shapes[0]!)).toBeCloseTo(2 / 4, 12);
    expect(area(shapes[2]!)).toBe(0);
  });

  it("draws positive weights white and negative black, centred on their cell", () => {
    expect(shapes.map((s) => s.fillcolor)).toEqual(["white", "black", "white", "black"]);
    expect([(shapes[1]!.x0 + shapes[1]!.x1) / 2, (shapes[1]!.y0 + shapes[1]!.y1) / 2]).toEqual([1, 0]);
  });

  it("keeps a square inside its cell", () => {
    for (const s of shapes) expect(s.x1 - s.x0).toBeLessThan(1);
  });
});

describe("heatmap", () => {
  it("keeps rows and columns as given and centres a diverging scale on zmid", () => {
    const figure = heatmap([[1, -2, 3]], { x: ["a", "b", "c"], y: ["r"], zmid: 0 });
    expect(figure.data[0]).toMatchObject({ z: [[1, -2, 3]], x: ["a", "b", "c"], y: ["r"], zmid: 0 });
    const scale = (figure.data[0] as { colorscale: [number, string][] }).colorscale;
    expect([scale[0]![1], scale.at(-1)![1]]).toEqual([NEGATIVE, POSITIVE]);
  });
});

describe("networkDiagram", () => {
  const figure = networkDiagram(FIGURE_1);
  const annotations = figure.layout["annotations"] as { x: number; y: number; text: string }[];

  it("writes every weight of Figure 1 on its arc, with a true minus sign", () => {
    const weights = FIGURE_1.layers.flatMap((layer) => layer.weights.flat());
    expect(annotations.map((a) => a.text)).toEqual(weights.map((w) => w.toFixed(1).replace("-", "−")));
  });

  it("puts each weight's label on the segment between its two units", () => {
    const from = unitPosition(6, 6, 0, 2);
    const to = unitPosition(6, 2, 1, 1);
    const label = annotations[6 + 2]!; // input 3 → hidden unit 2
    const cross = (to.x - from.x) * (label.y - from.y) - (to.y - from.y) * (label.x - from.x);
    expect(cross).toBeCloseTo(0, 12);
    expect(label.y > from.y && label.y < to.y).toBe(true);
  });

  it("colours arcs by sign and writes each bias inside its unit", () => {
    const arcs = figure.data.slice(0, 14) as { line: { color: string } }[];
    expect(arcs[0]!.line.color).toBe(POSITIVE);
    expect(arcs[1]!.line.color).toBe(NEGATIVE);
    const units = figure.data.at(-1) as { text: string[] };
    expect(units.text.slice(6)).toEqual(["−1.1", "−1.1", "6.4"]);
  });

  it("lays out the widest layer one apart and centres the others over it", () => {
    expect([0, 5].map((j) => unitPosition(6, 6, 0, j).x)).toEqual([0, 5]);
    expect(unitPosition(6, 1, 2, 0)).toEqual({ x: 2.5, y: 2 });
    expect(unitPosition(6, 2, 1, 0).x + unitPosition(6, 2, 1, 1).x).toBe(5);
  });
});

describe("backwardDiagram", () => {
  const w0 = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(588), 0.3);
  const c = symmetryCases()[45]!; // 101101
  const trace = backwardTrace(w0, c);
  const figure = backwardDiagram(w0, trace, { unitNames: SYMMETRY_UNIT_NAMES });
  const annotations = figure.layout["annotations"] as { text: string; xanchor?: string }[];
  const units = figure.data.at(-1) as { text: string[]; hovertext: string[] };

  it("writes each arc's ∂E_c/∂w on it, coloured by its sign, not the weight, and grey where it is 0", () => {
    const dEdw = trace.dEdw.layers.flatMap((layer) => layer.weights.flat());
    expect(annotations.slice(0, 14).map((a) => a.text)).toEqual(dEdw.map((g) => formatWeight(g, 3)));
    const arcs = figure.data.slice(0, 14) as { line: { color: string } }[];
    expect(arcs.map((a) => a.line.color)).toEqual(dEdw.map((g) => (g === 0 ? MUTED : g > 0 ? POSITIVE : NEGATIVE)));
    // 101101's two off bits give four arcs, y2 and y5 to L and R, a derivative of exactly 0.
    expect(arcs.filter((a) => a.line.color === MUTED)).toHaveLength(4);
    // Some arcs' weights and derivatives differ in sign, so colouring by the weight would fail.
    const weights = w0.layers.flatMap((layer) => layer.weights.flat());
    expect(dEdw.some((g, k) => g > 0 !== weights[k]! > 0)).toBe(true);
  });

  it("writes ∂E_c/∂x inside each unit above the inputs, and its x and y beside it", () => {
    expect(units.text.slice(6)).toEqual([...trace.dEdx[0]!, ...trace.dEdx[1]!].map((g) => formatWeight(g, 3)));
    expect(units.hovertext[8]).toBe(`o: ∂E_c/∂x ${formatWeight(trace.dEdx[1]![0]!, 5)}`);
    const [xL] = netInputs(w0, c.input, 0);
    const notes = annotations.slice(14);
    expect(notes.map((a) => a.text.split("<br>")[0])).toEqual(["y = 1", "y = 0", "y = 1", "y = 1", "y = 0", "y = 1", `L: x = ${formatWeight(xL!, 3)}`, expect.stringMatching(/^R: x = /), expect.stringMatching(/^o: x = −/)]);
    expect(notes[8]!.text).toBe(`o: x = ${formatWeight(netInputs(w0, c.input, 1)[0]!, 3)}<br>y = ${formatWeight(trace.y[2]![0]!, 3)}`);
    expect(notes.slice(6).every((a) => a.xanchor === "left")).toBe(true);
  });

  it("leaves a plain diagram without notes", () => {
    expect((networkDiagram(w0).layout["annotations"] as unknown[]).length).toBe(14);
  });
});


describe("formatWeight", () => {
  it("prints a true minus sign, and no sign on a weight that rounds to zero", () => {
    expect([formatWeight(-14.2), formatWeight(3.6), formatWeight(-0.0049, 2)]).toEqual(["−14.2", "3.6", "0.00"]);
  });
});

describe("the palette", () => {
  it("gives each meaning its own colour: no colour stands for two things", () => {
    const colours = [POSITIVE, NEGATIVE, INK, MUTED, ...PAIR_COLORS, ...Object.values(PATTERN_COLORS), BETTER_SCALE.at(-1)![1]];
    expect(new Set(colours.map((c) => String(c).toLowerCase())).size).toBe(colours.length);
  });

  it("colours the replay's bars by the sign of each weight and tells the units apart by fill", () => {
    const figure = weightsSlider(run.snapshots, { unitNames: ["L", "R"] });
    for (const trace of figure.data) {
      const { y, marker } = trace as { y: number[]; marker: { color: string[] } };
      expect(marker.color).toEqual(y.map((w) => (w >= 0 ? POSITIVE : NEGATIVE)));
    }
    expect(figure.data.map((t) => (t["marker"] as { pattern: { shape: string } }).pattern.shape)).toEqual(["", "/"]);
    expect(figure.data.map((t) => t["name"])).toEqual(["into L (solid)", "into R (hatched)"]);
    const step = (figure.layout["sliders"] as { steps: { args: [Record<string, number[][]>] }[] }[])[0]!.steps[1]!;
    expect(step.args[0]["marker.color"]).toEqual(step.args[0]["y"]!.map((row) => row.map((w) => (w >= 0 ? POSITIVE : NEGATIVE))));
  });

  it("draws the better end of a settings grid greener whichever way its number runs, and a dash where there is no value", () => {
    const share = heatmap([[0.2, 0.9]], { x: ["a", "b"], y: ["r"], better: "higher", decimals: 2 }).data[0]!;
    const median = heatmap([[3000, 300, null]], { x: ["a", "b", "c"], y: ["r"], better: "lower", decimals: 0 }).data[0]!;
    expect(share["colorscale"]).toEqual(BETTER_SCALE);
    expect(share["reversescale"]).toBeUndefined();
    expect(median["colorscale"]).toEqual(BETTER_SCALE);
    expect(median["reversescale"]).toBe(true);
    expect(median["text"]).toEqual([["3000", "300", MISSING]]);
  });

  it("writes negative cell labels with a true minus sign", () => {
    expect(heatmap([[-1.25, 0.5]], { x: ["a", "b"], y: ["r"], zmid: 0, decimals: 1 }).data[0]!["text"]).toEqual([["−1.3", "0.5"]]);
  });
});

describe("lossCurve's axes and marks", () => {
  it("labels a log axis at whole decades only", () => {
    const yaxis = lossCurve(run.losses, { log: true }).layout["yaxis"] as Record<string, unknown>;
    expect(yaxis).toMatchObject({ type: "log", dtick: 1, exponentformat: "none" });
    expect((yaxis["minor"] as { dtick: string }).dtick).toBe("D1");
  });

  it("draws each level across the chart with its label, and an inset of the first sweeps", () => {
    const figure = lossCurve(run.losses, { levels: [{ E: 4, label: "answer 0" }, { E: 3.5, label: "answer ⅛" }], inset: 10 });
    const shapes = figure.layout["shapes"] as { y0: number; yref: string }[];
    expect(shapes.filter((s) => s.yref === "y").map((s) => s.y0)).toEqual([4, 3.5]);
    expect(shapes.filter((s) => s.yref === "y2").map((s) => s.y0)).toEqual([4, 3.5]);
    expect((figure.layout["annotations"] as { text: string }[]).map((a) => a.text)).toEqual(["the first 10 sweeps", "answer 0", "answer ⅛"]);
    const inset = figure.data[1] as Trace & { xaxis: string };
    expect(inset.xaxis).toBe("x2");
    expect(inset.y).toEqual(run.losses.slice(0, 11));
  });

  it("puts a level's label beside its line on a log axis too, where Plotly reads an annotation's y as a power of ten", () => {
    const figure = lossCurve(run.losses, { log: true, levels: [{ E: 18.5, label: "the stall" }] });
    expect((figure.layout["shapes"] as { y0: number }[]).map((s) => s.y0)).toEqual([18.5]);
    expect((figure.layout["annotations"] as { y: number }[]).map((a) => a.y)).toEqual([Math.log10(18.5)]);
  });
});
