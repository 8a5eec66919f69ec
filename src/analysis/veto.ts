/**
 * How a hidden unit of the symmetry net vetoes its answer. The output's net input is
 * x_o = b_o + Σ_k w_ok y_k, and the output is below ½ exactly when x_o < 0. Hold every hidden
 * unit but j at its output for a case: unit j, its weight w_oj to the output negative, pulls
 * x_o below 0 once y_j passes −(b_o + Σ_{k≠j} w_ok y_k) / w_oj, that is once its own net
 * input x_j passes the logit of that output.
 */
import { forward, netInputs } from "../core/forward";
import { type Network } from "../core/network";

/**
 * The net input the more excited hidden unit needs on this input for the output to fall below ½,
 * the other hidden units kept at their outputs for it: −∞ when the others already pull it below,
 * +∞ when no output of that unit can (its weight to the output not negative, or too small).
 */
export function vetoThreshold(network: Network, input: readonly number[]): number {
  const x = netInputs(network, input, 0);
  const y = forward(network, input)[1]!;
  const j = x.indexOf(Math.max(...x));
  const output = network.layers[1]!;
  const w = output.weights[0]!;
  const others = y.reduce((sum, yk, k) => (k === j ? sum : sum + w[k]! * yk), output.biases[0]!);
  if (others < 0) return -Infinity;
  const needed = -others / w[j]!;
  if (w[j]! >= 0 || needed >= 1) return Infinity;
  return Math.log(needed / (1 - needed));
}
