import { type Figure } from "./figure";
import { solvedShareCurve } from "./solvedShareCurve";

export interface ShareCurve {
  label: string;
  colour: string;
  /** Each run's sweeps to solve, Infinity for a run the cap stopped first. */
  sweepsToSolve: readonly number[];
}

/** Several studies' solved-share curves on one frame, each in its own colour, named in a legend. */
export function solvedShareCurves(curves: readonly ShareCurve[], options: { cap: number; title?: string }): Figure {
  const frames = curves.map((c) => solvedShareCurve(c.sweepsToSolve, options));
  return {
    data: frames.map((frame, k) => ({ ...frame.data[0], name: curves[k]!.label, line: { color: curves[k]!.colour, width: 2 } })),
    layout: { ...frames[0]!.layout, showlegend: true, legend: { x: 0.98, xanchor: "right", y: 0.02, yanchor: "bottom" } },
  };
}
