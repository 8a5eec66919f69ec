/**
 * How much of the spread of some numbers a grouping explains: η² = SS_between / SS_total,
 * 1 when the numbers are constant within each group and differ between them, near 0 when
 * the groups tell nothing. Items whose group is null are left out.
 */
import { type Random } from "../core/random";

export function etaSquared(values: readonly number[], groups: readonly (string | null)[]): number {
  if (values.length !== groups.length) throw new RangeError(`${values.length} values but ${groups.length} group labels`);
  const kept = values.flatMap((v, k) => (groups[k] === null ? [] : [[v, groups[k]!] as const]));
  const mean = kept.reduce((s, [v]) => s + v, 0) / kept.length;
  const byGroup = new Map<string, number[]>();
  for (const [v, g] of kept) byGroup.set(g, [...(byGroup.get(g) ?? []), v]);
  let between = 0;
  for (const members of byGroup.values()) {
    const m = members.reduce((s, v) => s + v, 0) / members.length;
    between += members.length * (m - mean) ** 2;
  }
  const total = kept.reduce((s, [v]) => s + (v - mean) ** 2, 0);
  return total === 0 ? 0 : between / total;
}

/** What η² a grouping of this shape reaches by chance, on average: (groups − 1) / (items − 1). */
export function chanceEtaSquared(groups: readonly (string | null)[]): number {
  const kept = groups.filter((g) => g !== null);
  return (new Set(kept).size - 1) / (kept.length - 1);
}

/**
 * The share of random relabellings (the same group sizes, shuffled over the items) whose
 * η² is at least the real one: a permutation p-value, seeded, with the real labelling
 * counted among them so it is never 0.
 */
export function permutationP(values: readonly number[], groups: readonly (string | null)[], random: Random, shuffles = 999): number {
  return bestOfPermutation([values], groups, random, shuffles).p;
}

/** Shuffles `labels` in place (Fisher–Yates), from `random`. */
function shuffle(labels: string[], random: Random): void {
  for (let k = labels.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [labels[k], labels[r]] = [labels[r]!, labels[k]!];
  }
}

/**
 * The permutation test for the best of several rows (units) at once: each shuffle relabels
 * the items once and keeps the largest η² over every row, so the test allows for having
 * picked the best row after looking. `chance` is that largest η²'s mean over the shuffles
 * (what the best of these rows reaches with random labels), `p` the share of shuffles, the
 * real labelling among them, whose largest η² is at least the real largest. One row: the
 * ordinary permutation p-value.
 */
export function bestOfPermutation(rows: readonly (readonly number[])[], groups: readonly (string | null)[], random: Random, shuffles = 999): { chance: number; p: number } {
  const kept = rows.map((values) => values.filter((_, k) => groups[k] !== null));
  const labels = groups.filter((g): g is string => g !== null);
  const largest = (by: readonly string[]) => Math.max(...kept.map((values) => etaSquared(values, by)));
  const best = largest(labels);
  let atLeast = 1;
  let sum = 0;
  for (let s = 0; s < shuffles; s++) {
    shuffle(labels, random);
    const shuffled = largest(labels);
    sum += shuffled;
    if (shuffled >= best - 1e-12) atLeast++;
  }
  return { chance: sum / shuffles, p: atLeast / (shuffles + 1) };
}
