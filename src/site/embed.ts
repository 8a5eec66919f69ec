/**
 * Notebook pages to drop into an existing blog (`npm run build -- --embed NAME…`).
 *
 * What a blogger gets: a fragment per notebook (NAME.fragment.html) to paste into a post, and
 * one folder of assets to put beside that post. We chose a fragment over a page of our own:
 * a post is the blog's page, with its header, its navigation and its comments; ours is the
 * content. Everything the build writes goes into one folder, `backprop-embed/`, inside the
 * folder given (`--out`, the folder the post sits in), and every name in it is ours: the
 * blog's `assets/site.css` or `page.js` are never touched, and the folder is replaced only
 * when our own mark says the build wrote it (io/ownedFolder).
 *
 * A fragment is the blog variant's content (prose, equations, charts; no code) inside one
 * root element, `<div class="backprop-embed">`:
 * - Its styles (KaTeX's, the site's, the charts') reach nothing outside that root: every
 *   selector is prefixed with it by postcss-prefix-selector, which also turns `html`, `body`
 *   and `:root` into the root itself. (esbuild's nesting, lowered, would prefix our rules too,
 *   but it nests KaTeX's @font-face rules, which must stay at the top level, into nonsense.)
 * - Its one script, the same in every fragment, runs the first time and loads plotly.js and
 *   a live figure's script once, from beside itself, for every fragment on the page; a later
 *   copy only asks it to look again (browser/embed.ts).
 * - Its links to other notebooks go to the full site (`--base-url`), else to the repository
 *   (`--repo`), else they stay words (links.ts): a pasted fragment has no sibling pages.
 */
import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import postcss from "postcss";
import prefixSelector from "postcss-prefix-selector";
import { replaceFolder } from "../io/ownedFolder";
import { type BuiltPage, type ExecutedNotebook, STUDY_PAGE, TRAINING_PAGE, assertRan, bundled, writeLiveScripts } from "./build";
import { titleOf } from "./cells";
import { escapeHtml } from "./html";
import { notebookContent } from "./page";

const ROOT = resolve(__dirname, "../..");

/** The folder the build writes beside a post, and the class of each fragment's root element. */
export const EMBED = "backprop-embed";

/** What marks the embed's folder as this build's (see io/ownedFolder). */
export const EMBED_COMMAND = "npm run build -- --embed";

/** The embed's one stylesheet: KaTeX's, the site's and the charts', each rule scoped to a fragment's root. */
export function embedCss(): string {
  const css = [join(ROOT, "node_modules/katex/dist/katex.min.css"), ...["site.css", "charts.css"].map((f) => join(ROOT, "src/site", f))].map((f) => readFileSync(f, "utf8")).join("\n");
  return postcss([prefixSelector({ prefix: `.${EMBED}` })]).process(css, { from: undefined }).css;
}

/** What a blogger pastes: the stylesheet, the content in its root, and the script, with paths from a page beside the folder. */
export function fragmentHtml(title: string, content: string): string {
  return `<!-- "${escapeHtml(title)}", from npm run build -- --embed. Paste it into a page in the folder that holds ${EMBED}/ (its paths start there). -->
<link rel="stylesheet" href="${EMBED}/${EMBED}.css">
<div class="${EMBED}">
${content}
</div>
<script src="${EMBED}/${EMBED}.js"></script>
`;
}

export interface EmbedOptions {
  /** The full site's address, where links to other notebooks go. */
  baseUrl?: string;
  /** The repository's web address, where they go without one. */
  repository?: string;
}

/** Writes `out/backprop-embed/`: a fragment per notebook and the assets; lists the files written, from `out`. */
export function buildEmbed(notebooks: readonly ExecutedNotebook[], out: string, { baseUrl, repository }: EmbedOptions = {}): BuiltPage[] {
  notebooks.forEach(assertRan);
  const folder = join(out, EMBED);
  const written = replaceFolder(folder, EMBED_COMMAND, (fresh) => {
    cpSync(join(ROOT, "node_modules/plotly.js-dist-min/plotly.min.js"), join(fresh, "plotly.min.js"));
    // katex.min.css finds its fonts at fonts/, beside the stylesheet it is now part of.
    cpSync(join(ROOT, "node_modules/katex/dist/fonts"), join(fresh, "fonts"), { recursive: true });
    writeFileSync(join(fresh, `${EMBED}.css`), embedCss());
    writeFileSync(join(fresh, `${EMBED}.js`), bundled("embed.ts"));
    // Every live figure's script, whichever notebooks this run embeds: a post embedded by an earlier run keeps working.
    writeLiveScripts(fresh);
    for (const { name, notebook } of notebooks) {
      const links = { pages: new Set<string>(), ...(baseUrl ? { baseUrl } : {}), ...(repository ? { repository } : {}) };
      const content = notebookContent(notebook, { variant: "blog", live: name === TRAINING_PAGE, study: name === STUDY_PAGE, links });
      writeFileSync(join(fresh, `${name}.fragment.html`), fragmentHtml(titleOf(notebook, name), content));
    }
  });
  return written.filter((f) => f.endsWith(".fragment.html")).map((f) => ({ file: `${EMBED}/${f}`, bytes: statSync(join(folder, f)).size }));
}
