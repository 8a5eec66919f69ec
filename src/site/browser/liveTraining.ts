/**
 * The training page's live figure. Each slider move retrains the 6-2-1 network in the
 * reader's browser with the project's WebAssembly kernel and redraws the loss curve and the weights;
 * Play replays the run from sweep 0, Step moves it on. The settings go into the URL hash,
 * and a hash pasted into the address bar is obeyed.
 */
import { DEFAULT_SETTINGS, type LiveSettings, SLIDERS, hashOf, onSlider, settingsFromHash } from "../liveSettings";
import { runVerdict } from "../../analysis/runVerdict";
import { LIVE_STEP, type LiveRun, liveFigures, liveRun, outputWeights } from "../liveRun";
import { compileKernel } from "../../kernel/instance";
import { draw } from "./plotly";

const section = document.getElementById("live-training")!;
const inputs = SLIDERS.map((s) => section.querySelector<HTMLInputElement>(`input[name="${s.param}"]`)!);
const status = section.querySelector<HTMLElement>(".live-status")!;
const lossChart = section.querySelector<HTMLElement>(".live-loss")!;
const weightsChart = section.querySelector<HTMLElement>(".live-weights")!;
const play = section.querySelector<HTMLButtonElement>(".live-play")!;
const step = section.querySelector<HTMLButtonElement>(".live-step")!;

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

/** The run on screen, the sweep it is shown at, and how long it took to train. */
let current: { settings: LiveSettings; run: LiveRun; shown: number; trainedMs: number } | null = null;

async function show(sweep: number): Promise<void> {
  if (!current) return;
  const { run, settings, trainedMs } = current;
  current.shown = Math.min(sweep, run.result.sweep);
  const atEnd = current.shown === run.result.sweep;
  const { loss, weights } = atEnd ? run : liveFigures(run.result, settings.sweeps, current.shown);
  await Promise.all([draw(lossChart, loss), draw(weightsChart, weights)]);
  status.textContent = atEnd
    ? `${runVerdict(run.result, settings)} Output unit: ${outputWeights(run.result.network)}. Trained in ${trainedMs.toFixed(0)} ms.`
    : `Sweep ${current.shown.toLocaleString("en-US")} of ${run.result.sweep.toLocaleString("en-US")}: E = ${run.result.losses[current.shown]!.toFixed(4)}.`;
  section.dataset["draws"] = String(Number(section.dataset["draws"]) + 1);
}

async function retrain(settings: LiveSettings): Promise<void> {
  stopPlaying();
  await compileKernel();
  const started = performance.now();
  const run = liveRun(settings);
  current = { settings, run, shown: run.result.sweep, trainedMs: performance.now() - started };
  await show(run.result.sweep);
  section.dataset["ms"] = (performance.now() - started).toFixed(1);
}

let playing: number | undefined;
function stopPlaying(): void {
  window.clearInterval(playing);
  playing = undefined;
  play.textContent = "Play";
  play.setAttribute("aria-pressed", "false");
}
play.addEventListener("click", () => {
  if (!current) return;
  if (playing !== undefined) return stopPlaying();
  play.textContent = "Pause";
  play.setAttribute("aria-pressed", "true");
  let sweep = current.shown >= current.run.result.sweep ? 0 : current.shown;
  void show(sweep);
  playing = window.setInterval(() => {
    sweep += LIVE_STEP;
    void show(sweep);
    if (sweep >= current!.run.result.sweep) stopPlaying();
  }, 60);
});
step.addEventListener("click", () => {
  if (!current) return;
  stopPlaying();
  void show(current.shown >= current.run.result.sweep ? 0 : current.shown + LIVE_STEP);
});

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
    void retrain(settings);
  });
}

for (const input of inputs) input.addEventListener("input", schedule);
window.addEventListener("hashchange", () => {
  showSettings(settingsFromHash(location.hash));
  schedule();
});
showSettings(settingsFromHash(location.hash));
schedule();
