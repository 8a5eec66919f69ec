/**
 * The charts' shared look. One palette, one meaning per colour, on every page:
 *
 * | colour | means | where |
 * | --- | --- | --- |
 * | red `POSITIVE` / blue `NEGATIVE` | the sign of a weight or of a signed value (white between) | network diagrams, replay bars, signed heat maps |
 * | ink to white `AMOUNT_SCALE` | how much of an unsigned amount: darker is more | targets, each case's error, what a pattern costs |
 * | green `BETTER_SCALE` | how good a setting is: greener is better, whichever way its number runs | the step-size grids |
 * | white with a dash `MISSING` | no value: the cell says why in the chart's title | grid cells with too few solved runs |
 * | purple, orange, teal `PAIR_COLORS` | the three mirror pairs of inputs (x1·x6, x2·x5, x3·x4) | weight trajectories |
 * | magenta / gold `PATTERN_COLORS` | the 1:2:4 (binary) and 2:3:4 (balanced) weight patterns | the claims study |
 * | ink `INK` | the one quantity a chart is about (E, a share) | loss and share curves |
 * | grey `MUTED` | marks and references (a sweep, a level, a bias) | dotted lines and their labels |
 *
 * Hidden units L and R are told apart by fill, never by colour: L's bars solid, R's hatched.
 * Hinton diagrams keep the paper's own white-positive, black-negative squares on grey.
 */
export const POSITIVE = "#c2452d";
export const NEGATIVE = "#2d6fb5";
export const INK = "#222222";
export const MUTED = "#767676";
export const PAIR_COLORS = ["#7b3294", "#e08214", "#0e8a8a"] as const;
export const PATTERN_COLORS = { binary: "#c51b7d", balanced: "#b8860b" } as const;
export const MISSING = "—";
export const SIGN_SCALE = [
  [0, NEGATIVE],
  [0.5, "#f7f7f7"],
  [1, POSITIVE],
];
export const AMOUNT_SCALE = [
  [0, "#f7f7f7"],
  [1, INK],
];
export const BETTER_SCALE = [
  [0, "#f4f9f4"],
  [1, "#1b7a3e"],
];
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
