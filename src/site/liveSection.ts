/**
 * The markup of the training page's live figure: a slider for each setting, a status
 * line and two chart placeholders. The browser app (browser/liveTraining.ts) wires them
 * up; the text here is what a reader sees before it has run.
 */
import { PAPER_SYMMETRY_RUN } from "../tasks/symmetry";
import { escapeHtml } from "./html";
import { DEFAULT_SETTINGS, SLIDERS, hashOf } from "./liveSettings";

/** Where a notebook's markdown asks for the live figure; without it, it goes at the end of the page. */
export const LIVE_MARKER = "<!--live-training-->";

export function liveSectionHtml(): string {
  const sliders = SLIDERS.map(
    (s) =>
      `<label class="live-slider"><span>${escapeHtml(s.label)}</span>` +
      `<input type="range" name="${s.param}" min="${s.min}" max="${s.max}" step="${s.step}" value="${DEFAULT_SETTINGS[s.key]}">` +
      `<output>${DEFAULT_SETTINGS[s.key]}</output></label>`,
  ).join("\n");
  const sweeps = PAPER_SYMMETRY_RUN.sweeps.toLocaleString("en-US");
  return `<section class="live" id="live-training" data-draws="0">
<h2>Train it yourself</h2>
<p>This figure runs the project's own TypeScript core, compiled for your browser: no kernel, no server.
Move a slider and the 6-2-1 network starts again from fresh random weights and trains for the paper's ${sweeps} sweeps.
The curve is the error E after every sweep; the grid shows the weights into the two hidden units when the run ends.
The address bar keeps your settings, so a link to this page reproduces exactly the run you are looking at.</p>
<form class="live-controls" onsubmit="return false">
${sliders}
</form>
<p class="live-status" aria-live="polite">Needs JavaScript to run.</p>
<div class="chart live-loss"></div>
<div class="chart live-weights"></div>
<p class="live-share"><a href="${hashOf(DEFAULT_SETTINGS)}">Back to the paper's settings</a></p>
</section>`;
}
