import { type FitCell } from "../analysis/familyFitMap";
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
    { title, x: (cells[0] ?? []).map((c) => `ε ${c.ε}`), y: cells.map((row) => `±${row[0]!.range}`), zLabel: "share fitted" },
  );
  const [trace] = figure.data;
  const hover = cells.map((row) =>
    row.map((c) => `±${c.range}, ε ${c.ε}: ${c.fitted} of ${c.runs} runs fit<br>95% Wilson interval ${percent(c.interval.low)}–${percent(c.interval.high)}`),
  );
  return {
    ...figure,
    data: [{ ...trace, text: cells.map((row) => row.map((c) => `${c.fitted}/${c.runs}`)), texttemplate: "%{text}", customdata: hover, hovertemplate: "%{customdata}<extra></extra>" }],
  };
}
