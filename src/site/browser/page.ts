/**
 * Every page's script: draws each chart from the figure JSON placed after it, and lets the
 * reader hide or show the code (remembered across pages where the browser allows).
 */
import { type Figure } from "../../charts/figure";
import { draw } from "./plotly";

document.querySelectorAll<HTMLElement>(".chart").forEach((chart) => {
  const json = chart.nextElementSibling;
  if (json?.matches("script.figure")) void draw(chart, JSON.parse(json.textContent ?? "{}") as Figure);
});

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
