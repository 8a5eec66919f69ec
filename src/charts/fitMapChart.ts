import { type FitCell } from "../analysis/familyFitMap";
import { PAPER_FAMILY_RUN } from "../tasks/familyTrees";
import { type Figure } from "./figure";
import { heatmap } from "./heatmap";

/**
 * The fit map as a heatmap: rows the initial range (the paper's ±0.3 on top), columns the
 * later ε, each cell shaded by its share fitted and labelled with its count ("7/8"), its
 * 95% interval on hover.
 */
export function fitMapChart(cells: readonly (readonly FitCell[])[], title: string): Figure {
  const percent = (share: number) => `${Math.round(100 * share)}%`;
  const figure = heatmap(
    cells.map((row) => row.map((c) => c.fitted / c.runs)),
    { title, x: (cells[0] ?? []).map((c) => `${c.ε}`), y: cells.map((row) => `±${row[0]!.range}`), zLabel: "share fitted" },
  );
  const [trace] = figure.data;
  const hover = cells.map((row) =>
    row.map((c) => `±${c.range}, ε ${c.ε}: ${c.fitted} of ${c.runs} runs fit<br>95% Wilson interval ${percent(c.interval.low)}–${percent(c.interval.high)}`),
  );
  // The columns are the ε from sweep 21 on (the first 20 sweeps keep the paper's 0.005), the rows the initial range.
  const later = PAPER_FAMILY_RUN.rule.at(-1)!.fromSweep;
  // Room above the columns for the axis title under the chart's own, and beside the rows for theirs.
  const layout = {
    ...figure.layout,
    title: { text: title, y: 0.98, yanchor: "top" },
    xaxis: { ...(figure.layout["xaxis"] as object), title: { text: `later ε (from sweep ${later})` } },
    yaxis: { ...(figure.layout["yaxis"] as object), title: { text: "initial range ±r" } },
    margin: { t: 130 },
    height: (figure.layout["height"] as number) + 60,
  };
  return {
    ...figure,
    layout,
    data: [{ ...trace, text: cells.map((row) => row.map((c) => `${c.fitted}/${c.runs}`)), texttemplate: "%{text}", customdata: hover, hovertemplate: "%{customdata}<extra></extra>" }],
  };
}
