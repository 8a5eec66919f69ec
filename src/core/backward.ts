import { activationBuffers, forwardBatch } from "./forward";
import { logisticDerivative } from "./logistic";
import { type Case, outputError } from "./loss";
import { type Network } from "./network";
import { type Batch, type PackedNetwork, pack, packCases, unitRows, unpack } from "./packed";

/** Buffers for one sweep, laid out like the activations: `[l][j][c]`. */
export interface Workspace {
  ys: Float64Array[][];
  dEdy: Float64Array[][];
  dEdx: Float64Array[][];
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
 * One sweep's forward and backward passes over the whole batch. Returns
 * E = ½ Σ_c Σ_j (y_j,c − d_j,c)² and writes into `dEdw` the gradient summed over cases.
 * The backward pass runs from the top, by the chain rule, in the paper's order:
 *   ∂E/∂y_j = y_j − d_j                      (output units)
 *   ∂E/∂x_j = ∂E/∂y_j · y_j(1 − y_j)
 *   ∂E/∂w_ji = Σ_c ∂E/∂x_j · y_i              (and ∂E/∂b_j = Σ_c ∂E/∂x_j)
 *   ∂E/∂y_i = Σ_j ∂E/∂x_j · w_ji              (units of the layer below)
 */
export function sweepInto(net: PackedNetwork, batch: Batch, margin: number, work: Workspace, dEdw: PackedNetwork): SweepResult {
  const C = batch.count;
  const { ys, dEdy, dEdx } = work;
  forwardBatch(net, batch, ys);

  const top = net.length - 1;
  let E = 0;
  let solved = true;
  for (let j = 0; j < net[top]!.m; j++) {
    const y = ys[top + 1]![j]!;
    const d = batch.targets[j]!;
    const e = dEdy[top]![j]!;
    for (let c = 0; c < C; c++) {
      e[c] = outputError(y[c]!, d[c]!, margin);
      E += 0.5 * e[c]! * e[c]!;
      if (y[c]! > 0.5 !== d[c]! > 0.5) solved = false;
    }
  }

  for (let l = top; l >= 0; l--) {
    const { n, m, w, links } = net[l]!;
    const y = ys[l + 1]!;
    const below = ys[l]!;
    const gw = dEdw[l]!.w;
    const gb = dEdw[l]!.b;
    for (let j = 0; j < m; j++) {
      const yj = y[j]!;
      const dy = dEdy[l]![j]!;
      const dx = dEdx[l]![j]!;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        dx[c] = dy[c]! * logisticDerivative(yj[c]!);
        sum += dx[c]!;
      }
      gb[j] = sum;
      for (let i = 0; i < n; i++) {
        if (links !== null && links[j * n + i] === 0) {
          gw[j * n + i] = 0; // no link, no gradient: the weight stays 0
          continue;
        }
        const yi = below[i]!;
        let s = 0;
        for (let c = 0; c < C; c++) s += dx[c]! * yi[c]!;
        gw[j * n + i] = s;
      }
    }
    if (l === 0) break;
    for (let i = 0; i < n; i++) {
      const dyBelow = dEdy[l - 1]![i]!;
      dyBelow.fill(0);
      for (let j = 0; j < m; j++) {
        const wji = w[j * n + i]!;
        if (wji === 0) continue;
        const dx = dEdx[l]![j]!;
        for (let c = 0; c < C; c++) dyBelow[c]! += dx[c]! * wji;
      }
    }
  }
  return { E, solved };
}

/** E, ∂E/∂w for every weight and bias (a network-shaped gradient), over a set of cases. */
export interface Evaluation {
  E: number;
  dEdw: Network;
  solved: boolean;
}

export function gradient(network: Network, cases: readonly Case[], margin = 0): Evaluation {
  const net = pack(network);
  const dEdw = zerosPacked(net);
  const { E, solved } = sweepInto(net, packCases(cases), margin, makeWorkspace(net, cases.length), dEdw);
  return { E, dEdw: unpack(dEdw), solved };
}

/** Every quantity of the chain rule for one case, layer by layer, as plain arrays. */
export interface BackwardTrace {
  /** `y[0]` is the input, `y[l + 1]` the outputs of layer l. */
  y: number[][];
  /** `dEdy[l]`, `dEdx[l]`: derivatives at the units of layer l. */
  dEdy: number[][];
  dEdx: number[][];
  E: number;
  dEdw: Network;
}

/** The backward pass for one case with every intermediate kept, for reading and checking. */
export function backwardTrace(network: Network, c: Case, margin = 0): BackwardTrace {
  const net = pack(network);
  const dEdw = zerosPacked(net);
  const work = makeWorkspace(net, 1);
  const { E } = sweepInto(net, packCases([c]), margin, work, dEdw);
  return {
    y: work.ys.map((rows) => rows.map((row) => row[0]!)),
    dEdy: work.dEdy.map((rows) => rows.map((row) => row[0]!)),
    dEdx: work.dEdx.map((rows) => rows.map((row) => row[0]!)),
    E,
    dEdw: unpack(dEdw),
  };
}
