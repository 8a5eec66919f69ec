import { describe, expect, it } from "vitest";
import { initIterative, iterativeDiagram, makeRandom, NEGATIVE, POSITIVE, solvedShareCurves, stateHistory, unitStates } from "../src/index";

type Trace = Record<string, unknown> & { x: number[]; y: number[]; xaxis?: string; line?: { color: string } };
type Annotation = Record<string, unknown> & { xref: string; text: string; arrowcolor?: string; showarrow: boolean };

const net = initIterative(4, 3, makeRandom(2), 2);

describe("iterativeDiagram", () => {
  const figure = iterativeDiagram(net);
  const annotations = figure.layout["annotations"] as Annotation[];

  it("draws an arrow for every weight between two units, coloured by its sign, and a loop for each unit's own", () => {
    const arrows = annotations.filter((a) => a.showarrow);
    expect(arrows).toHaveLength(4 * 3);
    const colours = net.weights.flatMap((row, j) => row.filter((_, i) => i !== j).map((w) => (w >= 0 ? POSITIVE : NEGATIVE)));
    expect(arrows.map((a) => a.arrowcolor)).toEqual(colours);
    const loops = (figure.data as Trace[]).filter((t) => t.xaxis === "x" && t["mode"] === "lines");
    expect(loops.map((t) => t.line!.color)).toEqual(net.weights.map((row, j) => (row[j]! >= 0 ? POSITIVE : NEGATIVE)));
  });

  it("draws beside it the layered net: three layers of the same sixteen weights, labelled on the right-hand axes", () => {
    const labels = annotations.filter((a) => a.xref === "x2" && !a.showarrow).map((a) => a.text);
    expect(labels).toHaveLength(3 * 16);
    expect(labels.slice(0, 16)).toEqual(labels.slice(16, 32));
    expect(labels.slice(16, 32)).toEqual(labels.slice(32));
    expect((figure.layout["yaxis2"] as { ticktext: string[] }).ticktext).toEqual(["t = 0", "t = 1", "t = 2", "t = 3"]);
  });
});

describe("unitStates", () => {
  it("puts each case's states in a row, step after step, with a rule between steps", () => {
    const starts = [[1, 0, 0, 0], [0, 1, 1, 0]];
    const histories = starts.map((y0) => stateHistory(net, y0));
    const figure = unitStates(histories, { cases: ["1000", "0110"] });
    const z = (figure.data[0] as { z: number[][] }).z;
    expect(z[1]).toEqual(histories[1]!.flat());
    expect(z[0]!.slice(0, 4)).toEqual([1, 0, 0, 0]);
    expect((figure.data[0] as { x: string[] }).x[6]).toBe("t1 · 3");
    expect((figure.layout["shapes"] as { x0: number }[]).map((s) => s.x0)).toEqual([3.5, 7.5, 11.5]);
  });
});

describe("solvedShareCurves", () => {
  it("draws one named, coloured curve per study on one frame", () => {
    const figure = solvedShareCurves(
      [
        { label: "2 hidden", colour: "#222", sweepsToSolve: [100, 300, Infinity] },
        { label: "3 hidden", colour: POSITIVE, sweepsToSolve: [200, Infinity] },
      ],
      { cap: 1000 },
    );
    expect(figure.data.map((t) => [t["name"], (t as Trace).line!.color])).toEqual([["2 hidden", "#222"], ["3 hidden", POSITIVE]]);
    expect((figure.data[1] as Trace).y.at(-1)).toBe(0.5);
    expect(figure.layout["showlegend"]).toBe(true);
  });
});
