/**
 * The script of every embedded fragment (src/site/embed.ts). A post may hold several of our
 * fragments, each ending in this same <script>: the first copy to run does the work for all of
 * them, and a later copy only asks it to look for fragments again. It loads plotly.js (unless
 * the host page has it already) and a live figure's script once each, from the folder this
 * script came from, and only when a fragment needs them; then it draws each fragment's charts.
 */
import { drawCharts } from "./drawCharts";

interface Embeds {
  /** Draws the fragments on the page that are not drawn yet. */
  scan(): void;
}

const ROOT = ".backprop-embed";
const page = window as unknown as { backpropEmbed?: Embeds; Plotly?: unknown };

function start(): Embeds {
  // Read now: `currentScript` is this script only while it first runs.
  const here = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
  const loading = new Map<string, Promise<void>>();
  const load = (file: string): Promise<void> => {
    const pending =
      loading.get(file) ??
      new Promise<void>((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL(file, here).href;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`backprop-embed: could not load ${script.src}`));
        document.head.append(script);
      });
    loading.set(file, pending);
    return pending;
  };
  const scan = () => {
    document.querySelectorAll<HTMLElement>(`${ROOT}:not([data-drawn])`).forEach((root) => {
      root.dataset["drawn"] = "";
      const charts = root.querySelector(".chart") !== null;
      void (charts && !page.Plotly ? load("plotly.min.js") : Promise.resolve()).then(() => {
        drawCharts(root);
        if (root.querySelector("#live-training")) void load("live-training.js");
        if (root.querySelector("#live-study")) void load("live-study.js");
      });
    });
  };
  return { scan };
}

(page.backpropEmbed ??= start()).scan();
