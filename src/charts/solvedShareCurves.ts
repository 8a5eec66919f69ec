import { type Figure } from "./figure";
import { solvedShareCurve } from "./solvedShareCurve";

export interface ShareCurve {
  label: string;
  colour: string;
  /** Each run's sweeps to solve, Infinity for a run the cap stopped first. */
  sweepsToSolve: readonly number[];
}

/**
 * Several studies' solved-share curves on one frame, each in its own colour, named in a
 * legend at the top left: every curve starts at 0 (no run solves in its first sweeps), so
 * that corner stays clear whatever the cap, where the lines' ends may be anywhere.
 */
export function solvedShareCurves(curves: readonly ShareCurve[], options: { cap: number; title?: string }): Figure {
  const frames = curves.map((c) => solvedShareCurve(c.sweepsToSolve, options));
  return {
    data: frames.map((frame, k) => ({ ...frame.data[0], name: curves[k]!.label, line: { color: curves[k]!.colour, width: 2 } })),
    layout: { ...frames[0]!.layout, showlegend: true, legend: { x: 0.02, xanchor: "left", y: 0.98, yanchor: "top" } },
  };
}
