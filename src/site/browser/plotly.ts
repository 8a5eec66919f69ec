/**
 * plotly.js as the page has it: loaded once by its own <script> (4.7 MB, never bundled
 * into ours), and used here through the two calls the site needs.
 */
import { type Figure } from "../../charts/figure";

interface PlotlyApi {
  react(element: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
}

/** Draws a figure into an element, or redraws it there (Plotly.react diffs against what is drawn). */
export function draw(element: HTMLElement, figure: Figure): Promise<unknown> {
  const { Plotly } = globalThis as unknown as { Plotly: PlotlyApi };
  const layout = { ...figure.layout, autosize: true };
  return Plotly.react(element, figure.data, layout, { displaylogo: false, ...figure.config, responsive: true });
}
