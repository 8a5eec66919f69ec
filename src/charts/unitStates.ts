import { type Figure } from "./figure";
import { heatmap } from "./heatmap";
import { MUTED } from "./style";

export interface UnitStatesOptions {
  title?: string;
  /** One label per case, for the rows. */
  cases: string[];
}

/**
 * Every unit's state through the iterations, one row per case: `histories[c][t][j]` is
 * y_j(t) in case c, drawn as blocks of columns, one block per time step (column `t2 · 3`
 * is unit 3 at t = 2), light for 0 and dark for 1, with a rule between steps.
 */
export function unitStates(histories: readonly (readonly (readonly number[])[])[], options: UnitStatesOptions): Figure {
  const { title = "", cases } = options;
  const steps = histories[0]!.length;
  const units = histories[0]![0]!.length;
  const x = [...Array(steps).keys()].flatMap((t) => [...Array(units).keys()].map((j) => `t${t} · ${j + 1}`));
  const figure = heatmap(histories.map((history) => history.flat()), { title, x, y: cases, zLabel: "y", decimals: 2 });
  const rules = [...Array(steps - 1).keys()].map((t) => ({ type: "line", xref: "x", yref: "paper", x0: (t + 1) * units - 0.5, x1: (t + 1) * units - 0.5, y0: 0, y1: 1, line: { color: MUTED, width: 2 } }));
  return { ...figure, layout: { ...figure.layout, shapes: rules, xaxis: { type: "category", side: "top" }, yaxis: { type: "category", autorange: "reversed", title: { text: "y(0)" } } } };
}
