/**
 * What Figure 4's encoding units code, measured rather than read by eye. For each unit and
 * each feature of the people (or relationships) it sees, η² says what share of the spread
 * of the unit's incoming weights the feature explains, and a permutation p-value says how
 * often shuffled labels explain as much.
 */
import { type Network } from "../core/network";
import { type Random } from "../core/random";
import {
  PEOPLE,
  PERSON_UNITS,
  type Person,
  RELATIONSHIP_SEX,
  RELATIONSHIP_STEP,
  RELATIONSHIPS,
  type Relationship,
} from "../tasks/familyTrees";
import { bestOfPermutation, chanceEtaSquared, etaSquared, permutationP } from "./etaSquared";

/** The features a person unit might code; null leaves a person out (the grandchildren belong to both branches). */
export const PERSON_FEATURES: Record<string, (p: Person) => string | null> = {
  nationality: (p) => p.nationality,
  generation: (p) => String(p.generation),
  branch: (p) => (p.branch === "both" ? null : p.branch),
  sex: (p) => p.sex,
};

/** The features a relationship unit might code: person 2's sex, and how many generations up person 2 is. */
export const RELATIONSHIP_FEATURES: Record<string, (r: Relationship) => string | null> = {
  sex: (r) => RELATIONSHIP_SEX[r],
  generationStep: (r) => String(RELATIONSHIP_STEP[r]),
};

export interface UnitCode {
  /** The unit, 1–6 as the paper numbers them. */
  unit: number;
  feature: string;
  η2: number;
  /** η² that random labels reach on average: for one unit, or for the best of the six (`bestPersonUnits`). */
  chance: number;
  p: number;
}

/** Rows 0–5 of the first layer see the people (inputs 0–23); rows 6–11 the relationships (inputs 24–35). */
export function personWeights(network: Network): number[][] {
  return network.layers[0]!.weights.slice(0, 6).map((row) => row.slice(0, PERSON_UNITS));
}

export function relationshipWeights(network: Network): number[][] {
  return network.layers[0]!.weights.slice(6, 12).map((row) => row.slice(PERSON_UNITS));
}

function codes<T>(weights: number[][], items: readonly T[], features: Record<string, (item: T) => string | null>, random: Random): UnitCode[] {
  return weights.flatMap((w, k) =>
    Object.entries(features).map(([feature, of]) => {
      const groups = items.map(of);
      return { unit: k + 1, feature, η2: etaSquared(w, groups), chance: chanceEtaSquared(groups), p: permutationP(w, groups, random) };
    }),
  );
}

export function personUnitCodes(network: Network, random: Random): UnitCode[] {
  return codes(personWeights(network), PEOPLE, PERSON_FEATURES, random);
}

/**
 * For each feature, the unit that codes it best (highest η²), tested as the best of the six:
 * its chance level and p-value come from shuffles that also take the best of the six units
 * (`bestOfPermutation`), since the unit was picked after looking at all of them.
 */
function bestCodes<T>(weights: number[][], items: readonly T[], features: Record<string, (item: T) => string | null>, random: Random): UnitCode[] {
  return Object.entries(features).map(([feature, of]) => {
    const groups = items.map(of);
    const η2s = weights.map((w) => etaSquared(w, groups));
    const η2 = Math.max(...η2s);
    const { chance, p } = bestOfPermutation(weights, groups, random);
    return { unit: η2s.indexOf(η2) + 1, feature, η2, chance, p };
  });
}

export function bestPersonUnits(network: Network, random: Random): UnitCode[] {
  return bestCodes(personWeights(network), PEOPLE, PERSON_FEATURES, random);
}

export function bestRelationshipUnits(network: Network, random: Random): UnitCode[] {
  return bestCodes(relationshipWeights(network), RELATIONSHIPS, RELATIONSHIP_FEATURES, random);
}

/**
 * How alike each person unit treats an Englishman and his Italian counterpart: the
 * correlation between its 12 English weights and its 12 Italian ones, position for position.
 * Near 1, the unit uses the trees' isomorphism; the paper's nationality unit should be the exception.
 */
export function treeAgreement(network: Network): number[] {
  return personWeights(network).map((w) => correlation(w.slice(0, 12), w.slice(12)));
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0, aa = 0, bb = 0;
  a.forEach((x, k) => {
    ab += (x - ma) * (b[k]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[k]! - mb) ** 2;
  });
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}
