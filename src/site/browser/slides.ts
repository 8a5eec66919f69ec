/**
 * A lecture deck's script (src/site/slides.ts), loaded before the page script: sizes each
 * slide's text so that the slide fits its 1280×720 frame, which leaves each chart the box
 * the page script then draws it into, and starts reveal.js with its speaker notes (S opens
 * them). Reveal's keys are its own only while no control has focus: a slider that has focus
 * keeps the arrow keys (reveal.js ignores keys typed into an input).
 */
import Reveal from "reveal.js";
import RevealNotes from "reveal.js/plugin/notes";

/** The prose's size on a slide, and the least it is shrunk to for a slide that holds much. */
const TEXT_PX = 28;
const LEAST_TEXT_PX = 18;

/**
 * Gives a slide the frame's height (reveal's print view would let it shrink to its content,
 * and its charts to their least height), then shrinks its type, a pixel at a time, until its
 * content fits (charts keep their least height, set in slides.css).
 */
function fitText(slide: HTMLElement, height: number): void {
  slide.style.height = `${height}px`;
  for (let px = TEXT_PX; px >= LEAST_TEXT_PX; px--) {
    slide.style.fontSize = `${px}px`;
    if (slide.scrollHeight <= slide.clientHeight) return;
  }
}

const frame = document.querySelector<HTMLElement>(".reveal")!.dataset;
const [width, height] = [Number(frame["width"]), Number(frame["height"])];
// The frame's size now, as reveal.js will set it, so that each slide is measured in it.
const slides = document.querySelector<HTMLElement>(".reveal .slides")!;
[slides.style.width, slides.style.height] = [`${width}px`, `${height}px`];
slides.querySelectorAll<HTMLElement>(":scope > section:not(:has(> section)), :scope > section > section").forEach((slide) => fitText(slide, height));

// The live figure keeps its settings in the address bar's hash, so there reveal.js does not keep the slide's.
const live = document.getElementById("live-training") !== null;
void Reveal.initialize({
  width,
  height,
  margin: 0.04,
  center: false,
  hash: !live,
  transition: "none",
  slideNumber: "c/t",
  // Every slide laid out at once, so that each chart is drawn into its box on arrival rather than on its slide's first showing.
  viewDistance: 1000,
  // The arrow keys step through every slide, subslides included; the handout prints one page a slide, fragments shown.
  navigationMode: "linear",
  pdfSeparateFragments: false,
  plugins: [RevealNotes],
});
(globalThis as unknown as { Reveal: typeof Reveal }).Reveal = Reveal;
