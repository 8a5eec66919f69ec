import { type Figure } from "./figure";
import { AMOUNT_SCALE, BETTER_SCALE, FONT, MISSING, SIGN_SCALE, formatWeight } from "./style";

export interface HeatmapOptions {
  title?: string;
  x: string[];
  y: string[];
  /** Hover text for each cell, `text[row][column]`. */
  text?: string[][];
  /** Centre a diverging scale on this value (0 for signed quantities); without it, a light-to-dark scale. */
  zmid?: number;
  /** The value is a setting's merit: greener is better, where "higher" or "lower" numbers are the better ones. */
  better?: "higher" | "lower";
  /** Colour-bar title. */
  zLabel?: string;
  /** Write each cell's value in it, with this many decimals (and a dash where there is no value). */
  decimals?: number;
}

/** A matrix as coloured cells, row 0 at the top, hover showing the cell's text and value. */
export function heatmap(z: readonly (readonly (number | null)[])[], options: HeatmapOptions): Figure {
  const { title = "", x, y, text, zmid, better, zLabel = "", decimals } = options;
  const labels = decimals === undefined ? undefined : z.map((row) => row.map((v) => (v === null || !Number.isFinite(v) ? MISSING : formatWeight(v, decimals))));
  const colorscale = zmid !== undefined ? SIGN_SCALE : better !== undefined ? BETTER_SCALE : AMOUNT_SCALE;
  return {
    data: [
      {
        type: "heatmap",
        z: z.map((row) => row.slice()),
        x,
        y,
        ...(text ? { customdata: text, hovertemplate: "%{customdata}<br>%{z}<extra></extra>" } : { hovertemplate: "%{y}, %{x}: %{z}<extra></extra>" }),
        // Labels as the charts print numbers (a true minus), and a dash in a cell with no value.
        ...(labels ? { text: labels, texttemplate: "%{text}" } : {}),
        colorscale,
        ...(better === "lower" ? { reversescale: true } : {}),
        ...(zmid !== undefined ? { zmid } : {}),
        xgap: 2,
        ygap: 2,
        colorbar: { title: { text: better === undefined ? zLabel : `${zLabel} (greener is better)` } },
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
