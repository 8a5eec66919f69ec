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
  const real = etaSquared(values, groups);
  const kept = values.filter((_, k) => groups[k] !== null);
  const labels = groups.filter((g) => g !== null);
  let atLeast = 1;
  for (let s = 0; s < shuffles; s++) {
    for (let k = labels.length - 1; k > 0; k--) {
      const r = Math.floor(random() * (k + 1));
      [labels[k], labels[r]] = [labels[r]!, labels[k]!];
    }
    if (etaSquared(kept, labels) >= real - 1e-12) atLeast++;
  }
  return atLeast / (shuffles + 1);
}
