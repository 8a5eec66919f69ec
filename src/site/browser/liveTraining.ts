/**
 * The training page's live figure. Each slider move retrains the 6-2-1 network in the
 * reader's browser with the project's core and redraws the loss curve and the weights;
 * the settings go into the URL hash, and a hash pasted into the address bar is obeyed.
 */
import { DEFAULT_SETTINGS, type LiveSettings, SLIDERS, hashOf, onSlider, settingsFromHash } from "../liveSettings";
import { liveRun, outputWeights } from "../liveRun";
import { draw } from "./plotly";

const section = document.getElementById("live-training")!;
const inputs = SLIDERS.map((s) => section.querySelector<HTMLInputElement>(`input[name="${s.param}"]`)!);
const status = section.querySelector<HTMLElement>(".live-status")!;
const lossChart = section.querySelector<HTMLElement>(".live-loss")!;
const weightsChart = section.querySelector<HTMLElement>(".live-weights")!;

function showSettings(settings: LiveSettings): void {
  SLIDERS.forEach((s, k) => {
    inputs[k]!.value = String(settings[s.key]);
    inputs[k]!.nextElementSibling!.textContent = String(settings[s.key]);
  });
}

function readSliders(): LiveSettings {
  const settings = { ...DEFAULT_SETTINGS };
  SLIDERS.forEach((s, k) => (settings[s.key] = onSlider(s, Number(inputs[k]!.value))));
  return settings;
}

async function run(settings: LiveSettings): Promise<void> {
  const started = performance.now();
  const { result, loss, weights } = liveRun(settings);
  const trained = performance.now() - started;
  await Promise.all([draw(lossChart, loss), draw(weightsChart, weights)]);
  const E = result.losses.at(-1)!;
  const solved = result.solvedAt === null ? "not every case is on the right side of 0.5 yet" : `every case right from sweep ${result.solvedAt.toLocaleString("en-US")}`;
  status.textContent = `E = ${E.toFixed(4)} after ${result.sweep.toLocaleString("en-US")} sweeps; ${solved}. Output unit: ${outputWeights(result)}. Trained in ${trained.toFixed(0)} ms.`;
  section.dataset["draws"] = String(Number(section.dataset["draws"]) + 1);
  section.dataset["ms"] = (performance.now() - started).toFixed(1);
}

function keepInUrl(settings: LiveSettings): void {
  const hash = hashOf(settings);
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

// Sliders fire many input events while dragged: retrain at most once per frame.
let pending = false;
function schedule(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    const settings = readSliders();
    showSettings(settings);
    keepInUrl(settings);
    void run(settings);
  });
}

for (const input of inputs) input.addEventListener("input", schedule);
window.addEventListener("hashchange", () => {
  showSettings(settingsFromHash(location.hash));
  schedule();
});
showSettings(settingsFromHash(location.hash));
schedule();
