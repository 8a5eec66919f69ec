/**
 * Three slips a first backward pass often makes, each written the way the mistaken code
 * computes, so that notebook 4 can set its gradient beside the right one. They share the
 * matrix form's pieces (matrixForm.ts); only the slip differs from the right pass. Then two
 * slips of training, each a whole run, so that notebook 5 can set it beside the paper's:
 * the error averaged over the cases at the paper's ε, and the weights changed after every case.
 */
import { gradient, makeWorkspace, sweepInto, zerosPacked } from "../core/backward";
import { forward } from "../core/forward";
import { type Case } from "../core/loss";
import { logisticDerivative } from "../core/logistic";
import { addOuterProduct, caseDeltas, matrixGradient, times, transposeTimes } from "../core/matrixForm";
import { cloneNetwork, type Network, zerosLike } from "../core/network";
import { type PackedNetwork, pack, packCases, unpack } from "../core/packed";
import { type StepRule, stepPacked } from "../core/stepRule";

/** acc += g, weight by weight. */
function addInto(acc: Network, g: Network): void {
  acc.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => row.forEach((_, i) => (row[i]! += g.layers[l]!.weights[j]![i]!)));
    layer.biases.forEach((_, j) => (layer.biases[j]! += g.layers[l]!.biases[j]!));
  });
}

/** w − ε g for every weight: plain descent's step, eq. 8. */
function descended(network: Network, g: Network, ε: number): Network {
  const next = cloneNetwork(network);
  next.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => row.forEach((w, i) => (row[i] = w - ε * g.layers[l]!.weights[j]![i]!)));
    layer.biases.forEach((b, j) => (layer.biases[j] = b - ε * g.layers[l]!.biases[j]!));
  });
  return next;
}

/**
 * Plain descent for `sweeps` sweeps with one gradient accumulator. With `reset` it is zeroed
 * before each sweep, as it must be; without, the slip, each sweep's gradient piles onto all the
 * earlier ones. Returns the weights the last sweep started from and the gradient it used.
 */
export function descentWithAccumulator(network: Network, cases: readonly Case[], sweeps: number, ε: number, reset: boolean): { network: Network; used: Network } {
  let weights = network;
  let acc = zerosLike(network);
  for (let sweep = 1; ; sweep++) {
    if (reset) acc = zerosLike(network);
    addInto(acc, gradient(weights, cases).dEdw);
    if (sweep === sweeps) return { network: weights, used: acc };
    weights = descended(weights, acc, ε);
  }
}

/**
 * The slip of changing each layer's weights (by −ε ∂E/∂w) as soon as its derivatives are summed,
 * before the pass has gone below it: the layer below is then handed δ through the changed weights.
 * Returns the gradient this pass computes, to set beside the right one of the unchanged weights.
 */
export function gradientWithEarlyStep(network: Network, cases: readonly Case[], ε: number): Network {
  const dEdw = zerosLike(network);
  const changed = cloneNetwork(network);
  const ys = cases.map((c) => forward(network, c.input));
  let δs = cases.map((c) => caseDeltas(network, c).δ.at(-1)!);
  for (let l = network.layers.length - 1; l >= 0; l--) {
    ys.forEach((y, k) => addOuterProduct(dEdw.layers[l]!, δs[k]!, y[l]!));
    changed.layers[l] = descended({ layers: [network.layers[l]!] }, { layers: [dEdw.layers[l]!] }, ε).layers[0]!;
    if (l > 0) δs = δs.map((δ, k) => times(transposeTimes(changed.layers[l]!.weights, δ), ys[k]![l]!.map(logisticDerivative)));
  }
  return dEdw;
}

/** The slip of taking the logistic's slope y(1 − y) of the total input x instead: x(1 − x) in every unit. */
export function gradientWithSlopeOfX(network: Network, cases: readonly Case[]): Network {
  return matrixGradient(network, cases, (_, x) => x * (1 - x));
}

/** What a training slip's run leaves: E (the paper's sum) after each sweep, from sweep 0, and the first sweep count with every case on the right side of 0.5. */
export interface SlipRun {
  network: Network;
  losses: number[];
  solvedAt: number | null;
}

/**
 * Runs `sweeps` sweeps from `network` with no Δw yet, on the trainer's packed arrays (a run
 * takes thousands of steps). Before each sweep it measures E over all the cases, with ∂E/∂w
 * there, and hands that gradient to `sweep`, which changes `net` and `delta` (Δw) in place.
 */
function slipRun(network: Network, cases: readonly Case[], sweeps: number, sweep: (net: PackedNetwork, delta: PackedNetwork, dEdw: PackedNetwork) => void): SlipRun {
  const net = pack(network);
  const delta = zerosPacked(net);
  const dEdw = zerosPacked(net);
  const batch = packCases(cases);
  const work = makeWorkspace(net, batch.count);
  const losses: number[] = [];
  let solvedAt: number | null = null;
  for (let t = 0; ; t++) {
    const { E, solved } = sweepInto(net, batch, 0, work, dEdw);
    losses.push(E);
    if (solved && solvedAt === null) solvedAt = t;
    if (t === sweeps) return { network: unpack(net, network), losses, solvedAt };
    sweep(net, delta, dEdw);
  }
}

/**
 * The slip of averaging the error over the cases while keeping the paper's ε: each sweep
 * steps along ∂E/∂w divided by the number of cases, so every push is that many times weaker
 * (64 for the symmetry task), as if ε were divided by it.
 */
export function meanGradientRun(network: Network, cases: readonly Case[], sweeps: number, rule: StepRule): SlipRun {
  return slipRun(network, cases, sweeps, (net, delta, dEdw) => {
    for (const layer of dEdw) for (const v of [layer.w, layer.b]) v.forEach((g, k) => (v[k] = g / cases.length));
    stepPacked(net, dEdw, delta, rule);
  });
}

/**
 * Changing the weights after every case, in order, instead of once a sweep as the paper does:
 * the step rule applied to one case's ∂E_c/∂w at a time, momentum carried from case to case.
 * Each case then sees weights its predecessors in the sweep have already moved.
 */
export function perCaseRun(network: Network, cases: readonly Case[], sweeps: number, rule: StepRule): SlipRun {
  const one = cases.map((c) => packCases([c]));
  const work = makeWorkspace(pack(network), 1);
  const dEdwc = zerosPacked(pack(network));
  return slipRun(network, cases, sweeps, (net, delta) => {
    for (const batch of one) {
      sweepInto(net, batch, 0, work, dEdwc);
      stepPacked(net, dEdwc, delta, rule);
    }
  });
}
