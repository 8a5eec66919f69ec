import { type FitCell } from "../analysis/familyFitMap";
import { type Figure } from "./figure";
import { heatmap } from "./heatmap";

/** The fit map as a heatmap: rows the initial range (the paper's ±0.3 on top), columns the later ε, each cell its share fitted and, on hover, its count and interval. */
export function fitMapChart(cells: readonly (readonly FitCell[])[], title: string): Figure {
  const row = cells[0] ?? [];
  const percent = (share: number) => `${Math.round(100 * share)}%`;
  return heatmap(
    cells.map((r) => r.map((c) => c.fitted / c.runs)),
    {
      title,
      x: row.map((c) => `ε ${c.ε}`),
      y: cells.map((r) => `±${r[0]!.range}`),
      text: cells.map((r) => r.map((c) => `±${c.range}, ε ${c.ε}: ${c.fitted} of ${c.runs} runs fit (95% Wilson ${percent(c.interval.low)}–${percent(c.interval.high)})`)),
      zLabel: "share fitted",
      decimals: 2,
    },
  );
}
