/**
 * One notebook as one HTML page. Two variants: the full page, where the reader may show
 * or hide the code, and the blog variant, which leaves the code (and the claims cells that
 * back the prose) out altogether, ready to paste into a post.
 */
import { escapeHtml, pageHead } from "./html";
import { LIVE_MARKER, liveSectionHtml } from "./liveSection";
import { STUDY_MARKER, studySectionHtml } from "./studySection";
import { renderMarkdown } from "./markdown";
import { type Cell, type Notebook, joined } from "../notebook/nbformat";
import { isSolution, solutionSource } from "../teaching/editions";
import { highlightTypeScript } from "./highlight";
import { isRich, outputHtml } from "./outputs";
import { isExercisePrompt, isProgress, markdownFor } from "./blog";
import { type LinkTargets, retargetLinks } from "./links";

export const SITE_TITLE = "Learning representations by back-propagating errors: an exegesis";

export interface PageLink {
  href: string;
  title: string;
}

export interface PageOptions {
  title: string;
  /** "full": code shown, with a toggle; "blog": no code at all. */
  variant: "full" | "blog";
  /** The path from the page to the assets folder ("assets/" or "../assets/"). */
  assets: string;
  /** Carry the live training figure (the training page only). */
  live: boolean;
  /** Carry the live study (the claims page only). */
  study?: boolean;
  previous?: PageLink;
  next?: PageLink;
  home: string;
  /** Where links to other notebooks go when the export holds only some pages (all are there without it). */
  links?: LinkTargets;
  /** The address of this notebook in the site's in-browser JupyterLab, when the site has one. */
  lab?: string;
}

/** Where a site's in-browser JupyterLab goes (lite/build.ts), and the address that opens a notebook in it. */
export const LAB_FOLDER = "jupyter";
export const labHref = (name: string) => `${LAB_FOLDER}/lab/index.html?path=${encodeURIComponent(name)}.ipynb`;

function codeHtml(source: string, solution = false): string {
  return source.trim() === "" ? "" : `<pre class="source"><code>${highlightTypeScript(solution ? solutionSource(source) : source)}</code></pre>`;
}

/** Printed text and claims answer the code; a blog reader, who skips the code, keeps the charts and tables. */
export function outputsHtml(cell: Cell, variant: PageOptions["variant"]): string {
  return (cell.outputs ?? []).filter((o) => variant === "full" || (isRich(o) && !isProgress(o))).map(outputHtml).join("");
}

/** What a page's content depends on: the site's pages and an embed (embed.ts) share it. */
export type ContentOptions = Pick<PageOptions, "variant" | "live" | "study" | "links">;

function cellHtml(cell: Cell, { variant, live: carriesLive, study: carriesStudy, links }: ContentOptions): string {
  const source = joined(cell.source);
  if (cell.cell_type === "markdown") {
    const live = carriesLive && source.includes(LIVE_MARKER) ? liveSectionHtml() : "";
    const study = carriesStudy && source.includes(STUDY_MARKER) ? studySectionHtml() : "";
    // The cell that holds the sliders speaks as the blog does on every page that has them: it would otherwise send the reader to "the website edition".
    const html = renderMarkdown(markdownFor(source, live !== "" ? "blog" : variant));
    return `<div class="cell markdown">${links ? retargetLinks(html, links) : html}</div>${live}${study}`;
  }
  if (cell.cell_type !== "code") return "";
  const code = variant === "blog" ? "" : codeHtml(source);
  const shown = outputsHtml(cell, variant);
  if (code === "" && shown === "") return "";
  return `<div class="cell code">${code}${shown === "" ? "" : `<div class="outputs">${shown}</div>`}</div>`;
}

/**
 * An exercise's answer and its checker's verdict, folded together without the edition
 * markers, so that a reader can try it first: the verdict names what the answer computes.
 */
function exerciseHtml(solution: Cell, checker: Cell): string {
  const verdict = outputsHtml(checker, "full");
  return `<div class="cell code"><details class="solution"><summary>Show a solution</summary>${codeHtml(joined(solution.source), true)}${codeHtml(joined(checker.source))}${verdict === "" ? "" : `<div class="outputs">${verdict}</div>`}</details></div>`;
}

/** The page's cells as HTML; the blog leaves out exercises, which ask for code it does not show. */
function cellsHtml(cells: readonly Cell[], options: ContentOptions): string {
  const parts: string[] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (options.variant === "blog" && (isExercisePrompt(cell) || isSolution(cell))) continue;
    // A solution is followed by the cell that checks it (README, "Teaching a backprop class").
    const checker = cells[k + 1];
    if (isSolution(cell) && options.variant === "full" && checker?.cell_type === "code") {
      parts.push(exerciseHtml(cell, checker));
      k++;
    } else parts.push(cellHtml(cell, options));
  }
  return parts.join("\n");
}

function pagerHtml({ previous, next, home }: PageOptions): string {
  const link = (l: PageLink | undefined, rel: string, arrow: string) =>
    l ? `<a rel="${rel}" href="${escapeHtml(l.href)}">${rel === "prev" ? arrow + " " : ""}${escapeHtml(l.title)}${rel === "next" ? " " + arrow : ""}</a>` : "<span></span>";
  return `<nav class="pager">${link(previous, "prev", "←")}<a href="${home}">Contents</a>${link(next, "next", "→")}</nav>`;
}

/** The HTML around a page's content: stylesheets, header, pager and the scripts it needs. */
export function shellHtml(content: string, options: PageOptions & { charts: boolean }): string {
  const { title, assets, variant, live, charts, home } = options;
  const { study = false } = options;
  // page.js on every page (it also makes scrolling code reachable by keyboard); plotly.js only where there are charts.
  const scripts = [...(charts || live || study ? ["plotly.min.js"] : []), "page.js", ...(live ? ["live-training.js"] : []), ...(study ? ["live-study.js"] : [])];
  // The live figure sits mid-page: a link near the top takes a keyboard straight to its controls.
  const skip = live ? `<a class="skip" href="#live-training">Train it yourself</a>` : "";
  const toggle = variant === "full" && content.includes('class="source"') ? `<button class="toggle-code" type="button" aria-pressed="false">Hide code</button>` : "";
  return `${pageHead(title, assets, "site.css")}
<body class="${variant}">
<header class="site-header"><a href="${home}">${escapeHtml(SITE_TITLE)}</a>${skip}${toggle}</header>
<main>
${options.lab ? `<p class="run-in-browser"><a href="${escapeHtml(options.lab)}">Run this notebook in your browser</a></p>\n` : ""}${content}
</main>
${options.previous || options.next ? pagerHtml(options) : ""}
${scripts.map((s) => `<script src="${assets}${s}"></script>`).join("\n")}
</body>
</html>
`;
}

/** A notebook's cells as HTML, with the live figures it carries. */
export function notebookContent(notebook: Notebook, options: ContentOptions): string {
  let content = cellsHtml(notebook.cells, options);
  if (options.live && !content.includes('id="live-training"')) content += `\n${liveSectionHtml()}`;
  if (options.study && !content.includes('id="live-study"')) content += `\n${studySectionHtml()}`;
  return content;
}

/** A notebook's page. */
export function notebookPage(notebook: Notebook, options: PageOptions): string {
  const content = notebookContent(notebook, options);
  return shellHtml(content, { ...options, charts: content.includes('class="chart"') });
}
