/**
 * Simple rivals for the family-trees network's held-out answers, so that what its invented
 * features are worth is measured against something. Two, one on either side of it:
 *
 * - naming people at random among those of the answer's sex in person 1's tree: what
 *   knowing only those two features (both given away by the input: the relationship word
 *   fixes the sex, person 1 the tree) would give;
 * - copying the counterpart: asking the same question of the person at the same place in
 *   the other tree and carrying the answer back. The trees are isomorphic, so this is right
 *   whenever the counterpart's question was trained on; the network is never told which
 *   people correspond, and has to find it out.
 */
import { PEOPLE, type Query, personIndex, queries } from "../tasks/familyTrees";

/** The person at the same place in the other tree: Colin ↔ Alfonso. */
export function counterpart(name: string): string {
  const half = PEOPLE.length / 2;
  return PEOPLE[(personIndex(name) + half) % PEOPLE.length]!.name;
}

/**
 * The counterpart rule's answer to `query`: the answers to the same relationship of person 1's
 * counterpart, carried back to person 1's tree; null if that question is among `heldOut`
 * (the rule has nothing to copy).
 */
export function counterpartAnswer(query: Query, heldOut: readonly Query[], all: readonly Query[] = queries()): string[] | null {
  const other = counterpart(query.person1);
  const asked = (q: Query) => q.person1 === other && q.relationship === query.relationship;
  if (heldOut.some(asked)) return null;
  const copied = all.find(asked);
  return copied === undefined ? [] : copied.answers.map(counterpart);
}

/** Whether the counterpart rule names exactly the right people. */
export function counterpartRight(query: Query, heldOut: readonly Query[], all: readonly Query[] = queries()): boolean {
  const answer = counterpartAnswer(query, heldOut, all);
  return answer !== null && answer.length === query.answers.length && answer.every((name) => query.answers.includes(name));
}

/**
 * The chance of naming exactly the right people by picking as many as there are answers, at
 * random, among the people of the answer's sex in person 1's tree (6 of them): 1/6 for one
 * answer, 1/15 for two.
 */
export function sexAndTreeChance(query: Query): number {
  const tree = PEOPLE[personIndex(query.person1)]!.nationality;
  const sex = PEOPLE[personIndex(query.answers[0]!)]!.sex;
  const n = PEOPLE.filter((p) => p.nationality === tree && p.sex === sex).length;
  const k = query.answers.length;
  let ways = 1;
  for (let i = 0; i < k; i++) ways = (ways * (n - i)) / (i + 1);
  return 1 / ways;
}
