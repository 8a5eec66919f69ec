import { type Case } from "./loss";
import { type Network } from "./network";

/**
 * The arithmetic's view of a network: each layer's weights in one Float64Array, row j
 * holding w_j0 … w_j(n−1). Training works on this layout and hands back plain networks.
 */
export interface PackedLayer {
  /** Units below (n) and in this layer (m). */
  n: number;
  m: number;
  w: Float64Array;
  b: Float64Array;
  /** 1 where a link exists, 0 where the architecture leaves it out; absent when all exist. */
  links: Uint8Array | null;
}

export type PackedNetwork = PackedLayer[];

/**
 * A set of cases laid out unit by unit, so that every inner loop runs over the cases:
 * `inputs[i][c]` is input unit i in case c, `targets[j][c]` the desired output of unit j.
 */
export interface Batch {
  count: number;
  inputs: Float64Array[];
  targets: Float64Array[];
  /**
   * `active[i]`: the cases where input unit i is not 0, in order. The first layer's loops
   * visit only these: a term w · 0 adds nothing (at most the sign of an exact 0, which
   * the logistic and every later sum ignore), and one-hot inputs, as in family trees,
   * are mostly 0.
   */
  active: Uint32Array[];
}

/** One row of `count` numbers per unit: the layout of a batch's activations and derivatives. */
export function unitRows(units: number, count: number): Float64Array[] {
  return Array.from({ length: units }, () => new Float64Array(count));
}

export function pack(network: Network): PackedNetwork {
  return network.layers.map((layer) => {
    const m = layer.biases.length;
    const n = layer.weights[0]?.length ?? 0;
    const w = new Float64Array(m * n);
    layer.weights.forEach((row, j) => w.set(row, j * n));
    let links: Uint8Array | null = null;
    if (layer.connected) {
      links = new Uint8Array(m * n);
      for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) links[j * n + i] = layer.connected[j]?.[i] === false ? 0 : 1;
    }
    return { n, m, w, b: Float64Array.from(layer.biases), links };
  });
}

/** Back to plain data; `like` lends the architecture's `connected` masks. */
export function unpack(packed: PackedNetwork, like?: Network): Network {
  return {
    layers: packed.map(({ n, m, w, b }, l) => {
      const weights = Array.from({ length: m }, (_, j) => Array.from(w.subarray(j * n, (j + 1) * n)));
      const connected = like?.layers[l]?.connected;
      return connected ? { weights, biases: Array.from(b), connected } : { weights, biases: Array.from(b) };
    }),
  };
}

export function packCases(cases: readonly Case[]): Batch {
  const count = cases.length;
  const inputUnits = cases[0]?.input.length ?? 0;
  const outputUnits = cases[0]?.target.length ?? 0;
  const inputs = unitRows(inputUnits, count);
  const targets = unitRows(outputUnits, count);
  cases.forEach((c, k) => {
    c.input.forEach((v, i) => (inputs[i]![k] = v));
    c.target.forEach((v, j) => (targets[j]![k] = v));
  });
  const active = inputs.map((row) => Uint32Array.from(row.keys()).filter((c) => row[c] !== 0));
  return { count, inputs, targets, active };
}
