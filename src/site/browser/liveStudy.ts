/**
 * The claims page's live study. The button (or a URL hash naming settings) trains notebook
 * 07's 1,000 seeds in web workers, one per core, each running blocks of seeds in the
 * WebAssembly kernel; the progress bar follows the blocks; the chart and the counts
 * redraw when the last block is in.
 */
import { type SeedOutcome } from "../../analysis/seedRun";
import { gatherBlocks, studyBlocks } from "../../kernel/blocks";
import { onSlider, readHash, writeHash } from "../liveSettings";
import { STUDY_DEFAULTS, STUDY_SLIDERS, type StudySettings, studyJob } from "../studySettings";
import { studySummary, studyView } from "../studyView";
import { draw } from "./plotly";

/** The worker's bundled code, put in by the site build: a worker from a Blob URL starts even on a page opened from disk. */
declare const STUDY_WORKER_SOURCE: string;

const section = document.getElementById("live-study")!;
const inputs = STUDY_SLIDERS.map((s) => section.querySelector<HTMLInputElement>(`input[name="${s.param}"]`)!);
const button = section.querySelector<HTMLButtonElement>(".study-run")!;
const bar = section.querySelector<HTMLProgressElement>(".study-progress")!;
const status = section.querySelector<HTMLElement>(".live-status")!;
const chart = section.querySelector<HTMLElement>(".study-chart")!;
const summary = section.querySelector<HTMLElement>(".study-summary")!;
const workerUrl = URL.createObjectURL(new Blob([STUDY_WORKER_SOURCE], { type: "text/javascript" }));

function showSettings(settings: StudySettings): void {
  STUDY_SLIDERS.forEach((s, k) => {
    inputs[k]!.value = String(settings[s.key]);
    inputs[k]!.nextElementSibling!.textContent = String(settings[s.key]);
  });
}

function readSliders(): StudySettings {
  const settings = { ...STUDY_DEFAULTS };
  STUDY_SLIDERS.forEach((s, k) => (settings[s.key] = onSlider(s, Number(inputs[k]!.value))));
  return settings;
}

let running: Worker[] = [];

/** Every block through a pool of workers, each taking the next block as it finishes one. */
function trainAll(settings: StudySettings): Promise<SeedOutcome[]> {
  running.forEach((w) => w.terminate());
  const job = studyJob(settings);
  const workers = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  const blocks = studyBlocks([job], workers);
  const outcomes: SeedOutcome[][] = new Array(blocks.length);
  let next = 0;
  let seedsDone = 0;
  bar.value = 0;
  running = Array.from({ length: workers }, () => new Worker(workerUrl));
  const pool = running;
  return new Promise((resolve, reject) => {
    let finished = 0;
    const send = (worker: Worker) => {
      const k = next++;
      if (k >= blocks.length) {
        worker.terminate();
        if (++finished === pool.length) resolve(gatherBlocks([job], outcomes)[0]!);
        return;
      }
      worker.onmessage = (event: MessageEvent<SeedOutcome[]>) => {
        outcomes[k] = event.data;
        seedsDone += event.data.length;
        bar.value = seedsDone;
        status.textContent = `Training: ${seedsDone.toLocaleString("en-US")} of ${job.seeds.length.toLocaleString("en-US")} runs done…`;
        send(worker);
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage(blocks[k]);
    };
    pool.forEach(send);
  });
}

async function run(settings: StudySettings): Promise<void> {
  const started = performance.now();
  button.disabled = true;
  status.textContent = "Training…";
  try {
    const outcomes = await trainAll(settings);
    const trained = performance.now() - started;
    const view = studyView(outcomes, settings);
    await draw(chart, view.curve);
    summary.replaceChildren(...studySummary(view, settings).map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    status.textContent = `${outcomes.length.toLocaleString("en-US")} runs trained in ${(trained / 1000).toFixed(1)} s on ${running.length} workers.`;
    section.dataset["solvedAt"] = JSON.stringify(outcomes.map((o) => o.solvedAt));
    section.dataset["ms"] = trained.toFixed(0);
    section.dataset["runs"] = String(Number(section.dataset["runs"]) + 1);
  } catch (error) {
    status.textContent = `The study could not run here: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
}

function start(): void {
  const settings = readSliders();
  showSettings(settings);
  const hash = writeHash(settings, STUDY_SLIDERS);
  if (location.hash !== hash) history.replaceState(null, "", hash);
  void run(settings);
}

for (const input of inputs) input.addEventListener("input", () => (input.nextElementSibling!.textContent = input.value));
button.addEventListener("click", start);
window.addEventListener("hashchange", () => {
  showSettings(readHash(location.hash, STUDY_SLIDERS, STUDY_DEFAULTS));
  start();
});
showSettings(readHash(location.hash, STUDY_SLIDERS, STUDY_DEFAULTS));
status.textContent = "Press the button to train.";
// A link that names settings runs its study straight away.
if (location.hash.length > 1) start();
