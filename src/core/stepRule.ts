import { type Network } from "./network";
import { changedWeight, weightChange } from "./oneCase";
import { type PackedNetwork, pack, unpack } from "./packed";

/** The paper's eq. 9 settings: learning rate ε, momentum α, and an optional weight decay. */
export interface StepRule {
  ε: number;
  α: number;
  /** Fraction by which every weight shrinks after each change (the paper's 0.2% is 0.002). */
  decay?: number;
}

/** A rule that takes effect from a given sweep (sweeps count from 1). */
export interface Phase extends StepRule {
  fromSweep: number;
}

/** A fixed rule, or a schedule of phases by sweep (the family-trees run changes ε and α after 20). */
export type Rule = StepRule | readonly Phase[];

/** The rule in force on a sweep: the last phase whose `fromSweep` it has reached. */
export function ruleAt(rule: Rule, sweep: number): StepRule {
  if (!Array.isArray(rule)) return rule as StepRule;
  const phases = rule as readonly Phase[];
  let current = phases[0]!;
  for (const phase of phases) if (sweep >= phase.fromSweep) current = phase;
  return current;
}

/**
 * Δw(t) = −ε ∂E/∂w(t) + α Δw(t−1), then w ← w + Δw(t), then, with decay, w ← w(1 − decay).
 * Works in place on packed arrays (the trainer's hot path): `delta` holds Δw(t−1) on
 * entry and Δw(t) on return.
 */
export function stepPacked(net: PackedNetwork, dEdw: PackedNetwork, delta: PackedNetwork, rule: StepRule): void {
  for (let l = 0; l < net.length; l++) {
    update(net[l]!.w, dEdw[l]!.w, delta[l]!.w, rule);
    update(net[l]!.b, dEdw[l]!.b, delta[l]!.b, rule);
  }
}

function update(w: Float64Array, g: Float64Array, dw: Float64Array, { ε, α, decay = 0 }: StepRule): void {
  for (let k = 0; k < w.length; k++) {
    dw[k] = weightChange(g[k]!, dw[k]!, ε, α);
    w[k] = changedWeight(w[k]!, dw[k]!, decay);
  }
}

/** The step rule as a pure function on plain networks: the new weights and this step's Δw. */
export function step(network: Network, dEdw: Network, previousDelta: Network, rule: StepRule): { network: Network; delta: Network } {
  const net = pack(network);
  const delta = pack(previousDelta);
  stepPacked(net, pack(dEdw), delta, rule);
  return { network: unpack(net, network), delta: unpack(delta) };
}
