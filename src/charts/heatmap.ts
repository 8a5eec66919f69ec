import { type Figure } from "./figure";
import { FONT, NEGATIVE, POSITIVE } from "./style";

export interface HeatmapOptions {
  title?: string;
  x: string[];
  y: string[];
  /** Hover text for each cell, `text[row][column]`. */
  text?: string[][];
  /** Centre a diverging scale on this value (0 for signed quantities); without it, a light-to-dark scale. */
  zmid?: number;
  /** Colour-bar title. */
  zLabel?: string;
  /** Write each cell's value in it, with this many decimals. */
  decimals?: number;
}

/** A matrix as coloured cells, row 0 at the top, hover showing the cell's text and value. */
export function heatmap(z: readonly (readonly number[])[], options: HeatmapOptions): Figure {
  const { title = "", x, y, text, zmid, zLabel = "", decimals } = options;
  const diverging = zmid !== undefined;
  return {
    data: [
      {
        type: "heatmap",
        z: z.map((row) => row.slice()),
        x,
        y,
        ...(text ? { text, hovertemplate: "%{text}<br>%{z}<extra></extra>" } : { hovertemplate: "%{y}, %{x}: %{z}<extra></extra>" }),
        ...(decimals === undefined ? {} : { texttemplate: `%{z:.${decimals}f}` }),
        colorscale: diverging
          ? [
              [0, NEGATIVE],
              [0.5, "#f7f7f7"],
              [1, POSITIVE],
            ]
          : [
              [0, "#f7f7f7"],
              [1, "#222"],
            ],
        ...(diverging ? { zmid } : {}),
        xgap: 2,
        ygap: 2,
        colorbar: { title: { text: zLabel } },
      },
    ],
    layout: {
      title: { text: title },
      font: FONT,
      xaxis: { type: "category", side: "top" },
      yaxis: { type: "category", autorange: "reversed" },
      margin: { t: 90 },
      height: 140 + 34 * y.length,
    },
  };
}
