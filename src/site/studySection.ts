/**
 * The markup of the claims page's live study: a slider for each setting, a button, a
 * progress bar, the sweeps-to-solve chart and the summary. The browser app
 * (browser/liveStudy.ts) wires them up; the text here is what a reader sees first.
 */
import { CLAIMS_STUDY } from "../analysis/claimsStudyPlan";
import { escapeHtml } from "./html";
import { STUDY_DEFAULTS, STUDY_SLIDERS } from "./studySettings";

/** Where a notebook's markdown asks for the live study; without it, it goes at the end of the page. */
export const STUDY_MARKER = "<!--live-study-->";

export function studySectionHtml(): string {
  const sliders = STUDY_SLIDERS.map(
    (s) =>
      `<label class="live-slider"><span>${escapeHtml(s.label)}</span>` +
      `<input type="range" name="${s.param}" min="${s.min}" max="${s.max}" step="${s.step}" value="${STUDY_DEFAULTS[s.key]}">` +
      `<output>${STUDY_DEFAULTS[s.key]}</output></label>`,
  ).join("\n");
  const seeds = CLAIMS_STUDY.seeds.toLocaleString("en-US");
  return `<section class="live" id="live-study" data-runs="0">
<h2>Run the study yourself</h2>
<p>Pick a learning rate, a momentum and a cap, and ${seeds} runs of the 6-2-1 network, seeds 0 to ${CLAIMS_STUDY.seeds - 1}, train here in your browser,
on every core it offers, in the same WebAssembly kernel as the notebook: each seed gives the very network it gives there.
The chart and the counts below then show this page's measures for your settings: how soon runs solve, how many are left on a plateau, and how the solved ones split between 1:2:4 and 2:3:4.
The address bar keeps your settings, so a link reruns the same study.</p>
<form class="live-controls" onsubmit="return false">
${sliders}
<button type="button" class="study-run">Train ${seeds} seeds</button>
</form>
<progress class="study-progress" max="${CLAIMS_STUDY.seeds}" value="0"></progress>
<p class="live-status" aria-live="polite">Needs JavaScript to run.</p>
<div class="study-chart"></div>
<ul class="study-summary"></ul>
</section>`;
}
