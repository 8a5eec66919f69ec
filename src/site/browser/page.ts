/**
 * Every page's script, the site's and an HTML export's (jupyter/nbconvert/templates/lab-offline):
 * draws the page's charts (drawCharts.ts) and lets the reader hide or show the code
 * (remembered across pages where the browser allows).
 */
import { drawCharts } from "./drawCharts";

drawCharts(document);

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

// The in-browser JupyterLab cannot start from disk (it needs a service worker and fetches): there the link says how to serve the site instead.
if (location.protocol === "file:") {
  for (const run of Array.from(document.querySelectorAll<HTMLElement>(".run-in-browser"))) {
    run.textContent = "To run this notebook in your browser, serve the site over HTTP: run python3 -m http.server in the site's folder and open http://localhost:8000/ there.";
  }
}
