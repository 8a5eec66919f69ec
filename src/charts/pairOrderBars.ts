import { type Figure } from "./figure";
import { FONT, MUTED, PATTERN_COLORS } from "./style";

/** How many hidden units carry their pair magnitudes in one order, split by some grouping (pattern kind). */
export interface OrderCount {
  order: string;
  counts: Record<string, number>;
}

/** One bar per order of the pairs (largest first), stacked by group; `highlight` names the figure's order. */
export function pairOrderBars(rows: readonly OrderCount[], { title = "Which pair carries the largest weights", highlight = "" } = {}): Figure {
  const groups = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))];
  // The palette's pattern colours for 1:2:4 and 2:3:4; any other group grey.
  const colour = (group: string) => (group === "1:2:4" ? PATTERN_COLORS.binary : group === "2:3:4" ? PATTERN_COLORS.balanced : MUTED);
  const label = (order: string) => (order === highlight ? `<b>${order}</b> (Figure 1)` : order);
  return {
    data: groups.map((group) => ({
      type: "bar",
      orientation: "h",
      name: group,
      y: rows.map((r) => label(r.order)),
      x: rows.map((r) => r.counts[group] ?? 0),
      marker: { color: colour(group) },
      hovertemplate: `${group}: %{x} units<extra></extra>`,
    })),
    layout: {
      title: { text: title },
      font: FONT,
      barmode: "stack",
      xaxis: { title: { text: "hidden units" } },
      yaxis: { autorange: "reversed", automargin: true },
      legend: { orientation: "h", y: -0.35, traceorder: "normal" },
      margin: { t: 50, r: 20 },
      height: 140 + 36 * rows.length,
    },
  };
}
