/**
 * The batched passes the trainer runs: every case at once, unit by unit, each row of a
 * buffer holding one unit's value in every case. They compute what `oneCase.ts` writes
 * for a single case, summed over the cases in order (tests hold the two to the same bits).
 */
import { activationBuffers, addScaled, forwardBatch } from "./forward";
import { type Case, type Loss, outputError, outputErrorFromTarget, rightSideOf, unitCrossEntropy, unitError } from "./loss";
import { type Network } from "./network";
import { dEdxOf } from "./oneCase";
import { type Batch, type PackedLayer, type PackedNetwork, pack, packCases, unitRows, unpack } from "./packed";

/** One row per unit of a layer, one entry per case. */
type Rows = Float64Array[];

/** Buffers for one sweep, laid out like the activations: `[l][j][c]`. */
export interface Workspace {
  ys: Rows[];
  dEdy: Rows[];
  dEdx: Rows[];
}

export function makeWorkspace(net: PackedNetwork, count: number): Workspace {
  const perLayer = () => net.map(({ m }) => unitRows(m, count));
  return { ys: activationBuffers(net, count), dEdy: perLayer(), dEdx: perLayer() };
}

/** ∂E/∂w laid out as the packed weights. */
export function zerosPacked(net: PackedNetwork): PackedNetwork {
  return net.map(({ n, m, w, b, links }) => ({ n, m, w: new Float64Array(w.length), b: new Float64Array(b.length), links }));
}

/** What one sweep's passes measure: E, and whether every case is on the right side of 0.5. */
export interface SweepResult {
  E: number;
  solved: boolean;
}

/**
 * At the output units: y − d (or its margin form) in every case, and E = Σ_j Σ_c ½ (y − d)²;
 * y − d is ∂E/∂y for squared error, and already ∂E/∂x for cross-entropy (E its sum instead).
 */
function outputDerivatives(y: Rows, d: Rows, margin: number, dEdy: Rows, loss: Loss): SweepResult {
  if (loss === "crossEntropy" && margin !== 0) throw new RangeError(`cross-entropy takes no margin: margin ${margin}`);
  let E = 0;
  let solved = true;
  for (let j = 0; j < y.length; j++) {
    const [yj, dj, e] = [y[j]!, d[j]!, dEdy[j]!];
    for (let c = 0; c < e.length; c++) {
      e[c] = loss === "squaredFromTarget" ? outputErrorFromTarget(yj[c]!, dj[c]!, margin) : outputError(yj[c]!, dj[c]!, margin);
      E += loss === "crossEntropy" ? unitCrossEntropy(yj[c]!, dj[c]!) : unitError(e[c]!);
      if (!rightSideOf(yj[c]!, dj[c]!)) solved = false;
    }
  }
  return { E, solved };
}

/** Through each unit's logistic: ∂E/∂x = ∂E/∂y · y(1 − y), in every case. */
function throughLogistic(dEdy: Rows, y: Rows, dEdx: Rows): void {
  for (let j = 0; j < dEdx.length; j++) {
    const [e, yj, dx] = [dEdy[j]!, y[j]!, dEdx[j]!];
    for (let c = 0; c < dx.length; c++) dx[c] = dEdxOf(e[c]!, yj[c]!);
  }
}

/** Σ_c a_c · v_c over every case in order, or over the cases listed (those where v is not 0). */
function sumOverCases(a: Float64Array, v: Float64Array, cases: Uint32Array | null): number {
  let s = 0;
  if (cases === null) {
    for (let c = 0; c < a.length; c++) s += a[c]! * v[c]!;
  } else {
    for (let k = 0; k < cases.length; k++) s += a[cases[k]!]! * v[cases[k]!]!;
  }
  return s;
}

/** Σ_c a_c in case order. */
function total(a: Float64Array): number {
  let s = 0;
  for (let c = 0; c < a.length; c++) s += a[c]!;
  return s;
}

/** ∂E/∂w_ji = Σ_c ∂E/∂x_j · y_i and ∂E/∂b_j = Σ_c ∂E/∂x_j; a link left out gets 0, so its weight stays 0. */
function weightDerivatives({ n, m, links }: PackedLayer, dEdx: Rows, below: Rows, active: readonly Uint32Array[] | null, into: PackedLayer): void {
  for (let j = 0; j < m; j++) {
    into.b[j] = total(dEdx[j]!);
    for (let i = 0; i < n; i++) {
      into.w[j * n + i] = links?.[j * n + i] === 0 ? 0 : sumOverCases(dEdx[j]!, below[i]!, active && active[i]!);
    }
  }
}

/** For the layer below: ∂E/∂y_i = Σ_j ∂E/∂x_j · w_ji, in every case. */
function derivativesBelow({ n, m, w }: PackedLayer, dEdx: Rows, dEdyBelow: Rows): void {
  for (let i = 0; i < n; i++) {
    const e = dEdyBelow[i]!;
    e.fill(0);
    for (let j = 0; j < m; j++) {
      const wji = w[j * n + i]!;
      if (wji !== 0) addScaled(e, wji, dEdx[j]!, null);
    }
  }
}

/**
 * One sweep's forward and backward passes over the whole batch. Returns E and whether
 * every case is solved, and writes into `dEdw` the gradient summed over cases. The
 * backward pass runs from the top, by the chain rule, in the paper's order:
 *   ∂E/∂y_j = y_j − d_j                      (output units)
 *   ∂E/∂x_j = ∂E/∂y_j · y_j(1 − y_j)
 *   ∂E/∂w_ji = Σ_c ∂E/∂x_j · y_i              (and ∂E/∂b_j = Σ_c ∂E/∂x_j)
 *   ∂E/∂y_i = Σ_j ∂E/∂x_j · w_ji              (units of the layer below)
 * With cross-entropy the output units start at ∂E/∂x_j = y_j − d_j, their slope cancelled.
 */
export function sweepInto(net: PackedNetwork, batch: Batch, margin: number, work: Workspace, dEdw: PackedNetwork, loss: Loss = "squared"): SweepResult {
  const { ys, dEdy, dEdx } = work;
  forwardBatch(net, batch, ys);
  const top = net.length - 1;
  const result = outputDerivatives(ys[top + 1]!, batch.targets, margin, dEdy[top]!, loss);
  for (let l = top; l >= 0; l--) {
    if (l === top && loss === "crossEntropy") dEdx[l]!.forEach((row, j) => row.set(dEdy[l]![j]!));
    else throughLogistic(dEdy[l]!, ys[l + 1]!, dEdx[l]!);
    weightDerivatives(net[l]!, dEdx[l]!, ys[l]!, l === 0 ? batch.active : null, dEdw[l]!);
    if (l > 0) derivativesBelow(net[l]!, dEdx[l]!, dEdy[l - 1]!);
  }
  return result;
}

/** E, ∂E/∂w for every weight and bias (a network-shaped gradient), over a set of cases. */
export interface Evaluation {
  E: number;
  dEdw: Network;
  solved: boolean;
}

export function gradient(network: Network, cases: readonly Case[], margin = 0, loss: Loss = "squared"): Evaluation {
  const net = pack(network);
  const dEdw = zerosPacked(net);
  const { E, solved } = sweepInto(net, packCases(cases), margin, makeWorkspace(net, cases.length), dEdw, loss);
  return { E, dEdw: unpack(dEdw), solved };
}

/** E over a set of cases: ½ Σ_c Σ_j (y_j,c − d_j,c)², a sum, not a mean (or the cross-entropy's sum); the same bits as training's E. */
export function error(network: Network, cases: readonly Case[], margin = 0, loss: Loss = "squared"): number {
  const net = pack(network);
  const batch = packCases(cases);
  const ys = activationBuffers(net, batch.count);
  forwardBatch(net, batch, ys);
  return outputDerivatives(ys[net.length]!, batch.targets, margin, unitRows(batch.targets.length, batch.count), loss).E;
}
