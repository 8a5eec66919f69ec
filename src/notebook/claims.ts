/**
 * Keeping prose and computation in agreement. A code cell shows the numbers the prose
 * will quote with `showClaims({ key: value })`; the prose writes each one followed by an
 * invisible mark, `6.92<!--E0-->`. A test reads the executed notebook and checks that
 * every marked number is its key's value rounded as written.
 */
import { displayBundle } from "./display";

export const CLAIMS_MIME = "application/vnd.backprop-exegesis.claims+json";

export type Claims = Record<string, number>;

/** How a claimed value is printed for the reader: enough digits to check any rounding. */
function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Number(value.toPrecision(6)));
}

/** Shows the numbers the text below quotes, and records them for the prose test. */
export function showClaims(claims: Claims): void {
  for (const [key, value] of Object.entries(claims)) {
    if (!Number.isFinite(value)) throw new RangeError(`claim ${key} is not a finite number: ${value}`);
  }
  const text = Object.entries(claims)
    .map(([key, value]) => `${key} = ${formatValue(value)}`)
    .join("\n");
  displayBundle({ "text/plain": text, [CLAIMS_MIME]: claims });
}

/** A number quoted in prose: its text, the key of its claim, and its value as written. */
export interface ClaimMark {
  key: string;
  text: string;
  value: number;
  decimals: number;
}

/** Every `NUMBER<!--key-->` in a markdown text; numbers may carry a sign (− or -), commas and a %. */
export function claimMarks(markdown: string): ClaimMark[] {
  const pattern = /([−-]?\d[\d,]*(?:\.(\d+))?)(%?)<!--\s*([\w.-]+)\s*-->/g;
  return [...markdown.matchAll(pattern)].map((m) => {
    const text = m[1]! + m[3]!;
    const decimals = m[2]?.length ?? 0;
    const value = Number(m[1]!.replace("−", "-").replace(/,/g, "")) / (m[3] ? 100 : 1);
    return { key: m[4]!, text, value, decimals: decimals + (m[3] ? 2 : 0) };
  });
}

/** Whether a computed value, rounded to the decimals the prose shows, is what the prose says. */
export function markAgrees(mark: ClaimMark, computed: number): boolean {
  const scale = 10 ** mark.decimals;
  return Math.abs(Math.round(computed * scale) - Math.round(mark.value * scale)) === 0;
}
