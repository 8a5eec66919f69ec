/**
 * The p-quantile of sorted values, interpolating between neighbours (R's type 7, numpy's
 * default). Infinity stands for a run that never solved: quantiles past the solved share are Infinity.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return lo === hi || a === b ? a : a + (h - lo) * (b - a);
}
