/**
 * Figure 4's layout: the weights from the 24 person units into each of the 6 encoding
 * units as a Hinton diagram, each unit's block an English row above an Italian row, so
 * that counterparts (Christopher above Roberto) line up; blank rows part the units.
 */
import { type Network } from "../core/network";
import { personWeights, relationshipWeights } from "../analysis/familyUnits";
import { ENGLISH_TREE, ITALIAN_TREE, RELATIONSHIPS } from "../tasks/familyTrees";
import { type Figure } from "./figure";
import { hinton } from "./hinton";

export function personHinton(network: Network, title = "Weights from the 24 person units to the 6 encoding units"): Figure {
  const matrix: number[][] = [];
  const rowLabels: string[] = [];
  personWeights(network).forEach((w, k) => {
    if (k > 0) (matrix.push(new Array<number>(12).fill(0)), rowLabels.push(""));
    matrix.push(w.slice(0, 12), w.slice(12));
    rowLabels.push(`unit ${k + 1} · English`, `unit ${k + 1} · Italian`);
  });
  const columnLabels = ENGLISH_TREE.people.map((p, k) => `${p.name}<br>${ITALIAN_TREE.people[k]!.name}`);
  const figure = hinton(matrix, { title, rowLabels, columnLabels });
  figure.layout["height"] = 80 + 34 * matrix.length;
  figure.layout["margin"] = { t: 50, l: 120, b: 70 };
  return figure;
}

export function relationshipHinton(network: Network, title = "Weights from the 12 relationship units to their 6 encoding units"): Figure {
  const rowLabels = [1, 2, 3, 4, 5, 6].map((k) => `unit ${k}`);
  return hinton(relationshipWeights(network), { title, rowLabels, columnLabels: [...RELATIONSHIPS] });
}
