import { displayBundle } from "./display";

export type TableCell = string | number;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A number as a table prints it: fixed decimals and a true minus sign; text as it is. */
function formatCell(cell: TableCell, decimals: number): string {
  return typeof cell === "number" ? cell.toFixed(decimals).replace("-", "−") : cell;
}

/** A table as HTML, and as aligned text for front ends that show only plain text. */
export function tableBundle(columns: readonly string[], rows: readonly (readonly TableCell[])[], decimals = 3): Record<string, string> {
  const cells = rows.map((row) => row.map((cell) => formatCell(cell, decimals)));
  const align = (k: number) => (typeof rows[0]?.[k] === "number" ? "right" : "left");
  const html = [
    "<table>",
    `<thead><tr>${columns.map((c, k) => `<th style="text-align:${align(k)}">${escape(c)}</th>`).join("")}</tr></thead>`,
    `<tbody>${cells.map((row) => `<tr>${row.map((c, k) => `<td style="text-align:${align(k)}">${escape(c)}</td>`).join("")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");
  const widths = columns.map((c, k) => Math.max(c.length, ...cells.map((row) => row[k]!.length)));
  const line = (row: readonly string[]) => row.map((c, k) => (align(k) === "right" ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join("  ");
  return { "text/html": html, "text/plain": [line(columns), ...cells.map(line)].join("\n") };
}

/** Shows a small table of numbers (weights, gradients, steps) in a notebook. */
export function showTable(columns: readonly string[], rows: readonly (readonly TableCell[])[], decimals = 3): void {
  displayBundle(tableBundle(columns, rows, decimals));
}
