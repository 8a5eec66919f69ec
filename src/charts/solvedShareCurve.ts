import { type Figure } from "./figure";
import { FONT, INK, MUTED } from "./style";

export interface SolvedShareOptions {
  /** The sweep the runs were capped at: the curve ends there. */
  cap: number;
  /** Sweep counts to mark with a labelled vertical line (the paper's 1,425). */
  marks?: { sweep: number; label: string }[];
  title?: string;
}

/**
 * The share of runs solved within s sweeps, for every s up to the cap: an empirical
 * cumulative distribution, with Infinity (never solved) keeping the curve below 1.
 */
export function solvedShareCurve(sweepsToSolve: readonly number[], options: SolvedShareOptions): Figure {
  const { cap, marks = [], title = "Share of runs solved within s sweeps" } = options;
  const sorted = sweepsToSolve.filter((s) => s <= cap).sort((a, b) => a - b);
  const n = sweepsToSolve.length;
  const x = [0, ...sorted.flatMap((s) => [s, s]), cap];
  const y = [0, ...sorted.flatMap((_, k) => [k / n, (k + 1) / n]), sorted.length / n];
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        x,
        y,
        line: { color: INK, width: 2 },
        hovertemplate: "within %{x} sweeps: %{y:.1%}<extra></extra>",
      },
    ],
    layout: {
      title: { text: title },
      font: FONT,
      xaxis: { title: { text: "sweeps s" }, range: [0, cap] },
      yaxis: { title: { text: "share solved" }, range: [0, 1], tickformat: ".0%" },
      shapes: marks.map(({ sweep }) => ({ type: "line", xref: "x", yref: "paper", x0: sweep, x1: sweep, y0: 0, y1: 1, line: { color: MUTED, dash: "dot", width: 1 } })),
      // Each label a line lower than the one before, so marks close together stay legible.
      annotations: marks.map(({ sweep, label }, k) => ({ x: sweep, y: 1 - 0.07 * k, xref: "x", yref: "paper", text: label, showarrow: false, xanchor: "left", yanchor: "top", font: { color: MUTED } })),
      margin: { t: 50, r: 20 },
      height: 360,
      showlegend: false,
    },
  };
}
