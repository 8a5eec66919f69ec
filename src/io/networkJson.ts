import { type Architecture, type Network } from "../core/network";

/** Bad input from outside: the message names what is wrong, in one line. */
export class InputError extends Error {
  override name = "InputError";
}

/** The largest weight magnitude a network file may hold: far past any trained net's. */
export const MAX_WEIGHT = 1e6;

function checkNumber(value: unknown, where: string): number {
  if (typeof value !== "number") throw new InputError(`${where} must be a number, got ${JSON.stringify(value) ?? String(value)}`);
  if (!Number.isFinite(value)) throw new InputError(`${where} is not finite (${value})`);
  if (Math.abs(value) > MAX_WEIGHT) throw new InputError(`${where} is ${value}, outside ±${MAX_WEIGHT}`);
  return value;
}

function checkArray(value: unknown, length: number, where: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(`${where} must be an array`);
  if (value.length !== length) throw new InputError(`${where} must have ${length} entries, got ${value.length}`);
  return value;
}

/**
 * A network checked against an architecture: `{"layers":[{"weights":[[…],…],"biases":[…]},…]}`
 * with layer l's weights m×n (one row per unit, one column per unit below), every number
 * finite and within ±MAX_WEIGHT. `source` names where the value came from, for messages.
 */
export function checkNetwork(value: unknown, architecture: Architecture, source = "network"): Network {
  if (typeof value !== "object" || value === null || !("layers" in value)) {
    throw new InputError(`${source}: expected an object {"layers": [...]}`);
  }
  const layers = checkArray(value.layers, architecture.layers.length, `${source}: "layers"`);
  let n = architecture.inputs;
  return {
    layers: layers.map((layer, l) => {
      const m = architecture.layers[l]!.units;
      const at = `${source}: layer ${l}`;
      if (typeof layer !== "object" || layer === null) throw new InputError(`${at} must be an object with "weights" and "biases"`);
      const { weights, biases } = layer as { weights?: unknown; biases?: unknown };
      if (!Array.isArray(weights) || weights.some((row) => !Array.isArray(row) || row.length !== n) || weights.length !== m) {
        const got = Array.isArray(weights) ? `${weights.length}×${weights.map((r) => (Array.isArray(r) ? r.length : "?")).join("/")}` : typeof weights;
        throw new InputError(`${at} "weights" must be ${m}×${n} (one row per unit, one column per unit below), got ${got}`);
      }
      const checked = {
        weights: (weights as unknown[][]).map((row, j) => row.map((w, i) => checkNumber(w, `${at} weight [${j}][${i}]`))),
        biases: checkArray(biases, m, `${at} "biases"`).map((b, j) => checkNumber(b, `${at} bias [${j}]`)),
      };
      n = m;
      return checked;
    }),
  };
}

/** Parses JSON text and checks it as a network; malformed JSON is an InputError too. */
export function parseNetwork(text: string, architecture: Architecture, source = "network"): Network {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source}: malformed JSON (${(e as Error).message})`);
  }
  return checkNetwork(value, architecture, source);
}
