import { type Random, uniform } from "./random";

/**
 * One layer of logistic units. `weights[j][i]` is w_ji, from unit i of the layer below
 * to unit j of this layer; `biases[j]` is the weight from an input that is always 1.
 * `connected[j][i] === false` marks a link the architecture leaves out: its weight is
 * 0 and stays 0 (the family-trees net feeds each input group to its own units).
 */
export interface Layer {
  weights: number[][];
  biases: number[];
  connected?: boolean[][];
}

/** A feed-forward net of logistic layers, listed from the input upwards. */
export interface Network {
  layers: Layer[];
}

/** What a layer should look like before its weights are drawn. */
export interface LayerSpec {
  units: number;
  /** Leave out links: `connected[j][i] === false` means no weight from i to j. */
  connected?: boolean[][];
}

export interface Architecture {
  inputs: number;
  layers: LayerSpec[];
}

/**
 * A network with every weight and bias drawn from U(−range, range), the paper's
 * initialisation with range 0.3. Draw order: layer by layer, unit by unit, each unit's
 * weights left to right and then its bias; links left out draw nothing.
 */
export function initNetwork(architecture: Architecture, random: Random, range = 0.3): Network {
  let below = architecture.inputs;
  const layers = architecture.layers.map((spec): Layer => {
    const weights: number[][] = [];
    const biases: number[] = [];
    for (let j = 0; j < spec.units; j++) {
      const row: number[] = [];
      for (let i = 0; i < below; i++) {
        row.push(spec.connected?.[j]?.[i] === false ? 0 : uniform(random, -range, range));
      }
      weights.push(row);
      biases.push(uniform(random, -range, range));
    }
    below = spec.units;
    return spec.connected ? { weights, biases, connected: spec.connected } : { weights, biases };
  });
  return { layers };
}

/** A deep copy: the core never changes a network it was handed. */
export function cloneNetwork(network: Network): Network {
  return {
    layers: network.layers.map((layer) => {
      const copy: Layer = { weights: layer.weights.map((row) => row.slice()), biases: layer.biases.slice() };
      if (layer.connected) copy.connected = layer.connected;
      return copy;
    }),
  };
}

/** A network of the same shape with every weight and bias 0: a gradient or a Δw to fill. */
export function zerosLike(network: Network): Network {
  return {
    layers: network.layers.map((layer) => ({
      weights: layer.weights.map((row) => row.map(() => 0)),
      biases: layer.biases.map(() => 0),
    })),
  };
}
