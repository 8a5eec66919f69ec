/**
 * What the live figure computes for a choice of settings: a fresh 6-2-1 network from the
 * seed, trained full-sweep for the paper's 1,425 sweeps, and the two figures it redraws.
 * Pure and DOM-free, so it runs alike in the browser bundle and in tests.
 */
import { heatmap } from "../charts/heatmap";
import { lossCurve } from "../charts/lossCurve";
import { formatWeight } from "../charts/style";
import { type Figure } from "../charts/figure";
import { type TrainResult } from "../core/train";
import { initNetwork } from "../core/network";
import { makeRandom } from "../core/random";
import { trainOnKernel } from "../kernel/trainRun";
import { PAPER_SYMMETRY_RUN, SYMMETRY_ARCHITECTURE } from "../tasks/symmetry";
import { type LiveSettings } from "./liveSettings";

export interface LiveRun {
  result: TrainResult;
  loss: Figure;
  weights: Figure;
}

const INPUTS = ["y1", "y2", "y3", "y4", "y5", "y6", "bias"];

/** The weights into the hidden units, each cell labelled with its value (so no colour bar is needed). */
function weightsFigure(result: TrainResult): Figure {
  const hidden = result.network.layers[0]!;
  const z = hidden.weights.map((row, j) => [...row, hidden.biases[j]!]);
  const figure = heatmap(z, { title: "Weights into the hidden units after the run", x: INPUTS, y: ["hidden 1", "hidden 2"], zmid: 0, decimals: 1 });
  return { ...figure, data: figure.data.map((trace) => ({ ...trace, showscale: false })), layout: { ...figure.layout, height: 250, margin: { t: 100, l: 70, r: 20, b: 20 } } };
}

/** The output unit's weights, as the status line prints them. */
export function outputWeights(result: TrainResult): string {
  const output = result.network.layers[1]!;
  return `${output.weights[0]!.map((w) => formatWeight(w)).join(" and ")} from the hidden units, bias ${formatWeight(output.biases[0]!)}`;
}

export function liveRun({ ε, α, seed }: LiveSettings): LiveRun {
  // paperRun's run, in the WebAssembly kernel: the same bits, a few times faster
  const initial = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), PAPER_SYMMETRY_RUN.range);
  const result = trainOnKernel(initial, { sweeps: PAPER_SYMMETRY_RUN.sweeps, rule: { ε, α } });
  const loss = lossCurve(result.losses, { sweeps: PAPER_SYMMETRY_RUN.sweeps, solvedAt: result.solvedAt, title: "Error E after each sweep" });
  return { result, loss, weights: weightsFigure(result) };
}
