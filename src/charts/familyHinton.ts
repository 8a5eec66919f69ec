/**
 * Figure 4's diagrams. The weights from the 24 person units into the 6 encoding units,
 * laid out by tree: one row per position in the tree (Christopher's row is also
 * Roberto's), and for each unit a pair of columns, English then Italian, so that a unit
 * which treats counterparts alike shows two matching columns. Then the 12 relationship
 * units into their own 6.
 */
import { type Network } from "../core/network";
import { personWeights, relationshipWeights } from "../analysis/familyUnits";
import { ENGLISH_TREE, ITALIAN_TREE, RELATIONSHIPS } from "../tasks/familyTrees";
import { type Figure } from "./figure";
import { hinton } from "./hinton";
import { formatWeight } from "./style";

export function personHinton(network: Network, title = "Weights from the 24 person units to the 6 encoding units"): Figure {
  const units = personWeights(network);
  const english = ENGLISH_TREE.people.map((p) => p.name);
  const italian = ITALIAN_TREE.people.map((p) => p.name);
  // Columns per unit k: 3k English, 3k + 1 Italian, 3k + 2 a blank that parts the units.
  const columns = 3 * units.length - 1;
  const matrix = english.map((_, r) =>
    Array.from({ length: columns }, (_, c) => (c % 3 === 2 ? 0 : units[Math.floor(c / 3)]![r + (c % 3) * 12]!)),
  );
  const columnLabels = Array.from({ length: columns }, (_, c) => ["English", "Italian", ""][c % 3]!);
  const figure = hinton(matrix, { title, rowLabels: english.map((name, r) => `${name} · ${italian[r]}`), columnLabels });
  const trace = figure.data[0]!;
  trace["text"] = (trace["x"] as number[]).map((c, k) => {
    const r = (trace["y"] as number[])[k]!;
    const name = c % 3 === 0 ? english[r] : italian[r];
    return c % 3 === 2 ? "" : `unit ${Math.floor(c / 3) + 1} ← ${name}: ${formatWeight(matrix[r]![c]!, 2)}`;
  });
  const xaxis = figure.layout["xaxis"] as Record<string, unknown>;
  xaxis["tickangle"] = -90;
  figure.layout["annotations"] = units.map((_, k) => ({
    x: 3 * k + 0.5, y: 1, xref: "x", yref: "paper", text: `<b>unit ${k + 1}</b>`, showarrow: false, yanchor: "bottom",
  }));
  figure.layout["height"] = 150 + 36 * english.length;
  figure.layout["margin"] = { t: 80, l: 170, b: 80, r: 20 };
  return figure;
}

export function relationshipHinton(network: Network, title = "Weights from the 12 relationship units to their 6 encoding units"): Figure {
  const rowLabels = [1, 2, 3, 4, 5, 6].map((k) => `unit ${k}`);
  const figure = hinton(relationshipWeights(network), { title, rowLabels, columnLabels: [...RELATIONSHIPS] });
  (figure.layout["xaxis"] as Record<string, unknown>)["tickangle"] = -45;
  return figure;
}
