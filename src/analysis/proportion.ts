/**
 * 95% intervals for a share, two ways. Wilson's score interval, for a count of
 * independent yes/no outcomes: it stays inside [0, 1] and keeps its coverage near 0 and 1,
 * where the textbook p ± z·√(p(1 − p)/n) collapses to a point (0 of 10 is not "0 ± 0").
 * And a run-level interval, for answers that come in runs: answers from one trained
 * network share its weights, so they are not independent, and the spread between runs,
 * not the count of answers, sets the uncertainty.
 */

/** The normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  share: number;
  low: number;
  high: number;
}

function checkCount(hits: number, n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what}: need a whole number of at least 1 outcome, got ${n}`);
  if (!Number.isInteger(hits) || hits < 0 || hits > n) throw new RangeError(`${what}: ${hits} is not a whole number of hits out of ${n}`);
}

/** Wilson's interval for `hits` of `n` independent outcomes: the shares p whose score test |p̂ − p| ≤ z√(p(1 − p)/n) passes. */
export function wilsonInterval(hits: number, n: number, z = Z95): Interval {
  checkCount(hits, n, "wilsonInterval");
  const p = hits / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt(p * (1 - p) / n + (z * z) / (4 * n * n));
  // At 0 or n hits one end is exactly 0 or 1; rounding would leave it a hair inside.
  return { share: p, low: hits === 0 ? 0 : centre - half, high: hits === n ? 1 : centre + half };
}

/** One run's answers: how many were right, of how many. */
export interface RunCount {
  hits: number;
  of: number;
}

export interface RunLevelInterval extends Interval {
  /** The standard error of the share, from the spread between runs. */
  se: number;
  /** The variance over what it would be if every answer were independent: above 1, answers of a run go together. */
  designEffect: number;
}

/**
 * The share of right answers over all runs, Σ hits / Σ answers, with a normal interval
 * whose standard error treats each run as one independent draw (the cluster-robust
 * variance of a ratio): se² = K/(K − 1) · Σ_k (hits_k − p̂·of_k)² / (Σ_k of_k)².
 * This is what resampling whole runs (a run-level bootstrap) estimates, without the
 * resampling. Needs at least two runs.
 */
export function runLevelInterval(runs: readonly RunCount[], z = Z95): RunLevelInterval {
  if (runs.length < 2) throw new RangeError(`runLevelInterval: need at least 2 runs to see their spread, got ${runs.length}`);
  for (const { hits, of } of runs) checkCount(hits, of, "runLevelInterval");
  const K = runs.length;
  const n = runs.reduce((s, r) => s + r.of, 0);
  const p = runs.reduce((s, r) => s + r.hits, 0) / n;
  const spread = runs.reduce((s, r) => s + (r.hits - p * r.of) ** 2, 0);
  const se = Math.sqrt((K / (K - 1)) * spread) / n;
  const independent = (p * (1 - p)) / n;
  return { share: p, low: Math.max(0, p - z * se), high: Math.min(1, p + z * se), se, designEffect: independent === 0 ? 1 : (se * se) / independent };
}

/**
 * The exact two-sided sign test: the chance, if each of `n` paired differences went either
 * way with probability ½, of a split at least as uneven as `k` against `n − k`. The binomial
 * terms are summed in logarithms, so 2^−n stays representable for n in the thousands.
 */
export function signTest(k: number, n: number): number {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n)) throw new RangeError(`a sign test needs whole k in 0…n, got k = ${k}, n = ${n}`);
  let logTerm = -n * Math.LN2; // log of C(n, 0) / 2^n
  let tail = 0;
  const far = Math.max(k, n - k);
  for (let j = 0; j <= n; j++) {
    if (j >= far) tail += Math.exp(logTerm);
    logTerm += Math.log((n - j) / (j + 1));
  }
  return Math.min(1, 2 * tail);
}
