/**
 * The minimum-norm question, for an antisymmetric hidden unit. With pair magnitudes
 * m = (m_1, m_2, m_3) and u_k = y_k − y_{7−k} ∈ {−1, 0, 1} (y_k the input bits), the
 * unit's net input is its bias plus ±Σ_k u_k m_k: every palindrome (all u_k = 0) gives
 * the bias, and a non-palindrome moves it by Σ_k u_k m_k. How well the unit tells them
 * apart is the smallest such move, its separation; how much weight it spends is ‖m‖. The
 * ratio ‖m‖ / separation does not change with scale, so patterns compare by it alone.
 */

/** The 26 difference vectors d ∈ {−1, 0, 1}³ other than 0: one per way a non-palindrome can differ from its mirror. */
const DIFFERENCES: number[][] = [];
for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) for (let c = -1; c <= 1; c++) if (a || b || c) DIFFERENCES.push([a, b, c]);

/** The smallest |Σ_k d_k s_k| over every non-zero d: 0 when some non-palindrome looks like a palindrome. */
export function separation(s: readonly number[]): number {
  let least = Infinity;
  for (const d of DIFFERENCES) least = Math.min(least, Math.abs(d[0]! * s[0]! + d[1]! * s[1]! + d[2]! * s[2]!));
  return least;
}

/** ‖s‖₂ per unit of separation: the weight a pattern spends to keep non-palindromes one unit away. */
export function normPerSeparation(s: readonly number[]): number {
  return Math.hypot(s[0]!, s[1]!, s[2]!) / separation(s);
}

/**
 * The two kinds of separating pattern. Binary: the largest magnitude outweighs the other
 * two together (1:2:4 is its least-norm member, ‖s‖/separation = √21). Balanced: it does
 * not (2:3:4 is its least-norm member, √29). Names the kind of sorted magnitudes s1 ≤ s2 ≤ s3.
 */
export function patternKind(s: readonly number[]): "binary" | "balanced" {
  const [s1, s2, s3] = [...s].sort((a, b) => a - b) as [number, number, number];
  return s3 > s1 + s2 ? "binary" : "balanced";
}

export interface LeastNorm {
  /** Sorted magnitudes scaled so the largest is 1. */
  s: [number, number, number];
  normPerSeparation: number;
}

/**
 * A brute-force check of the analysis above: every sorted pattern s1 ≤ s2 ≤ 1 on a grid of
 * `steps` points per axis, and the one with the least ‖s‖/separation in each kind.
 */
export function leastNormPatterns(steps: number): Record<"binary" | "balanced", LeastNorm> {
  const best: Record<"binary" | "balanced", LeastNorm> = {
    binary: { s: [0, 0, 1], normPerSeparation: Infinity },
    balanced: { s: [0, 0, 1], normPerSeparation: Infinity },
  };
  for (let a = 1; a <= steps; a++) {
    for (let b = a; b <= steps; b++) {
      const s: [number, number, number] = [a / steps, b / steps, 1];
      const value = normPerSeparation(s);
      const kind = patternKind(s);
      if (value < best[kind].normPerSeparation) best[kind] = { s, normPerSeparation: value };
    }
  }
  return best;
}
