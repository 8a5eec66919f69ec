/**
 * Markdown cells to HTML, with every equation typeset at build time by KaTeX: the page
 * carries finished HTML and KaTeX's stylesheet and fonts, and no script or network.
 * Math is recognised by marked's tokenizer, after code spans, so a `$` inside code stays code.
 */
import katex from "katex";
import { Marked, type TokenizerAndRendererExtension, type Tokens } from "marked";
import { GIVEN_KINDS, wrapGivenFigures } from "../notebook/claims";

interface MathToken extends Tokens.Generic {
  tex: string;
  display: boolean;
}

/** LaTeX to HTML; a malformed equation stops the build with KaTeX's message and the source. */
export function typeset(tex: string, display: boolean): string {
  try {
    // The prose writes a half as ½, which MathJax in Jupyter takes and KaTeX warns of: the same half, in LaTeX.
    const latex = tex.replace(/½/g, "\\tfrac{1}{2}");
    // Non-LaTeX input (a Unicode ½, say) still typesets; say which equation has it.
    const strict = (_code: string, message: string) => (console.warn(`KaTeX: ${message} in $${tex}$`), "ignore" as const);
    return katex.renderToString(latex, { displayMode: display, throwOnError: true, strict });
  } catch (err) {
    throw new Error(`cannot typeset $${tex}$: ${(err as Error).message}`);
  }
}

/** `$$…$$` standing as a paragraph of its own: a displayed equation. */
const blockMath: TokenizerAndRendererExtension = {
  name: "math",
  level: "block",
  start: (src) => src.match(/^ {0,3}\$\$/m)?.index,
  tokenizer(src) {
    const match = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
    if (match) return { type: "math", raw: match[0], tex: match[1]!.trim(), display: true } as MathToken;
    return undefined;
  },
  renderer: (token) => typeset((token as MathToken).tex, (token as MathToken).display),
};

/** `$…$` in running text; `$$…$$` inside a paragraph is displayed too. */
const inlineMath: TokenizerAndRendererExtension = {
  name: "math",
  level: "inline",
  start: (src) => src.match(/\$/)?.index,
  tokenizer(src) {
    const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
    if (display) return { type: "math", raw: display[0], tex: display[1]!.trim(), display: true } as MathToken;
    // No space just inside the dollars, no digit just after: "$5 and $6" stays text.
    const inline = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    if (inline) return { type: "math", raw: inline[0], tex: inline[1]!, display: false } as MathToken;
    return undefined;
  },
};

/** A heading's anchor: its words in lower case, joined by hyphens (math and markup dropped). */
export function slug(text: string): string {
  return text
    .replace(/\$[^$]*\$|<[^>]*>|[`*_]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

const marked = new Marked({
  gfm: true,
  extensions: [blockMath, inlineMath],
  // Headings carry ids, so a post can link to a section.
  renderer: {
    heading({ tokens, depth, text }) {
      return `<h${depth} id="${slug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
  // Links between notebooks point at the exported pages instead.
  walkTokens(token) {
    if (token.type === "link") token.href = token.href.replace(/^([\w.-]+)\.ipynb(?=$|#)/, "$1.html");
  },
});

/** A markdown cell's source as HTML; a figure marked as given says where it comes from. */
export function renderMarkdown(source: string): string {
  const withGiven = wrapGivenFigures(source, (figure, kind) => `<span class="given" title="${GIVEN_KINDS[kind]}">${figure}</span>`);
  return marked.parse(withGiven, { async: false });
}
