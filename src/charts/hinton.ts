import { type Figure } from "./figure";
import { FONT, formatWeight } from "./style";

export interface HintonOptions {
  title?: string;
  rowLabels?: string[];
  columnLabels?: string[];
}

/**
 * A Hinton diagram of a matrix: one square per entry, white for positive and black for
 * negative on grey, each square's area proportional to |w| (the largest fills most of its
 * cell). Squares are layout shapes, so they scale with the axes; an invisible point at
 * each centre carries the hover text.
 */
export function hinton(matrix: readonly (readonly number[])[], options: HintonOptions = {}): Figure {
  const rows = matrix.length;
  const columns = matrix[0]?.length ?? 0;
  const { title = "", rowLabels = [...Array(rows).keys()].map(String), columnLabels = [...Array(columns).keys()].map(String) } = options;
  const largest = Math.max(...matrix.flat().map(Math.abs), Number.MIN_VALUE);
  const shapes: Record<string, unknown>[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const text: string[] = [];
  matrix.forEach((row, r) =>
    row.forEach((w, c) => {
      const half = 0.45 * Math.sqrt(Math.abs(w) / largest);
      shapes.push({
        type: "rect",
        x0: c - half,
        x1: c + half,
        y0: r - half,
        y1: r + half,
        fillcolor: w >= 0 ? "white" : "black",
        line: { width: 0 },
      });
      x.push(c);
      y.push(r);
      text.push(`${rowLabels[r]} ← ${columnLabels[c]}: ${formatWeight(w, 2)}`);
    }),
  );
  return {
    data: [{ type: "scatter", mode: "markers", x, y, text, hoverinfo: "text", marker: { size: 24, opacity: 0 }, showlegend: false }],
    layout: {
      title: { text: title },
      font: FONT,
      shapes,
      plot_bgcolor: "#9a9a9a",
      xaxis: { tickvals: [...Array(columns).keys()], ticktext: columnLabels, range: [-0.5, columns - 0.5], showgrid: false, zeroline: false },
      yaxis: { tickvals: [...Array(rows).keys()], ticktext: rowLabels, range: [rows - 0.5, -0.5], showgrid: false, zeroline: false, scaleanchor: "x" },
      margin: { t: 50, l: 110 },
      height: 120 + 70 * rows,
    },
  };
}
