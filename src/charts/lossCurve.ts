import { type Figure } from "./figure";
import { FONT, MUTED } from "./style";

export interface LossCurveOptions {
  title?: string;
  /** Fix the sweep axis (a live chart keeps its frame while the run fills it). */
  sweeps?: number;
  /** Mark the sweep at which every case first fell on the right side of 0.5. */
  solvedAt?: number | null;
  /** A logarithmic E axis: the late, slow part of a run stays visible. */
  log?: boolean;
}

/** E against sweeps, from `train`'s `losses` (`losses[k]` is E after k sweeps). */
export function lossCurve(losses: readonly number[], options: LossCurveOptions = {}): Figure {
  const { title = "Error E during training", sweeps, solvedAt = null, log = false } = options;
  const solved =
    solvedAt === null
      ? []
      : [{ type: "line", xref: "x", yref: "paper", x0: solvedAt, x1: solvedAt, y0: 0, y1: 1, line: { color: MUTED, dash: "dot", width: 1 } }];
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: "E",
        x: losses.map((_, k) => k),
        y: losses.slice(),
        line: { color: "#222", width: 2 },
        hovertemplate: "sweep %{x}<br>E = %{y:.4f}<extra></extra>",
      },
    ],
    layout: {
      title: { text: title },
      font: FONT,
      xaxis: { title: { text: "sweep" }, ...(sweeps === undefined ? {} : { range: [0, sweeps] }) },
      yaxis: { title: { text: "E" }, type: log ? "log" : "linear", rangemode: "tozero" },
      shapes: solved,
      annotations:
        solvedAt === null
          ? []
          : [{ x: solvedAt, y: 1, xref: "x", yref: "paper", text: `all right at sweep ${solvedAt.toLocaleString("en-US")} `, showarrow: false, xanchor: "right", yanchor: "top", font: { color: MUTED } }],
      margin: { t: 50, r: 20 },
      height: 340,
      showlegend: false,
    },
  };
}
