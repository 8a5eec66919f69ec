/** The charts' shared look: one colour for each sign of a weight, and the font. */
export const POSITIVE = "#c2452d";
export const NEGATIVE = "#2d6fb5";
export const MUTED = "#8a8a8a";
export const FONT = { family: "Helvetica Neue, Arial, sans-serif", size: 13 };

/** A weight's colour: warm for excitatory (w > 0), cool for inhibitory. */
export function signColor(w: number): string {
  return w >= 0 ? POSITIVE : NEGATIVE;
}

/** A number as the charts print it: a true minus sign, fixed decimals. */
export function formatWeight(w: number, decimals = 1): string {
  const text = w.toFixed(decimals);
  // A weight that rounds to zero prints as 0, not −0.00.
  return Number(text) === 0 ? text.replace("-", "") : text.replace("-", "−");
}
