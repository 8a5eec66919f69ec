/**
 * Keeping prose and computation in agreement. Every figure written in digits in a markdown
 * cell carries a mark right after it, with no space between:
 *
 * - computed: `6.45<!--E0-->`. A code cell above shows the value with
 *   `showClaims({ E0 })`; the test checks the prose is that value rounded as written.
 * - given: `1,425<!--given:paper-->`, a figure taken from elsewhere, of a kind in
 *   `GIVEN_KINDS` (the paper, the blog post, a setting of ours, a definition). A given mark
 *   may name a claim, `0.1<!--given:paper:ε-->`, and then the value the notebook shows
 *   for it (in any code cell) must agree. It covers a whole figure (`6-2-1`, `1 : 2 : 4`,
 *   `1–2`) or the `$…$` just before it (whose one decimal a named mark checks:
 *   `$\varepsilon = 0.1$<!--given:paper:ε-->`).
 *   The site shows given figures with a dotted underline and a title.
 *
 * Digits that name rather than measure need no mark: a heading's or a numbered list's
 * number (`## 1 ·`, `1.`), anything in code or in a link's address, a link's text to a
 * notebook, a number after a naming word (notebook 5, Figure 1, equation 8, case 45, seed
 * 588, step 2, claim 3, person 1) unless it carries a mark, and whole numbers inside LaTeX (indices,
 * exponents and a formula's constants, as in $w_{7-i}$ or $2^6 = 64$). A decimal inside
 * LaTeX is a figure: the span is followed by a given mark. Numbers written as words ("two
 * hidden units") are language.
 */
import { displayBundle } from "./display";
import { describedRun, settingsDepartures } from "./settings";
import { escapeHtml } from "../site/html";
import { tableBundle } from "./table";

export const CLAIMS_MIME = "application/vnd.backprop-exegesis.claims+json";

export type Claims = Record<string, number>;

/** How a claimed value is printed for the reader: enough digits to check any rounding. */
function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Number(value.toPrecision(6)));
}

/**
 * A claimed number, alone or with the words a reader sees beside it: `E0` or `[E0, "E at the start"]`.
 * Null stands for what a run did not reach (a sweep it never solved at, on settings of the reader's).
 */
export type ClaimValue = number | null | readonly [value: number | null, label: string];

/** Words for some or all of a claims cell's keys: what each number is, as the prose names it. */
export type ClaimLabels<C extends Record<string, ClaimValue>> = Partial<Record<keyof C, string>>;

/**
 * The line under a claims table when its numbers are not the run the prose describes (the
 * paper's, unless the settings cell named another): the reader's settings, or a claim with no value (null, or not a finite
 * number). Null when there is nothing to say. A missing value is left out of the claims,
 * so the prose test, run at the paper's settings, fails on it as on a claim never shown.
 */
export function claimsNote(missing: readonly string[], departures: readonly string[], described: string = describedRun()): string | null {
  if (missing.length === 0 && departures.length === 0) return null;
  const yours = departures.length > 0 ? `with your settings (${departures.join(", ")})` : "in this run";
  // A few nulls by name; more, as a count (the table beside them says which).
  const none = missing.length === 0 ? "" : missing.length > 2 ? `${missing.length} of these numbers are null and ` : `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} null and `;
  const sentence = `${yours}, ${none}${departures.length > 0 ? "these are your run's numbers" : "the other numbers are this run's"}; the prose describes ${described}.`;
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}

/**
 * The numbers the text below quotes as one output: a small two-column table for the reader,
 * each number beside its label (given with the value or in `labels`; the key if none), and
 * the claims themselves for the prose test. It never throws: a missing value shows as
 * "null" in the table, and one line under it says so (see `claimsNote`).
 */
export function claimsBundle<C extends Record<string, ClaimValue>>(claims: C, labels: ClaimLabels<C> = {}, departures: readonly string[] = settingsDepartures()): Record<string, unknown> {
  const values: Claims = {};
  const rows: string[][] = [];
  const missing: string[] = [];
  for (const [key, claim] of Object.entries(claims)) {
    const [value, label] = claim === null || typeof claim === "number" ? [claim, labels[key]] : claim;
    const name = label ?? key;
    if (value === null || !Number.isFinite(value)) {
      missing.push(name);
      rows.push([name, "null"]);
      continue;
    }
    values[key] = value;
    rows.push([name, formatValue(value)]);
  }
  const table = tableBundle(["quantity", "value"], rows);
  const note = claimsNote(missing, departures);
  if (note === null) return { ...table, [CLAIMS_MIME]: values };
  return { "text/html": `${table["text/html"]}<p>${escapeHtml(note)}</p>`, "text/plain": `${table["text/plain"]}\n${note}`, [CLAIMS_MIME]: values };
}

/**
 * Shows the numbers the text below quotes (see `claimsBundle`). A cell whose numbers do not
 * follow the notebook's settings (a fixed seed's run at the paper's settings) says
 * `{ followsSettings: false }`, so that it does not call them the reader's run.
 */
export function showClaims<C extends Record<string, ClaimValue>>(claims: C, labels: ClaimLabels<C> = {}, { followsSettings = true } = {}): void {
  displayBundle(claimsBundle(claims, labels, followsSettings ? settingsDepartures() : []));
}

/** Where a given figure comes from, and the title the site shows on it. */
export const GIVEN_KINDS = {
  paper: "from the paper",
  blog: "from the blog post",
  setting: "a setting of this project",
  definition: "a definition",
} as const;

export type GivenKind = keyof typeof GIVEN_KINDS;

/** A number quoted in prose: its text, the key of its claim, and its value as written. */
export interface ClaimMark {
  key: string;
  text: string;
  value: number;
  decimals: number;
}

/** A figure declared as given; with a key, it is also checked against that claim. */
export interface GivenMark {
  kind: GivenKind;
  text: string;
  mark?: ClaimMark;
}

/** What the prose test finds in one markdown text. */
export interface ProseNumbers {
  computed: ClaimMark[];
  given: GivenMark[];
  /** Each figure with no mark, shown with the words around it. */
  unmarked: string[];
  /** Marks that are malformed: a space before them, no figure, an unknown kind. */
  faults: string[];
}

// A number as prose writes it: a sign, thousands commas, decimals, a percent sign. Not
// part of a name (x1, E0, w_L3) and not followed by letters (1e-6, 3D).
const NUMBER = String.raw`(?<![\p{L}\p{N}_.,])[−-]?\d+(?:,\d{3})*(?:\.\d+)?%?(?![\p{L}\p{N}_])`;
// A figure a given mark can cover: numbers joined by a ratio, range, product or shape sign.
const FIGURE = String.raw`[±~]?[−-]?\d+(?:,\d{3})*(?:\.\d+)?%?(?:(?: ?[:×/–] ?|-| to )[±~]?[−-]?\d+(?:,\d{3})*(?:\.\d+)?%?)*`;
const MATH = String.raw`\$\$[\s\S]+?\$\$|\$(?!\s)(?:\\.|[^\\$\n])+?\$`;
const MARK = /<!--\s*(given:[\p{L}\p{N}_:]*|[\p{L}_][\p{L}\p{N}_]*)\s*-->/gu;
// Words after which a number names a thing in a sequence rather than measuring anything.
const NAMING = String.raw`(?:[Nn]otebooks?|[Pp]ages?|[Ff]igures?|[Tt]ables?|[Ee]quations?|[Ee]xercises?|[Ss]teps?|[Ss]ections?|[Cc]ases?|[Ss]eeds?|[Cc]laims?|[Pp]ersons?|[Gg]enerations?)`;
const REFERENCE = new RegExp(String.raw`${NAMING}\s+\d+(?:(?:,\s*|\s+(?:and|or|to)\s+|–)\d+)*`, "gu");

function valueOf(text: string): ClaimMark["value"] {
  const percent = text.endsWith("%");
  return Number(text.replace("−", "-").replace(/[,%]/g, "")) / (percent ? 100 : 1);
}

function claimMark(key: string, text: string): ClaimMark {
  const decimals = (text.match(/\.(\d+)/)?.[1]?.length ?? 0) + (text.endsWith("%") ? 2 : 0);
  return { key, text, value: valueOf(text), decimals };
}

/** Blanks a span of the text (same length), so later scans skip it and offsets still line up. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + " ".repeat(to - from) + text.slice(to);
}

/** The words around a position, for a failure message. */
function around(text: string, at: number): string {
  return text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ").trim();
}

/**
 * Every figure of a markdown text sorted into computed, given and unmarked, and every
 * malformed mark. The prose test fails on any unmarked figure and any fault.
 */
export function proseNumbers(markdown: string): ProseNumbers {
  const found: ProseNumbers = { computed: [], given: [], unmarked: [], faults: [] };
  // What names rather than measures: code, link addresses, heading numbers, references.
  let scan = markdown
    .replace(/```[\s\S]*?```|`[^`\n]*`/g, (m) => " ".repeat(m.length))
    .replace(/(?<=\[)[^\]]*(?=\]\(\s*[\w.-]+\.(?:ipynb|html)\b)/g, (m) => " ".repeat(m.length))
    .replace(/\]\([^)]*\)/g, (m) => " ".repeat(m.length))
    .replace(/^(#{1,6}\s+|\s*)\d+(?=\s*·|\.\s)/gmu, (m, start: string) => start + " ".repeat(m.length - start.length))
    // A reference whose number carries a mark ("seed 0<!--lateSeed-->") is a figure after all.
    .replace(REFERENCE, (m, at: number, text: string) => (text.startsWith("<!--", at + m.length) ? m : " ".repeat(m.length)));
  for (const mark of [...scan.matchAll(MARK)]) {
    const at = mark.index!;
    const content = mark[1]!;
    const before = scan.slice(0, at);
    scan = blank(scan, at, at + mark[0].length);
    if (/[\p{N}%$]\s+$/u.test(before)) {
      found.faults.push(`a space before ${mark[0]}: "${around(markdown, at)}"`);
      continue;
    }
    if (content.startsWith("given:")) {
      const [, kind, key, extra] = content.split(":");
      if (!kind || !(kind in GIVEN_KINDS) || extra !== undefined) {
        found.faults.push(`${mark[0]} is not given:KIND or given:KIND:key, with KIND one of ${Object.keys(GIVEN_KINDS).join(", ")}`);
        continue;
      }
      const math = new RegExp(String.raw`(?:${MATH})$`, "u").exec(before);
      const figure = math ?? new RegExp(String.raw`(?<![\p{L}\p{N}_.,])${FIGURE}$`, "u").exec(before);
      if (!figure) {
        found.faults.push(`${mark[0]} follows no figure: "${around(markdown, at)}"`);
        continue;
      }
      const text = figure[0];
      // A named given figure is one number: the figure itself, or the one decimal of an equation.
      const decimals = text.match(/[−-]?\d+\.\d+/g) ?? [];
      const bare = text.replace(/^[±~]/, "");
      const single = math ? (decimals.length === 1 ? decimals[0]! : undefined) : new RegExp(String.raw`^${NUMBER}$`, "u").test(bare) ? bare : undefined;
      if (key !== undefined && single === undefined) found.faults.push(`${mark[0]} names a claim but covers more than one number: ${text}`);
      found.given.push({ kind: kind as GivenKind, text, ...(key !== undefined && single !== undefined ? { mark: claimMark(key, single) } : {}) });
      scan = blank(scan, figure.index!, at);
    } else {
      const number = new RegExp(String.raw`${NUMBER}$`, "u").exec(before);
      if (!number) {
        found.faults.push(`${mark[0]} follows no number: "${around(markdown, at)}"`);
        continue;
      }
      found.computed.push(claimMark(content, number[0]));
      scan = blank(scan, number.index!, at);
    }
  }
  // Inside LaTeX only decimals are figures; whole numbers there are notation.
  scan = scan.replace(new RegExp(MATH, "gu"), (m) => m.replace(/\d+(?:\.\d+)?/g, (d) => (d.includes(".") ? d : " ".repeat(d.length))));
  for (const number of scan.matchAll(new RegExp(NUMBER, "gu"))) {
    found.unmarked.push(`${number[0]} in "${around(markdown, number.index!)}"`);
  }
  return found;
}

/** Every computed mark `NUMBER<!--key-->` in a markdown text. */
export function claimMarks(markdown: string): ClaimMark[] {
  return proseNumbers(markdown).computed;
}

/** Whether a computed value, rounded to the decimals the prose shows, is what the prose says. */
export function markAgrees(mark: ClaimMark, computed: number): boolean {
  const scale = 10 ** mark.decimals;
  return Math.abs(Math.round(computed * scale) - Math.round(mark.value * scale)) === 0;
}

/** A markdown text with each given figure (and its mark) replaced by what `wrap` makes of it. */
export function wrapGivenFigures(markdown: string, wrap: (figure: string, kind: GivenKind) => string): string {
  const pattern = new RegExp(String.raw`(${MATH}|(?<![\p{L}\p{N}_.,])${FIGURE})<!--\s*given:(\w+)(?::[\p{L}\p{N}_]+)?\s*-->`, "gu");
  return markdown.replace(pattern, (whole, figure: string, kind: string) => (kind in GIVEN_KINDS ? wrap(figure, kind as GivenKind) : whole));
}
