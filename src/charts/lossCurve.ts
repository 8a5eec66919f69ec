import { type Figure } from "./figure";
import { FONT, INK, MUTED } from "./style";

export interface LossCurveOptions {
  title?: string;
  /** Fix the sweep axis (a live chart keeps its frame while the run fills it). */
  sweeps?: number;
  /** Mark the sweep at which every case first fell on the right side of 0.5. */
  solvedAt?: number | null;
  /** A logarithmic E axis: the late, slow part of a run stays visible. */
  log?: boolean;
  /** An inset magnifying the first this many sweeps, which the full sweep axis squeezes into a few pixels. */
  inset?: number;
  /** Levels of E to draw across the chart, each with its label (the error of a network that ignores its input, say). */
  levels?: { E: number; label: string }[];
}

/** A log axis labelled at whole decades only (1, 10, 100), with unlabelled minor ticks between. */
const DECADES = { type: "log", dtick: 1, exponentformat: "none", minor: { ticks: "outside", ticklen: 3, dtick: "D1" } };

/** The solving sweep's label beside its line, on the side with room: left of a line in the right half of the run, right of one in the left half. */
function solvedLabel(solvedAt: number, lastSweep: number) {
  const late = solvedAt > lastSweep / 2;
  const text = `all right at sweep ${solvedAt.toLocaleString("en-US")}`;
  return { x: solvedAt, y: 1, xref: "x", yref: "paper", text: late ? `${text} ` : ` ${text}`, showarrow: false, xanchor: late ? "right" : "left", yanchor: "top", font: { color: MUTED } };
}

/** E against sweeps, from `train`'s `losses` (`losses[k]` is E after k sweeps). */
export function lossCurve(losses: readonly number[], options: LossCurveOptions = {}): Figure {
  const { title = "Error E during training", sweeps, solvedAt = null, log = false, inset, levels = [] } = options;
  const solved =
    solvedAt === null
      ? []
      : [{ type: "line", xref: "x", yref: "paper", x0: solvedAt, x1: solvedAt, y0: 0, y1: 1, line: { color: MUTED, dash: "dot", width: 1 } }];
  const levelLines = (axis: string) =>
    levels.map(({ E }) => ({ type: "line", xref: `${axis === "" ? "x" : "x2"} domain`, yref: `y${axis}`, x0: 0, x1: 1, y0: E, y1: E, line: { color: MUTED, dash: "dash", width: 1 } }));
  // Plotly places an annotation on a log axis by the logarithm of its value (a shape, by the value itself).
  const levelLabels = levels.map(({ E, label }, k) => ({
    x: 0, xref: "paper", y: log ? Math.log10(E) : E, yref: "y", text: label, showarrow: false, xanchor: "left", yanchor: k % 2 === 0 ? "bottom" : "top", font: { color: MUTED },
  }));
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: "E",
        x: losses.map((_, k) => k),
        y: losses.slice(),
        line: { color: INK, width: 2 },
        hovertemplate: "sweep %{x}<br>E = %{y:.4f}<extra></extra>",
      },
      ...(inset === undefined
        ? []
        : [{ type: "scatter", mode: "lines", name: "E", x: losses.slice(0, inset + 1).map((_, k) => k), y: losses.slice(0, inset + 1), xaxis: "x2", yaxis: "y2", line: { color: INK, width: 2 }, hovertemplate: "sweep %{x}<br>E = %{y:.4f}<extra></extra>" }]),
    ],
    layout: {
      title: { text: title },
      font: FONT,
      xaxis: { title: { text: "sweep" }, ...(sweeps === undefined ? {} : { range: [0, sweeps] }) },
      yaxis: { title: { text: log ? "E (log scale)" : "E" }, ...(log ? DECADES : { type: "linear", rangemode: "tozero" }) },
      // The inset sits in the chart's empty lower left: a run stays above the lower level there until its plunge.
      ...(inset === undefined
        ? {}
        : {
            xaxis2: { domain: [0.12, 0.55], anchor: "y2", range: [0, inset] },
            yaxis2: { domain: [0.1, 0.36], anchor: "x2", rangemode: "tozero" },
          }),
      shapes: [
        ...solved,
        ...levelLines(""),
        ...(inset === undefined
          ? []
          : [{ type: "rect", xref: "x2 domain", yref: "y2 domain", x0: 0, x1: 1, y0: 0, y1: 1, fillcolor: "#ffffff", line: { color: MUTED, width: 1 }, layer: "below" }, ...levelLines("2")]),
      ],
      annotations: [
        ...(inset === undefined ? [] : [{ x: 0.5, y: 1, xref: "x2 domain", yref: "y2 domain", text: `the first ${inset} sweeps`, showarrow: false, yanchor: "bottom", font: { color: MUTED } }]),
        ...(solvedAt === null
          ? []
          : [solvedLabel(solvedAt, losses.length - 1)]),
        ...levelLabels,
      ],
      margin: { t: 50, r: 20 },
      height: 340,
      showlegend: false,
    },
  };
}
