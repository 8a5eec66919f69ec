/**
 * Rich output from notebook cells. tslab's public `display` sends one MIME type per call;
 * a Plotly chart wants a bundle (the Plotly JSON that JupyterLab, Notebook 7 and VS Code
 * draw, plus a text fallback), so we hand whole bundles to tslab's own writer for the
 * running cell (`lastWriteDisplayData` in its `jupyter` module). Outside a kernel (tests,
 * scripts) the text fallback goes to stdout instead.
 */
import { randomUUID } from "node:crypto";
import { type Figure } from "../charts/figure";

/** One output in several representations, keyed by MIME type. */
export type MimeBundle = Record<string, unknown>;

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Marks an output that only lays out the page in a notebook front end (a held height): the site shows nothing for it. */
export const LAYOUT_MIME = "application/vnd.backprop-exegesis.layout+json";

type Writer = (message: { data: MimeBundle; metadata: Record<string, unknown>; transient: { display_id?: string } }, update: boolean) => void;

/** The running cell's writer, or null when no tslab kernel is executing a cell. */
function kernelWriter(): Writer | null {
  try {
    return (require("tslab/dist/jupyter") as { lastWriteDisplayData: Writer | null }).lastWriteDisplayData;
  } catch {
    return null;
  }
}

/** Sends a bundle as one output; with `id`, later `update`s replace it in place. */
export function displayBundle(bundle: MimeBundle, id?: string, update = false): void {
  const write = kernelWriter();
  if (write === null) {
    const text = bundle["text/plain"];
    if (typeof text === "string") console.log(text);
    return;
  }
  write({ data: bundle, metadata: {}, transient: id === undefined ? {} : { display_id: id } }, update);
}

/** A Plotly figure as a bundle, with a one-line text fallback for plain front ends. */
export function plotlyBundle(figure: Figure): MimeBundle {
  const title = (figure.layout["title"] as { text?: string } | undefined)?.text ?? "chart";
  return {
    [PLOTLY_MIME]: { data: figure.data, layout: figure.layout, config: { responsive: true, displaylogo: false, ...figure.config } },
    "text/plain": `[Plotly chart: ${title.replace(/<[^>]+>/g, "")}]`,
  };
}

/** Draws a figure inline. */
export function showFigure(figure: Figure): void {
  displayBundle(plotlyBundle(figure));
}

/** An output that can be redrawn in place: a live chart while a run trains. */
export interface LiveDisplay {
  show(bundle: MimeBundle): void;
}

/** The first `show` creates the output; each later one replaces it. */
export function liveDisplay(): LiveDisplay {
  const id = randomUUID();
  let shown = false;
  return {
    show(bundle) {
      displayBundle(bundle, id, shown);
      shown = true;
    },
  };
}

/** A figure's height in pixels: its layout's, or the 360 that JupyterLab's Plotly renderer gives a figure without one. */
function heightOf(figure: Figure): number {
  return typeof figure.layout["height"] === "number" ? figure.layout["height"] : 360;
}

/**
 * A blank of a chart's height. JupyterLab's Plotly renderer (and so Notebook 7's) draws
 * only its first figure: an update of the same MIME type goes to the same renderer, which
 * returns early once it holds a graph. An update to another MIME type makes the front end
 * replace the renderer, so a live chart is redrawn by swapping this blank in, then the new
 * figure: a fresh renderer draws each state, in any front end that honours display updates.
 */
function blankBundle(height: number): MimeBundle {
  return { "text/html": `<div style="height:${height}px"></div>`, "text/plain": "" };
}

/**
 * An output that holds the next output's height in JupyterLab and Notebook 7: a style rule,
 * scoped by a class of its own to the output right after this one, that fixes that output's
 * height. A fresh Plotly renderer is empty until plotly.js has drawn into it, so without
 * this the live chart's output shrinks to nothing at each redraw and the page below it
 * jumps; with it, a reader scrolled below the chart stays where they are. (A front end
 * that drops the style, or has other class names, simply draws the chart as before.)
 */
function heldHeightBundle(height: number): MimeBundle {
  // Named by the height alone: the same rule wherever it appears, and a notebook's outputs the same at each run.
  const mark = `backprop-held-${height}`;
  const rule = `.jp-OutputArea-child:has(.${mark}) + .jp-OutputArea-child .jp-OutputArea-output { height: ${height}px; min-height: ${height}px; overflow: hidden; }`;
  return { "text/html": `<style>${rule}</style><div class="${mark}"></div>`, "text/plain": "", [LAYOUT_MIME]: { height } };
}

/**
 * A live Plotly chart: `draw(figure)` redraws it in place, its output the height of the
 * first figure drawn throughout (each later figure is drawn at that height); the last
 * figure drawn is the one saved.
 */
export function liveFigure(): { draw(figure: Figure): void } {
  const live = liveDisplay();
  let height: number | null = null;
  return {
    draw(figure) {
      if (height === null) {
        height = heightOf(figure);
        displayBundle(heldHeightBundle(height));
      } else {
        live.show(blankBundle(height));
      }
      live.show(plotlyBundle({ ...figure, layout: { ...figure.layout, height } }));
    },
  };
}
