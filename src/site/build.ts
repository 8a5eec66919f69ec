/**
 * The whole site from executed notebooks: a page per notebook, its code-free blog
 * variant under blog/, a lecture deck under slides/ for each notebook cut into slides, a
 * contents page, and the assets every page loads from its own
 * folder (plotly.js, KaTeX's stylesheet and fonts, the page scripts). Nothing a page
 * loads comes from the network.
 */
import { buildSync } from "esbuild";
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { escapeHtml } from "./html";
import { type Notebook } from "../notebook/nbformat";
import { failedCellMessage, firstError, titleOf } from "./cells";
import { SITE_TITLE, labHref, notebookPage, shellHtml } from "./page";
import { frontPageHtml } from "./frontPage";
import { deckHtml, hasSlides } from "./slides";
import { studentEdition } from "../teaching/editions";
import { replaceFolder } from "../io/ownedFolder";
import { TEACHING_HEADING, teachingHtml } from "./teachingPage";

const ROOT = resolve(__dirname, "../..");

/** The notebook whose page carries the live training figure. */
export const TRAINING_PAGE = "05-training";
/** The notebook whose page carries the live study. */
export const STUDY_PAGE = "07a-claims-run-lengths";

export interface ExecutedNotebook {
  name: string;
  notebook: Notebook;
}

/** Stops on the first cell that raised, quoting it (kernels that record errors as outputs). */
export function assertRan({ name, notebook }: ExecutedNotebook): void {
  const error = firstError(notebook);
  if (error) throw new Error(failedCellMessage(name, error.cell, error.source, error.message));
}

/** A page script bundled for the browser, as text. */
export function bundled(entry: string, define: Record<string, string> = {}): string {
  const { outputFiles } = buildSync({
    entryPoints: [join(ROOT, "src/site/browser", entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    define,
  });
  return outputFiles[0]!.text;
}

/** The lecture decks' one stylesheet: reveal.js's own and its white theme (its fonts inside), the charts', the decks'. */
export function deckStylesheet(): string {
  const reveal = join(ROOT, "node_modules/reveal.js/dist");
  return [join(reveal, "reveal.css"), join(reveal, "theme/white.css"), join(ROOT, "src/site/charts.css"), join(ROOT, "src/site/slides.css")].map((f) => readFileSync(f, "utf8")).join("\n");
}

function bundle(entry: string, target: string, define: Record<string, string> = {}): void {
  writeFileSync(target, bundled(entry, define));
}

function writeAssets(assets: string): void {
  mkdirSync(assets, { recursive: true });
  cpSync(join(ROOT, "node_modules/plotly.js-dist-min/plotly.min.js"), join(assets, "plotly.min.js"));
  cpSync(join(ROOT, "node_modules/katex/dist/katex.min.css"), join(assets, "katex/katex.min.css"));
  cpSync(join(ROOT, "node_modules/katex/dist/fonts"), join(assets, "katex/fonts"), { recursive: true });
  // One stylesheet a page: the site's own, then the charts' (which the HTML export shares).
  writeFileSync(join(assets, "site.css"), ["site.css", "charts.css"].map((f) => readFileSync(join(ROOT, "src/site", f), "utf8")).join("\n"));
  writeFileSync(join(assets, "slides.css"), deckStylesheet());
  bundle("slides.ts", join(assets, "slides.js"));
  bundle("page.ts", join(assets, "page.js"));
  writeLiveScripts(assets);
}

/** The live figures' scripts, the training page's and the study page's, into `folder` (the site's assets, or an embed's). */
export function writeLiveScripts(folder: string): void {
  bundle("liveTraining.ts", join(folder, "live-training.js"));
  // The study's worker goes inside its page script, started from a Blob URL: a page opened from disk may not load a worker file.
  bundle("liveStudy.ts", join(folder, "live-study.js"), { STUDY_WORKER_SOURCE: JSON.stringify(bundled("studyWorker.ts")) });
}

/** A folder of notebooks to download, with a page listing them. */
function notebookFolder(out: string, folder: string, heading: string, intro: string, notebooks: readonly ExecutedNotebook[], edit: (n: Notebook) => Notebook): void {
  mkdirSync(join(out, folder), { recursive: true });
  for (const { name, notebook } of notebooks) writeFileSync(join(out, folder, `${name}.ipynb`), `${JSON.stringify(edit(notebook), null, 1)}\n`);
  const items = notebooks.map(({ name }) => `<li><a href="${name}.ipynb" download>${name}.ipynb</a></li>`).join("\n");
  const html = `<h1>${escapeHtml(heading)}</h1>\n<p>${intro}</p>\n<ul class="contents">\n${items}\n</ul>`;
  writeFileSync(join(out, folder, "index.html"), shellHtml(html, { title: heading, variant: "full", assets: "../assets/", live: false, charts: false, home: "../index.html" }));
}

export interface BuiltPage {
  file: string;
  bytes: number;
}

export interface SiteOptions {
  /** The repository's web address, for the front page's links to the notebooks and the README. */
  repository?: string;
  /** The full site's address, for links to notebook pages this site leaves out. */
  baseUrl?: string;
  /** Writes the in-browser JupyterLab into the site's folder (lite/build.ts); each page then links to its notebook there. */
  lab?: (out: string, notebooks: readonly ExecutedNotebook[]) => void;
}

/** What marks a folder as a site this build wrote, which a later build may replace (see io/ownedFolder). */
export const SITE_COMMAND = "npm run build";

/**
 * Writes the site into `out`, replacing the site an earlier build wrote there and nothing else
 * (it refuses a folder that holds other files), and lists the pages written.
 */
export function buildSite(notebooks: readonly ExecutedNotebook[], out: string, options: SiteOptions = {}): BuiltPage[] {
  notebooks.forEach(assertRan);
  const pages: string[] = [];
  replaceFolder(out, SITE_COMMAND, (fresh) => pages.push(...writeSite(notebooks, fresh, options)));
  return pages.map((file) => ({ file, bytes: statSync(join(out, file)).size }));
}

/** The site's files in the empty folder `out`; returns the pages. */
function writeSite(notebooks: readonly ExecutedNotebook[], out: string, { repository, baseUrl, lab }: SiteOptions): string[] {
  writeAssets(join(out, "assets"));
  lab?.(out, notebooks);
  const pages = notebooks.map(({ name, notebook }) => ({ name, notebook, title: titleOf(notebook, name), slides: hasSlides(notebook) }));
  const present = new Set(pages.map((p) => p.name));
  const links = { pages: present, ...(baseUrl ? { baseUrl } : {}), ...(repository ? { repository } : {}) };
  const written: string[] = [];
  const write = (file: string, html: string) => {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), html);
    written.push(file);
  };
  const front = frontPageHtml({ pages, notebooks: new Map(notebooks.map((n) => [n.name, n.notebook])), title: SITE_TITLE, ...(repository ? { repository } : {}) });
  // The front page opens the series' first notebook, its index.
  const frontLab = lab && pages[0] ? { lab: labHref(pages[0].name) } : {};
  write("index.html", shellHtml(front, { title: SITE_TITLE, variant: "full", assets: "assets/", live: false, charts: front.includes('class="chart"'), home: "index.html", ...frontLab }));
  const clone = "They import the project's compiled core, so open them inside a clone of the repository (<code>npm start</code>).";
  notebookFolder(out, "student-edition", "The student edition", `The notebooks with each exercise's answer replaced by a stub and every output cleared. ${clone}`, notebooks, studentEdition);
  if (!repository) {
    notebookFolder(out, "notebooks", "The notebooks", `The notebooks as run for this site, outputs included. ${clone}`, notebooks, (n) => n);
    write("teaching.html", shellHtml(teachingHtml(readFileSync(join(ROOT, "README.md"), "utf8")), { title: TEACHING_HEADING, variant: "full", assets: "assets/", live: false, charts: false, home: "index.html" }));
  }
  // A lecture deck for each notebook cut into slides (its cells' `slideshow` metadata).
  for (const page of pages.filter((p) => p.slides))
    write(`slides/${page.name}.html`, deckHtml(page.notebook, { name: page.name, title: page.title, assets: "../assets/", live: page.name === TRAINING_PAGE, links }));
  pages.forEach((page, k) => {
    const previous = pages[k - 1];
    const next = pages[k + 1];
    const live = page.name === TRAINING_PAGE;
    const study = page.name === STUDY_PAGE;
    for (const variant of ["full", "blog"] as const) {
      const prefix = variant === "full" ? "" : "blog/";
      write(
        `${prefix}${page.name}.html`,
        notebookPage(page.notebook, {
          title: page.title,
          variant,
          live,
          study,
          assets: variant === "full" ? "assets/" : "../assets/",
          home: variant === "full" ? "index.html" : "../index.html",
          links,
          ...(lab ? { lab: `${variant === "full" ? "" : "../"}${labHref(page.name)}` } : {}),
          ...(previous ? { previous: { href: `${previous.name}.html`, title: previous.title } } : {}),
          ...(next ? { next: { href: `${next.name}.html`, title: next.title } } : {}),
        }),
      );
    }
  });
  return written;
}
