/**
 * What the live figure computes for a choice of settings: a fresh 6-2-1 network from the
 * seed, trained full-sweep for the chosen number of sweeps (on the WebAssembly kernel, bit
 * for bit the core's run: a few milliseconds a run), the two figures it draws at
 * any sweep of that run (`runVerdict` says in one sentence how it went). Pure and DOM-free, so it
 * runs alike in the browser bundle and in tests.
 */
import { heatmap } from "../charts/heatmap";
import { lossCurve } from "../charts/lossCurve";
import { formatWeight } from "../charts/style";
import { type Figure } from "../charts/figure";
import { type Network } from "../core/network";
import { type TrainResult } from "../core/train";
import { trainOnKernel } from "../kernel/trainRun";
import { paperStart } from "../tasks/symmetry";
import { SYMMETRY_UNIT_NAMES } from "../tasks/symmetryNames";
import { type LiveSettings } from "./liveSettings";

export interface LiveRun {
  result: TrainResult;
  loss: Figure;
  weights: Figure;
}

/** The play button and the step button move through the run in snapshots this many sweeps apart. */
export const LIVE_STEP = 25;

/** The colour scale's fixed ends: a weight beyond ±15 is drawn as ±15 (its number still says how large). */
const WEIGHT_SCALE = 15;

/** The weights into L and R at one sweep, each cell labelled with its value, on one fixed colour scale. */
export function weightsFigure(network: Network, sweep: number): Figure {
  const hidden = network.layers[0]!;
  const z = hidden.weights.map((row, j) => [...row, hidden.biases[j]!]);
  const [inputs, units] = SYMMETRY_UNIT_NAMES as [string[], string[]];
  const figure = heatmap(z, { title: `Weights into the hidden units at sweep ${sweep.toLocaleString("en-US")}`, x: [...inputs, "bias"], y: units, zmid: 0, decimals: 1, zLabel: "weight" });
  const data = figure.data.map((trace) => ({ ...trace, zmin: -WEIGHT_SCALE, zmax: WEIGHT_SCALE, zmid: 0 }));
  return { ...figure, data, layout: { ...figure.layout, height: 260, margin: { t: 90, l: 40, r: 20, b: 20 } } };
}

/** The output unit's weights, as the status line prints them. */
export function outputWeights(network: Network): string {
  const output = network.layers[1]!;
  return `${output.weights[0]!.map((w) => formatWeight(w)).join(" and ")} from L and R, bias ${formatWeight(output.biases[0]!)}`;
}

/** The two figures as they stood after `sweep` sweeps of the run (the snapshot at or before it). */
export function liveFigures(result: TrainResult, sweeps: number, sweep: number): { loss: Figure; weights: Figure } {
  const snapshot = [...result.snapshots].reverse().find((s) => s.sweep <= sweep) ?? result.snapshots[0]!;
  const solvedAt = result.solvedAt !== null && result.solvedAt <= sweep ? result.solvedAt : null;
  const loss = lossCurve(result.losses.slice(0, sweep + 1), { sweeps, solvedAt, title: "Error E after each sweep" });
  return { loss, weights: weightsFigure(snapshot.network, snapshot.sweep) };
}

export function liveRun(settings: LiveSettings): LiveRun {
  const { ε, α, seed, sweeps } = settings;
  const result = trainOnKernel(paperStart(seed), { sweeps, rule: { ε, α }, snapshotEvery: LIVE_STEP });
  return { result, ...liveFigures(result, sweeps, result.sweep) };
}
