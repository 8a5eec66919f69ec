/**
 * What the live figure computes for a choice of settings: a fresh 6-2-1 network from the
 * seed, trained full-sweep for the paper's 1,425 sweeps, and the two figures it redraws.
 * Pure and DOM-free, so it runs alike in the browser bundle and in tests.
 */
import { heatmap } from "../charts/heatmap";
import { lossCurve } from "../charts/lossCurve";
import { formatWeight } from "../charts/style";
import { type Figure } from "../charts/figure";
import { initNetwork } from "../core/network";
import { makeRandom } from "../core/random";
import { type TrainResult, train } from "../core/train";
import { PAPER_SYMMETRY_RUN, SYMMETRY_ARCHITECTURE, symmetryCases } from "../tasks/symmetry";
import { type LiveSettings } from "./liveSettings";

export interface LiveRun {
  result: TrainResult;
  loss: Figure;
  weights: Figure;
}

const INPUTS = ["x1", "x2", "x3", "x4", "x5", "x6", "bias"];

/** The weights into the hidden units, each cell labelled with its value; the output unit's weights in the title. */
function weightsFigure(result: TrainResult): Figure {
  const [hidden, output] = result.network.layers;
  const z = hidden!.weights.map((row, j) => [...row, hidden!.biases[j]!]);
  const out = output!.weights[0]!.map((w) => formatWeight(w)).join(", ");
  return heatmap(z, {
    title: `Weights into the hidden units<br><sub>output unit: ${out} from the hidden units, bias ${formatWeight(output!.biases[0]!)}</sub>`,
    x: INPUTS,
    y: ["hidden 1", "hidden 2"],
    zmid: 0,
    zLabel: "w",
    decimals: 1,
  });
}

export function liveRun({ ε, α, seed }: LiveSettings): LiveRun {
  const start = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), PAPER_SYMMETRY_RUN.range);
  const result = train(start, symmetryCases(), { sweeps: PAPER_SYMMETRY_RUN.sweeps, rule: { ε, α } });
  const loss = lossCurve(result.losses, { sweeps: PAPER_SYMMETRY_RUN.sweeps, solvedAt: result.solvedAt, title: `E during training (ε = ${ε}, α = ${α}, seed ${seed})` });
  return { result, loss, weights: weightsFigure(result) };
}
