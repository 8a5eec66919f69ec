/**
 * The charts of a page, or of one part of a page (an embed's root, src/site/embed.ts): draws
 * each chart from the figure JSON placed after it (again when the width changes, so a turned
 * phone gets charts fitted to it), replaces each chart's Plotly slider with a slider of the
 * page's own that a keyboard reaches too, and marks blocks that scroll sideways as reachable
 * by keyboard.
 */
import { type Figure } from "../../charts/figure";
import { describeFigure } from "../figureText";
import { draw, plotly } from "./plotly";

interface SliderStep {
  label: string;
  method: "restyle" | "relayout" | "update";
  args: unknown[];
}

interface Replay {
  steps: SliderStep[];
  /** The step the figure's own data shows, and the step shown. */
  drawn: number;
  at: number;
}

interface Drawn {
  chart: HTMLElement;
  /** The figure as drawn: without Plotly's slider, whose steps the page's own slider takes. */
  figure: Figure;
  replay?: Replay;
}

/** Shows step `k` of a replay on its chart, as Plotly's slider would have. */
function showStep({ chart, replay }: Drawn, k: number): Promise<unknown> {
  const step = replay!.steps[k]!;
  replay!.at = k;
  const Plotly = plotly();
  return step.method === "restyle" ? Plotly.restyle(chart, ...(step.args as [unknown, unknown])) : step.method === "relayout" ? Plotly.relayout(chart, step.args[0]) : Plotly.update(chart, ...(step.args as [unknown, unknown, unknown]));
}

/**
 * Plotly's slider is SVG that a keyboard cannot reach: the page draws the chart without it and
 * puts an <input type="range"> below it instead, which takes the same steps from a pointer, a
 * finger or the arrow keys. One slider, so a reader never meets two for one replay.
 */
function ownSlider(entry: Drawn, figure: Figure): void {
  const slider = (figure.layout["sliders"] as { steps: SliderStep[]; active?: number; currentvalue?: { prefix?: string } }[] | undefined)?.[0];
  if (!slider || slider.steps.length === 0) return;
  const { sliders: _plotlys, ...layout } = figure.layout;
  entry.figure = { ...figure, layout };
  const active = slider.active ?? slider.steps.length - 1;
  entry.replay = { steps: slider.steps, drawn: active, at: active };
  const name = (slider.currentvalue?.prefix ?? "step").trim();
  const label = document.createElement("label");
  label.className = "chart-slider";
  label.innerHTML = `<span></span><input type="range" min="0" step="1"><output></output>`;
  label.querySelector("span")!.textContent = `${name[0]!.toUpperCase()}${name.slice(1)} (drag, or use the arrow keys, to replay the run)`;
  const input = label.querySelector("input")!;
  const output = label.querySelector("output")!;
  input.max = String(slider.steps.length - 1);
  input.value = String(entry.replay.at);
  output.textContent = slider.steps[entry.replay.at]!.label;
  input.addEventListener("input", () => {
    const k = Number(input.value);
    output.textContent = slider.steps[k]!.label;
    void showStep(entry, k);
  });
  entry.chart.after(label);
}

/** Draws an entry's chart, on the replay's step the reader chose when it has one. */
function drawEntry(entry: Drawn): Promise<unknown> {
  const drawing = draw(entry.chart, entry.figure);
  const { replay } = entry;
  return replay && replay.at !== replay.drawn ? drawing.then(() => showStep(entry, replay.at)) : drawing;
}

/** Draws every chart under `root` and keeps them fitted to the window's width. */
export function drawCharts(root: ParentNode): void {
  const drawn: Drawn[] = [];
  root.querySelectorAll<HTMLElement>(".chart").forEach((chart) => {
    const json = chart.nextElementSibling;
    if (!json?.matches("script.figure")) return;
    const figure = JSON.parse(json.textContent ?? "{}") as Figure;
    const entry: Drawn = { chart, figure };
    // The site names each chart as it builds the page; an nbconvert export leaves that to here.
    if (!chart.hasAttribute("aria-label")) chart.setAttribute("aria-label", describeFigure(figure));
    ownSlider(entry, figure);
    drawn.push(entry);
    void drawEntry(entry);
  });

  // Redrawn for a new width (a turned phone, a resized window), not for every resize event.
  // From scratch: Plotly.react onto the chart drawn for the old width keeps some of that
  // layout (colour-bar labels and axis titles left outside the chart).
  let width = document.documentElement.clientWidth;
  let timer: number | undefined;
  window.addEventListener("resize", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (document.documentElement.clientWidth === width) return;
      width = document.documentElement.clientWidth;
      for (const entry of drawn) {
        plotly().purge(entry.chart);
        void drawEntry(entry);
      }
      markScrollable(root);
    }, 200);
  });
  markScrollable(root);
}

/** A block that scrolls sideways must take keyboard focus, or a keyboard cannot scroll it. */
function markScrollable(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>("pre, .katex-display, table").forEach((block) => {
    if (block.scrollWidth > block.clientWidth + 1) block.tabIndex = 0;
    else block.removeAttribute("tabindex");
  });
}
