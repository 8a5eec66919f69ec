import { activationBuffers, forwardBatch } from "./forward";
import { logisticDerivative } from "./logistic";
import { type Case, outputError } from "./loss";
import { type Network } from "./network";
import { type Batch, type PackedNetwork, pack, packCases, unpack } from "./packed";

/** Buffers for one sweep, laid out like the activations: `[l][j * count + c]`. */
export interface Workspace {
  ys: Float64Array[];
  dEdy: Float64Array[];
  dEdx: Float64Array[];
}

export function makeWorkspace(net: PackedNetwork, count: number): Workspace {
  const perLayer = () => net.map(({ m }) => new Float64Array(m * count));
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
  const output = ys[top + 1]!;
  const dEdyTop = dEdy[top]!;
  const d = batch.targets;
  let E = 0;
  let solved = true;
  for (let k = 0; k < output.length; k++) {
    const e = outputError(output[k]!, d[k]!, margin);
    dEdyTop[k] = e;
    E += 0.5 * e * e;
    if (output[k]! > 0.5 !== d[k]! > 0.5) solved = false;
  }

  for (let l = top; l >= 0; l--) {
    const { n, m, w, links } = net[l]!;
    const y = ys[l + 1]!;
    const below = ys[l]!;
    const dy = dEdy[l]!;
    const dx = dEdx[l]!;
    const gw = dEdw[l]!.w;
    const gb = dEdw[l]!.b;
    for (let j = 0; j < m; j++) {
      const jC = j * C;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        const v = dy[jC + c]! * logisticDerivative(y[jC + c]!);
        dx[jC + c] = v;
        sum += v;
      }
      gb[j] = sum;
      for (let i = 0; i < n; i++) {
        if (links !== null && links[j * n + i] === 0) {
          gw[j * n + i] = 0; // no link, no gradient: the weight stays 0
          continue;
        }
        const iC = i * C;
        let s = 0;
        for (let c = 0; c < C; c++) s += dx[jC + c]! * below[iC + c]!;
        gw[j * n + i] = s;
      }
    }
    if (l === 0) break;
    const dyBelow = dEdy[l - 1]!;
    dyBelow.fill(0);
    for (let j = 0; j < m; j++) {
      const jC = j * C;
      for (let i = 0; i < n; i++) {
        const wji = w[j * n + i]!;
        if (wji === 0) continue;
        const iC = i * C;
        for (let c = 0; c < C; c++) dyBelow[iC + c]! += dx[jC + c]! * wji;
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
    y: work.ys.map((y) => Array.from(y)),
    dEdy: work.dEdy.map((v) => Array.from(v)),
    dEdx: work.dEdx.map((v) => Array.from(v)),
    E,
    dEdw: unpack(dEdw),
  };
}
