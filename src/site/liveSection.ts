/**
 * The markup of the training page's live figure: a slider for each setting, play and step
 * buttons, a status line and two chart placeholders. The browser app
 * (browser/liveTraining.ts) wires them up; the text here is what a reader sees before it has run.
 */
import { escapeHtml } from "./html";
import { DEFAULT_SETTINGS, SLIDERS, hashOf } from "./liveSettings";
import { LIVE_STEP } from "./liveRun";

/** Where a notebook's markdown asks for the live figure; without it, it goes at the end of the page. */
export const LIVE_MARKER = "<!--live-training-->";

/** The figure's markup; a lecture deck asks for a <div>, since reveal.js takes any <section> inside a slide for a slide of its own. */
export function liveSectionHtml(tag: "section" | "div" = "section"): string {
  const sliders = SLIDERS.map(
    (s) =>
      `<label class="live-slider"><span>${escapeHtml(s.label)}</span>` +
      `<input type="range" name="${s.param}" min="${s.min}" max="${s.max}" step="${s.step}" value="${DEFAULT_SETTINGS[s.key]}">` +
      `<output>${DEFAULT_SETTINGS[s.key]}</output></label>`,
  ).join("\n");
  return `<${tag} class="live" id="live-training"${tag === "div" ? ' role="region"' : ""} data-draws="0" aria-labelledby="live-heading">
<h2 id="live-heading">Train it yourself</h2>
<p>This figure trains the network right here in your browser, with no server and no Jupyter kernel, in the project's WebAssembly code, which does the TypeScript core's arithmetic bit for bit.
Move a slider and the 6-2-1 network starts again from fresh random weights and trains for the number of sweeps you chose.
The curve is the error E after every sweep; the grid shows the weights into the hidden units L and R, on one colour scale from −15 (blue) to 15 (red).
Play replays the run from the start, ${LIVE_STEP} sweeps a frame; Step moves it on by ${LIVE_STEP} sweeps.
The address bar keeps your settings, so a link to this page reproduces exactly the run you are looking at.</p>
<form class="live-controls" onsubmit="return false">
${sliders}
<div class="live-buttons"><button type="button" class="live-play" aria-pressed="false">Play</button><button type="button" class="live-step">Step +${LIVE_STEP}</button></div>
</form>
<p class="live-status" aria-live="polite">Needs JavaScript to run.</p>
<div class="chart live-loss" role="figure" aria-label="Line chart: the error E after each sweep of the run set above. Across: sweep. Up: E."></div>
<div class="chart live-weights" role="figure" aria-label="Heat map: the weights into hidden units L and R from x1 to x6 and their biases, each cell labelled with its value."></div>
<p class="live-share"><a href="${hashOf(DEFAULT_SETTINGS)}">Back to the paper's settings</a></p>
</${tag}>`;
}
