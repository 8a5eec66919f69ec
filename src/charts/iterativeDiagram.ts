import { type IterativeNet, unroll } from "../core/iterative";
import { type Figure } from "./figure";
import { networkDiagram } from "./networkDiagram";
import { FONT, formatWeight, signColor } from "./style";

export interface IterativeDiagramOptions {
  title?: string;
  decimals?: number;
}

/** Unit j of n on a ring, the first at the top, going clockwise. */
function ringPosition(j: number, n: number): { x: number; y: number } {
  const angle = Math.PI / 2 - (2 * Math.PI * j) / n;
  return { x: Math.cos(angle), y: Math.sin(angle) };
}

/**
 * The paper's Figure 5: an iterative net (left), its units on a ring with an arrow for
 * every weight and a loop for each unit's weight to itself, beside the equivalent layered
 * net (right, `networkDiagram` of the unrolled net), one layer per time step, in which
 * every arc of a set carries the same weight. Colour is the sign, thickness the size.
 */
export function iterativeDiagram(net: IterativeNet, options: IterativeDiagramOptions = {}): Figure {
  const { title = "", decimals = 1 } = options;
  const n = net.biases.length;
  const T = net.iterations;
  const names = [...Array(n).keys()].map((j) => `unit ${j + 1}`);
  const largest = Math.max(...net.weights.flat().map(Math.abs), Number.MIN_VALUE);
  const width = (w: number) => 0.75 + 5 * Math.abs(w) / largest;
  const ring: Record<string, unknown>[] = [];
  const arrows: Record<string, unknown>[] = [];
  const hover = { x: [] as number[], y: [] as number[], text: [] as string[] };
  net.weights.forEach((row, j) =>
    row.forEach((w, i) => {
      const to = ringPosition(j, n);
      const from = ringPosition(i, n);
      const text = `w from ${names[i]} to ${names[j]} = ${formatWeight(w, 3)}`;
      if (i === j) {
        // A unit's weight to itself: a small loop outside the ring.
        const c = { x: to.x * 1.28, y: to.y * 1.28 };
        const loop = [...Array(33).keys()].map((k) => (2 * Math.PI * k) / 32);
        ring.push({ type: "scatter", mode: "lines", xaxis: "x", yaxis: "y", x: loop.map((a) => c.x + 0.14 * Math.cos(a)), y: loop.map((a) => c.y + 0.14 * Math.sin(a)), line: { color: signColor(w), width: width(w) }, hoverinfo: "skip", showlegend: false });
        hover.x.push(c.x * 1.12);
        hover.y.push(c.y * 1.12);
        hover.text.push(text);
        return;
      }
      // Each direction runs beside the straight line, on its own side, and stops at the units' rims.
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const length = Math.hypot(dx, dy);
      const side = { x: (dy / length) * 0.06, y: (-dx / length) * 0.06 };
      const trim = 0.2 / length;
      const start = { x: from.x + dx * trim + side.x, y: from.y + dy * trim + side.y };
      const end = { x: to.x - dx * trim + side.x, y: to.y - dy * trim + side.y };
      arrows.push({ xref: "x", yref: "y", axref: "x", ayref: "y", x: end.x, y: end.y, ax: start.x, ay: start.y, showarrow: true, arrowhead: 2, arrowsize: 0.8, arrowwidth: width(w), arrowcolor: signColor(w), text: "" });
      hover.x.push((start.x + end.x) / 2);
      hover.y.push((start.y + end.y) / 2);
      hover.text.push(text);
    }),
  );
  const units = [...Array(n).keys()].map((j) => ringPosition(j, n));

  // The layered net, moved to the second pair of axes.
  const layered = networkDiagram(unroll(net), {
    decimals,
    unitNames: [...Array(T + 1).keys()].map((t) => names.map((_, j) => `y${j + 1}(${t})`)),
  });
  const onRight = (trace: Record<string, unknown>) => ({ ...trace, xaxis: "x2", yaxis: "y2" });
  const layeredLayout = layered.layout as { annotations: Record<string, unknown>[]; xaxis: Record<string, unknown>; yaxis: Record<string, unknown>; height: number };
  return {
    data: [
      ...ring,
      { type: "scatter", mode: "markers", xaxis: "x", yaxis: "y", x: hover.x, y: hover.y, text: hover.text, hoverinfo: "text", marker: { size: 14, opacity: 0 }, showlegend: false },
      {
        type: "scatter",
        mode: "markers+text",
        xaxis: "x",
        yaxis: "y",
        x: units.map((p) => p.x),
        y: units.map((p) => p.y),
        text: net.biases.map((b) => formatWeight(b, decimals)),
        hovertext: net.biases.map((b, j) => `${names[j]}: bias ${formatWeight(b, 3)}`),
        hoverinfo: "text",
        textfont: { size: 12 },
        marker: { size: 40, color: "white", line: { color: "#222", width: 1.5 } },
        showlegend: false,
      },
      ...layered.data.map(onRight),
    ],
    layout: {
      title: { text: title },
      font: FONT,
      annotations: [
        ...arrows,
        ...units.map((p, j) => ({ xref: "x", yref: "y", x: p.x * 1.62, y: p.y * 1.62, text: names[j]!.replace(" ", "<br>"), showarrow: false, font: { size: 11 } })),
        ...layeredLayout.annotations.map((a) => ({ ...a, xref: "x2", yref: "y2" })),
        { xref: "x domain", yref: "paper", x: 0.5, y: 1, text: "iterative net", showarrow: false, yanchor: "bottom", font: { size: 13 } },
        { xref: "x2 domain", yref: "paper", x: 0.5, y: 1, text: `the same net as ${T} layers`, showarrow: false, yanchor: "bottom", font: { size: 13 } },
      ],
      xaxis: { domain: [0, 0.4], visible: false, range: [-1.85, 1.85] },
      yaxis: { domain: [0.15, 0.85], visible: false, range: [-1.85, 1.85], scaleanchor: "x" },
      xaxis2: { ...layeredLayout.xaxis, domain: [0.45, 1] },
      yaxis2: { ...layeredLayout.yaxis, visible: true, showgrid: false, zeroline: false, tickvals: [...Array(T + 1).keys()], ticktext: [...Array(T + 1).keys()].map((t) => `t = ${t}`), anchor: "x2" },
      plot_bgcolor: "white",
      height: layeredLayout.height,
      margin: { t: 60, l: 10, r: 10, b: 10 },
      hovermode: "closest",
    },
  };
}
