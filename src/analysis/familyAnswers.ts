/**
 * Scoring the family-trees network's answers. "Correct" has two readings, and both are
 * reported: strictly, every one of the 24 outputs on the right side of 0.5 (the right
 * people above, everyone else below), which is how the paper judges an answer; or, by
 * ranking, the right people are the most active outputs (the k most active, for k answers).
 */
import { predict } from "../core/forward";
import { rightSide } from "../core/loss";
import { type Network } from "../core/network";
import { PEOPLE, type Query, queryCase } from "../tasks/familyTrees";

export interface Judgement {
  query: Query;
  /** The 24 outputs, one per person 2. */
  output: number[];
  /** Everyone whose output is above 0.5. */
  active: string[];
  strict: boolean;
  ranked: boolean;
}

export function judge(network: Network, query: Query): Judgement {
  const { input, target } = queryCase(query);
  const output = predict(network, input);
  const order = output.map((y, k) => [y, k] as const).sort((a, b) => b[0] - a[0]);
  const top = new Set(order.slice(0, query.answers.length).map(([, k]) => PEOPLE[k]!.name));
  return {
    query,
    output,
    active: PEOPLE.filter((_, k) => output[k]! > 0.5).map((p) => p.name),
    strict: rightSide(output, target),
    ranked: query.answers.every((name) => top.has(name)),
  };
}
