import { gradient } from "../core/backward";
import { forward } from "../core/forward";
import { type Network } from "../core/network";
import { symmetryCases } from "../tasks/symmetry";

/** What a symmetry net that has not solved the task is doing where it stopped. */
export interface Plateau {
  E: number;
  /** Palindromes answered "no" (output ≤ 0.5) and non-palindromes answered "yes". */
  wrongPalindromes: number;
  wrongOthers: number;
  /** The output over all 64 cases: its largest value and its mean. */
  largestOutput: number;
  meanOutput: number;
  /** How far each hidden unit's output ranges over the 64 cases: near 0, it tells no case from another. */
  hiddenRange: number[];
  /** The output unit's bias. */
  outputBias: number;
  /** The length of ∂E/∂w over all weights and biases (17 in a 6-2-1 net): how flat the ground is. */
  slope: number;
  kind: PlateauKind;
}

/**
 * Saturated: says "no" to every case with its output below 0.01, so E ≈ 4 and the slope
 * has all but vanished. Average: says "no" to every case with undifferentiated hidden
 * units, its output near 1/8, the share of palindromes, which is the best a constant
 * answer can do (E = 3.5). Partial: anything else.
 */
export type PlateauKind = "saturated" | "average" | "partial";

const cases = symmetryCases();

export function plateauOf(network: Network): Plateau {
  const ys = cases.map((c) => forward(network, c.input));
  const output = ys.map((y) => y[2]![0]!);
  const hidden = network.layers[0]!.biases.map((_, j) => ys.map((y) => y[1]![j]!));
  const { E, dEdw } = gradient(network, cases);
  const slope = Math.hypot(...dEdw.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]));
  const wrongPalindromes = cases.filter((c, k) => c.target[0] === 1 && output[k]! <= 0.5).length;
  const wrongOthers = cases.filter((c, k) => c.target[0] === 0 && output[k]! > 0.5).length;
  const largestOutput = Math.max(...output);
  const hiddenRange = hidden.map((h) => Math.max(...h) - Math.min(...h));
  const noToAll = wrongPalindromes === 8 && wrongOthers === 0;
  const kind: PlateauKind = noToAll && largestOutput < 0.01 ? "saturated" : noToAll && Math.max(...hiddenRange) < 0.5 ? "average" : "partial";
  return {
    E,
    wrongPalindromes,
    wrongOthers,
    largestOutput,
    meanOutput: output.reduce((a, y) => a + y, 0) / output.length,
    hiddenRange,
    outputBias: network.layers[1]!.biases[0]!,
    slope,
    kind,
  };
}
