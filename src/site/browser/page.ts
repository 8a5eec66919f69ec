/**
 * Every page's script, the site's and an HTML export's (jupyter/nbconvert/templates/lab-offline):
 * draws each chart from the figure JSON placed after it (again when the width changes, so a
 * turned phone gets charts fitted to it), gives each chart that carries a Plotly slider a
 * keyboard control beside it, marks code blocks that scroll sideways as reachable by
 * keyboard, and lets the reader hide or show the code (remembered across pages where the
 * browser allows).
 */
import { type Figure } from "../../charts/figure";
import { describeFigure } from "../figureText";
import { draw, plotly } from "./plotly";

interface SliderStep {
  label: string;
  method: "restyle" | "relayout" | "update";
  args: unknown[];
}

/**
 * Plotly's slider is SVG a keyboard cannot reach; an <input type="range"> beside it takes
 * the same steps, and the two follow each other. Returns what sets the input to a step, for
 * Plotly's slider to call (see `follow`).
 */
function keyboardSlider(chart: HTMLElement, figure: Figure): ((k: number) => void) | undefined {
  const slider = (figure.layout["sliders"] as { steps: SliderStep[]; active?: number; currentvalue?: { prefix?: string } }[] | undefined)?.[0];
  if (!slider || slider.steps.length === 0) return undefined;
  const name = (slider.currentvalue?.prefix ?? "step").trim();
  const label = document.createElement("label");
  label.className = "chart-slider";
  label.innerHTML = `<span></span><input type="range" min="0" step="1"><output></output>`;
  label.querySelector("span")!.textContent = `${name[0]!.toUpperCase()}${name.slice(1)} (arrow keys step through the replay)`;
  const input = label.querySelector("input")!;
  const output = label.querySelector("output")!;
  input.max = String(slider.steps.length - 1);
  const show = (k: number) => {
    input.value = String(k);
    output.textContent = slider.steps[k]!.label;
  };
  show(slider.active ?? slider.steps.length - 1);
  input.addEventListener("input", () => {
    const k = Number(input.value);
    const step = slider.steps[k]!;
    output.textContent = step.label;
    const Plotly = plotly();
    const done = step.method === "restyle" ? Plotly.restyle(chart, ...(step.args as [unknown, unknown])) : step.method === "relayout" ? Plotly.relayout(chart, step.args[0]) : Plotly.update(chart, ...(step.args as [unknown, unknown, unknown]));
    void done.then(() => Plotly.relayout(chart, { "sliders[0].active": k }));
  });
  chart.after(label);
  return show;
}

interface Drawn {
  chart: HTMLElement;
  figure: Figure;
  show?: (k: number) => void;
}

/** Keeps a chart's keyboard slider on the step Plotly's slider moves to (each fresh plot needs this again). */
function follow({ chart, show }: Drawn): void {
  if (show) (chart as unknown as { on(event: string, f: (e: { step: { _index: number } }) => void): void }).on?.("plotly_sliderchange", (e) => show(e.step._index));
}

const drawn: Drawn[] = [];
document.querySelectorAll<HTMLElement>(".chart").forEach((chart) => {
  const json = chart.nextElementSibling;
  if (!json?.matches("script.figure")) return;
  const entry: Drawn = { chart, figure: JSON.parse(json.textContent ?? "{}") as Figure };
  // The site names each chart as it builds the page; an nbconvert export leaves that to here.
  if (!chart.hasAttribute("aria-label")) chart.setAttribute("aria-label", describeFigure(entry.figure));
  drawn.push(entry);
  void draw(chart, entry.figure).then(() => {
    entry.show = keyboardSlider(chart, entry.figure);
    follow(entry);
  });
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
      void draw(entry.chart, entry.figure).then(() => follow(entry));
    }
    markScrollable();
  }, 200);
});

/** A block that scrolls sideways must take keyboard focus, or a keyboard cannot scroll it. */
function markScrollable(): void {
  document.querySelectorAll<HTMLElement>("pre, .katex-display, main table").forEach((block) => {
    if (block.scrollWidth > block.clientWidth + 1) block.tabIndex = 0;
    else block.removeAttribute("tabindex");
  });
}
markScrollable();

const KEY = "hide-code";
const toggle = document.querySelector<HTMLButtonElement>(".toggle-code");

function setHidden(hidden: boolean): void {
  document.body.classList.toggle("hide-code", hidden);
  if (!toggle) return;
  toggle.textContent = hidden ? "Show code" : "Hide code";
  toggle.setAttribute("aria-pressed", String(hidden));
}

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false; // storage refused (private mode, some file:// settings): start with code shown
  }
}

if (toggle) {
  setHidden(remembered());
  toggle.addEventListener("click", () => {
    const hidden = !document.body.classList.contains("hide-code");
    setHidden(hidden);
    try {
      localStorage.setItem(KEY, hidden ? "1" : "0");
    } catch {
      // the choice holds for this page only
    }
  });
}
