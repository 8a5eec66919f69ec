/**
 * A figure fitted to the width it is drawn at. Charts are built once, for a notebook's
 * width; on a page they may meet a 390 px phone. Plotly neither wraps a title nor keeps
 * a text from shrinking to fit a cell, so the page does it before drawing: titles broken
 * into lines that fit, no chart text under the smallest size a reader can read, margins
 * that grow with their labels, and square-celled charts (Hinton diagrams, the ratio
 * plane) given the height that keeps their cells square instead of a grey band.
 */
import { type Figure } from "../charts/figure";
import { FONT } from "../charts/style";

/** The smallest text a chart may draw, in CSS pixels. */
export const MIN_TEXT_PX = 9;
/** Below this width a chart is drawn for a phone: smaller type, tighter margins. */
export const NARROW_PX = 600;

/** A rough width of a character in Helvetica, as a share of the font size (digits and lower case). */
const CHAR_WIDTH = 0.56;

type Layout = Record<string, unknown>;
type Margin = { t: number; r: number; b: number; l: number };

/** Text broken at spaces into lines of at most `chars` characters, joined with Plotly's <br>. */
export function wrapText(text: string, chars: number): { text: string; lines: number } {
  const lines: string[] = [];
  for (const word of text.replace(/<br>/g, " ").split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= chars) lines[lines.length - 1] = last + " " + word;
    else lines.push(word);
  }
  return { text: lines.join("<br>"), lines: Math.max(1, lines.length) };
}

function titleOf(layout: Layout): string {
  const title = layout["title"];
  if (typeof title === "string") return title;
  return ((title as { text?: string } | undefined)?.text ?? "").trim();
}

function axisNames(layout: Layout): string[] {
  return Object.keys(layout).filter((k) => /^[xy]axis\d*$/.test(k));
}

/** Height of a legend row in 10 px type, the room an entry's symbol and gap take beside its name, and the legend's padding. */
const LEGEND_ROW_PX = 20;
const LEGEND_SYMBOL_PX = 46;
const LEGEND_PAD_PX = 6;

/**
 * On a phone, Plotly's legend beside the plot would take a third of the plot's width: it goes
 * instead in rows above the plot, under the title, the top margin and the height grown by as
 * many rows as its entries fill.
 */
function fitLegendAbove(figure: Figure, layout: Layout, margin: Margin, width: number, size = 10): void {
  const names = figure.data.filter((t) => t["showlegend"] !== false && typeof t["name"] === "string").map((t) => t["name"] as string);
  if (layout["showlegend"] === false || (names.length < 2 && layout["showlegend"] !== true)) return;
  const room = width - margin.l - margin.r;
  const scale = size / 10;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const entry = (LEGEND_SYMBOL_PX + name.length * 10 * CHAR_WIDTH) * scale;
    if (used > 0 && used + entry > room) [rows, used] = [rows + 1, 0];
    used += entry;
  }
  const extra = (rows * LEGEND_ROW_PX + LEGEND_PAD_PX) * scale;
  margin.t += extra;
  layout["height"] = ((layout["height"] as number | undefined) ?? 450) + extra;
  layout["legend"] = { orientation: "h", x: 0, xanchor: "left", y: 1, yanchor: "bottom", font: { size } };
}

/**
 * A box of fixed size for a chart, as a slide gives it (src/site/slides.ts): every text at
 * `textPx`, readable from the back of a lecture hall, and the chart exactly `height` tall.
 */
export interface SlideBox {
  textPx: number;
  height: number;
}

/** The figure as drawn into a box `width` pixels wide (and, on a slide, `slide.height` tall): same data, a layout that fits. */
export function fitFigure(figure: Figure, width: number, slide?: SlideBox): Figure {
  const narrow = width < NARROW_PX && !slide;
  const layout: Layout = { ...figure.layout };
  const given = (layout["margin"] ?? {}) as Partial<Margin>;
  const margin: Margin = { t: given.t ?? 80, r: given.r ?? 80, b: given.b ?? 80, l: given.l ?? 80 };
  const base = slide ? slide.textPx : narrow ? 11 : FONT.size;
  const least = slide ? slide.textPx : MIN_TEXT_PX;
  layout["font"] = { ...FONT, ...(layout["font"] as object), size: base };
  if (narrow) {
    margin.r = Math.min(margin.r, 12);
    margin.l = Math.min(margin.l, 40);
    // First, so that the title below is placed in the figure's final height.
    if (layout["legend"] !== undefined) layout["legend"] = { ...(layout["legend"] as object), font: { size: 10 } };
    else fitLegendAbove(figure, layout, margin, width);
  }
  // On a slide a legend in large type beside the plot would run past its foot: it goes above, as on a phone.
  if (slide && layout["legend"] === undefined) fitLegendAbove(figure, layout, margin, width, slide.textPx);

  // The title: broken into lines that fit, the top margin grown to hold them above whatever sits there already.
  const title = titleOf(layout);
  if (title !== "") {
    const size = slide ? Math.round(slide.textPx * 1.3) : narrow ? 14 : 17;
    const { text, lines } = wrapText(title, Math.floor((width - 24) / (size * CHAR_WIDTH)));
    const extra = (lines - 1) * size * 1.25;
    margin.t += extra;
    const height = slide ? slide.height : ((layout["height"] as number | undefined) ?? 450) + extra;
    layout["height"] = height;
    // Its top line just below the chart's top edge (Plotly's own placement lets a wrapped title poke out).
    layout["title"] = { ...(typeof layout["title"] === "object" ? (layout["title"] as object) : {}), text, font: { size }, x: 0.5, xanchor: "center", yref: "container", y: 1 - 26 / height, yanchor: "top" };
  }

  // Axes make room for their own labels, in type never under the minimum.
  for (const name of axisNames(layout)) {
    const axis = { ...(layout[name] as object) } as Record<string, unknown>;
    axis["automargin"] = true;
    axis["tickfont"] = { ...(axis["tickfont"] as object), size: Math.max(least, narrow ? 10 : base) };
    layout[name] = axis;
  }
  if (Array.isArray(layout["annotations"]))
    layout["annotations"] = (layout["annotations"] as Record<string, unknown>[]).map((a) => {
      const font = (a["font"] ?? {}) as { size?: number };
      return { ...a, font: { ...font, size: Math.max(least, Math.min(font.size ?? base, base)) } };
    });

  // Cell labels (heatmaps, unit names) get a fixed size, never Plotly's shrink-to-fit.
  const data = figure.data.map((trace) => {
    const fitted = { ...trace };
    if (trace["texttemplate"] !== undefined || (trace["type"] === "scatter" && String(trace["mode"] ?? "").includes("text"))) {
      const font = (trace["textfont"] ?? {}) as { size?: number };
      fitted["textfont"] = { ...font, size: Math.max(least, Math.min(font.size ?? base, narrow ? 10 : base)) };
    }
    // On a phone a colour bar beside the plot would take a third of it: it goes below a grid whose labels sit on top.
    const labelsOnTop = (layout["xaxis"] as { side?: string } | undefined)?.side === "top";
    if (narrow && trace["colorbar"] !== undefined)
      fitted["colorbar"] = { ...(trace["colorbar"] as object), thickness: 10, ...(labelsOnTop ? { orientation: "h", y: -0.04, yanchor: "top", len: 1 } : { title: { ...((trace["colorbar"] as { title?: object }).title ?? {}), side: "right" } }) };
    return fitted;
  });

  // A chart with square cells (y scaled to x) is as tall as its plot is wide, times its aspect.
  const y = layout["yaxis"] as { scaleanchor?: string; range?: number[] } | undefined;
  const x = layout["xaxis"] as { range?: number[] } | undefined;
  if (y?.scaleanchor === "x" && x?.range && y.range) {
    // Room for the longest row label now, so that Plotly's automargin does not narrow the plot after its height is set.
    const labels = ((layout["yaxis"] as { ticktext?: string[] }).ticktext ?? []).map((t) => t.length);
    margin.l = Math.max(margin.l, Math.ceil(Math.max(0, ...labels) * (narrow ? 10 : base) * CHAR_WIDTH) + 14);
    const plotWidth = width - margin.l - margin.r;
    const aspect = Math.abs(y.range[1]! - y.range[0]!) / Math.abs(x.range[1]! - x.range[0]!);
    const colorbar = narrow && data.some((t) => t["colorbar"] !== undefined && t["showscale"] !== false) ? 70 : 0;
    layout["height"] = Math.round(margin.t + margin.b + plotWidth * aspect + colorbar + 30);
    // On a slide the height is given: a plot too wide for it is narrowed, centred between wider margins.
    const spare = slide ? plotWidth - (slide.height - margin.t - margin.b - 30) / aspect : 0;
    if (spare > 0) [margin.l, margin.r] = [margin.l + spare / 2, margin.r + spare / 2];
  }
  if (slide) layout["height"] = slide.height;
  layout["margin"] = margin;
  return { ...figure, data, layout };
}
