import { error, gradient, makeWorkspace, sweepInto, zerosPacked } from "./backward";
import { forward } from "./forward";
import { type Case } from "./loss";
import { type Layer, type Network, initNetwork } from "./network";
import { type PackedNetwork, pack, packCases, unpack } from "./packed";
import { type Random } from "./random";
import { type StepRule, stepPacked } from "./stepRule";

/**
 * A synchronous iterative net, the paper's Figure 5: one set of logistic units, each fed
 * by every unit, all updated together once per iteration:
 *   y_j(t + 1) = logistic(b_j + Σ_i w_ji y_i(t)).
 * Run for T iterations from a starting state y(0), it is a layered net of T layers that
 * all hold the same weights: each w_ji stands for a set of T corresponding weights.
 */
export interface IterativeNet {
  /** The shared weights: `weights[j][i]` is w_ji, from unit i to unit j; `biases[j]` is b_j. */
  weights: number[][];
  biases: number[];
  /** T, the number of iterations, and so of layers in the equivalent layered net. */
  iterations: number;
}

/** An iterative net of `units` units with weights and biases from U(−range, range), drawn as for one layer of `initNetwork`. */
export function initIterative(units: number, iterations: number, random: Random, range = 0.3): IterativeNet {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`units must be a whole number of at least 1, got ${units}`);
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`iterations must be a whole number of at least 1, got ${iterations}`);
  const { weights, biases } = initNetwork({ inputs: units, layers: [{ units }] }, random, range).layers[0]!;
  return { weights, biases, iterations };
}

/** Each case's y(0) and desired y(T) give one value per unit. */
function checkCases(net: IterativeNet, cases: readonly Case[]): void {
  const units = net.biases.length;
  const k = cases.findIndex((c) => c.input.length !== units || c.target.length !== units);
  if (k >= 0) throw new RangeError(`case ${k} has ${cases[k]!.input.length} inputs and ${cases[k]!.target.length} targets; an iterative net of ${units} units needs ${units} of each`);
}

/** The equivalent layered net: layer t holds its own copy of the shared weights and maps y(t) to y(t + 1). */
export function unroll(net: IterativeNet): Network {
  return { layers: Array.from({ length: net.iterations }, () => ({ weights: net.weights.map((row) => row.slice()), biases: net.biases.slice() })) };
}

/** Every unit's history of outputs from a starting state: `[y(0), y(1), …, y(T)]`, what the backward pass needs kept. */
export function stateHistory(net: IterativeNet, y0: readonly number[]): number[][] {
  return forward(unroll(net), y0);
}

/** E over cases whose input is y(0) and whose target is the desired y(T). */
export function iterativeError(net: IterativeNet, cases: readonly Case[]): number {
  return error(unroll(net), cases);
}

/** What the backward pass through the unrolled net gives for the shared weights. */
export interface TiedEvaluation {
  E: number;
  /** ∂E/∂w of each copy: layer t of the unrolled net, as if its weights were its own. */
  copies: Network;
  /** Σ_t over each set: ∂E/∂w of the shared weight itself (a change to w changes every copy). */
  dEdw: Layer;
  /** The paper's average over each set, dEdw / T. */
  mean: Layer;
}

/** The gradient of the unrolled net, gathered over each set of corresponding weights. */
export function tiedGradient(net: IterativeNet, cases: readonly Case[]): TiedEvaluation {
  checkCases(net, cases);
  const { E, dEdw: copies } = gradient(unroll(net), cases);
  const gather = (scale: number): Layer => ({
    weights: net.weights.map((row, j) => row.map((_, i) => copies.layers.reduce((s, layer) => s + layer.weights[j]![i]!, 0) * scale)),
    biases: net.biases.map((_, j) => copies.layers.reduce((s, layer) => s + layer.biases[j]!, 0) * scale),
  });
  return { E, copies, dEdw: gather(1), mean: gather(1 / net.iterations) };
}

/** ∂E/∂w of the shared weights by central finite differences on the iterative net itself: an independent truth for `tiedGradient`. */
export function iterativeFiniteDifference(net: IterativeNet, cases: readonly Case[], h = 1e-6): Layer {
  const slope = (nudge: (by: number) => IterativeNet) => (iterativeError(nudge(h), cases) - iterativeError(nudge(-h), cases)) / (2 * h);
  return {
    weights: net.weights.map((row, j) =>
      row.map((w, i) => slope((by) => ({ ...net, weights: net.weights.map((r, k) => (k === j ? r.map((v, l) => (l === i ? w + by : v)) : r)) }))),
    ),
    biases: net.biases.map((b, j) => slope((by) => ({ ...net, biases: net.biases.map((v, k) => (k === j ? b + by : v)) }))),
  };
}

export interface IterativeTrainOptions {
  sweeps: number;
  rule: StepRule;
  /**
   * How the copies' ∂E/∂w become one change per set: "mean", the paper's average, or
   * "sum", the gradient of the shared weight. The sum is T times the mean, so it acts as ε·T.
   */
  gather?: "mean" | "sum";
}

export interface IterativeTrainResult {
  net: IterativeNet;
  /** E at the start, then after each sweep. */
  losses: number[];
  /** The first sweep count at which every unit of every case ended on the right side of 0.5, if it did. */
  solvedAt: number | null;
}

/**
 * Full-sweep training of an iterative net through its unrolled layered net: each sweep
 * runs the layered forward and backward passes (which keep every unit's history of
 * outputs), gathers ∂E/∂w over each set of corresponding weights, applies the step rule
 * once to the shared weights, and copies them back into every layer, so the copies stay equal.
 */
export function trainIterative(from: IterativeNet, cases: readonly Case[], { sweeps, rule, gather = "mean" }: IterativeTrainOptions): IterativeTrainResult {
  checkCases(from, cases);
  const T = from.iterations;
  const layers = pack(unroll(from));
  const shared: PackedNetwork = layers.slice(0, 1).map(({ n, m, w, b }) => ({ n, m, w: w.slice(), b: b.slice(), links: null }));
  const copies = zerosPacked(layers);
  const dEdw = zerosPacked(shared);
  const delta = zerosPacked(shared);
  const batch = packCases(cases);
  const work = makeWorkspace(layers, batch.count);
  const scale = gather === "mean" ? 1 / T : 1;
  const losses: number[] = [];
  let solvedAt: number | null = null;
  for (let sweep = 0; ; sweep++) {
    const { E, solved } = sweepInto(layers, batch, 0, work, copies);
    losses.push(E);
    if (solved && solvedAt === null) solvedAt = sweep;
    if (sweep === sweeps) break;
    for (const key of ["w", "b"] as const) {
      const g = dEdw[0]![key];
      for (let k = 0; k < g.length; k++) {
        let s = 0;
        for (let t = 0; t < T; t++) s += copies[t]![key][k]!;
        g[k] = s * scale;
      }
    }
    stepPacked(shared, dEdw, delta, rule);
    for (const layer of layers) {
      layer.w.set(shared[0]!.w);
      layer.b.set(shared[0]!.b);
    }
  }
  const { weights, biases } = unpack(shared).layers[0]!;
  return { net: { weights, biases, iterations: T }, losses, solvedAt };
}
