/**
 * plotly.js as the page has it: loaded once by its own <script> (4.7 MB, never bundled
 * into ours), and used here through the calls the site needs.
 */
import { type Figure } from "../../charts/figure";
import { fitFigure } from "../fit";

export interface PlotlyApi {
  react(element: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
  restyle(element: HTMLElement, update: unknown, traces?: unknown): Promise<unknown>;
  relayout(element: HTMLElement, update: unknown): Promise<unknown>;
  update(element: HTMLElement, data: unknown, layout: unknown, traces?: unknown): Promise<unknown>;
  purge(element: HTMLElement): void;
}

export function plotly(): PlotlyApi {
  return (globalThis as unknown as { Plotly: PlotlyApi }).Plotly;
}

/**
 * Draws a figure into an element, or redraws it there (Plotly.react diffs against what is
 * drawn), fitted to the element's width (and on a slide, to its height). The element is given the figure's height itself:
 * Plotly's autosize then only follows the width, and a restyle (a slider step) can never
 * shrink the chart to its container's minimum. No mode bar: its buttons would put dozens
 * of tab stops before the page's own controls, and zoom, pan and double-click reset work without it.
 */
export function draw(element: HTMLElement, figure: Figure): Promise<unknown> {
  // In a lecture deck the slide sets the chart's box and its type size (src/site/slides.ts).
  const textPx = Number(element.closest<HTMLElement>("[data-chart-text-px]")?.dataset["chartTextPx"]);
  const slide = textPx > 0 ? { textPx, height: element.clientHeight } : undefined;
  const fitted = fitFigure(figure, element.clientWidth || document.documentElement.clientWidth, slide);
  const height = (fitted.layout["height"] as number | undefined) ?? 450;
  element.style.height = `${height}px`;
  const layout = { ...fitted.layout, autosize: true, height };
  return plotly().react(element, fitted.data, layout, { displaylogo: false, ...figure.config, displayModeBar: false, responsive: true });
}
