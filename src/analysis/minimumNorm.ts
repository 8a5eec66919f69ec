/**
 * The minimum-norm question, for an antisymmetric hidden unit. With pair magnitudes
 * m = (m_1, m_2, m_3) and u_k = y_k − y_{7−k} ∈ {−1, 0, 1} (y_k the input bits), the
 * unit's net input is its bias plus ±Σ_k u_k m_k: every palindrome (all u_k = 0) gives
 * the bias, and a non-palindrome moves it by Σ_k u_k m_k. How well the unit tells them
 * apart is the smallest such move, its separation; how much weight it spends is ‖m‖. The
 * ratio ‖m‖ / separation does not change with scale, so patterns compare by it alone.
 */

/** The 26 difference vectors u ∈ {−1, 0, 1}³ other than 0: one per way a non-palindrome can differ from its mirror. */
const DIFFERENCES: number[][] = [];
for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) for (let c = -1; c <= 1; c++) if (a || b || c) DIFFERENCES.push([a, b, c]);

/** The smallest |Σ_k u_k m_k| over every non-zero u: 0 when some non-palindrome looks like a palindrome. */
export function separation(m: readonly number[]): number {
  let least = Infinity;
  for (const u of DIFFERENCES) least = Math.min(least, Math.abs(u[0]! * m[0]! + u[1]! * m[1]! + u[2]! * m[2]!));
  return least;
}

/** ‖m‖₂ per unit of separation: the weight a pattern spends to keep non-palindromes one unit away. */
export function normPerSeparation(m: readonly number[]): number {
  return Math.hypot(m[0]!, m[1]!, m[2]!) / separation(m);
}

/**
 * The two kinds of separating pattern. Binary: the largest magnitude outweighs the other
 * two together (1:2:4 is its least-norm member, ‖m‖/separation = √21). Balanced: it does
 * not (2:3:4 is its least-norm member, √29). Names the kind of magnitudes m, whatever their order.
 */
export function patternKind(m: readonly number[]): "binary" | "balanced" {
  const [m1, m2, m3] = [...m].sort((a, b) => a - b) as [number, number, number];
  return m3 > m1 + m2 ? "binary" : "balanced";
}

export interface LeastNorm {
  /** Sorted magnitudes m₍₁₎ ≤ m₍₂₎ ≤ m₍₃₎ scaled so the largest is 1. */
  m: [number, number, number];
  normPerSeparation: number;
}

/**
 * A brute-force check of the analysis above: every sorted pattern m₍₁₎ ≤ m₍₂₎ ≤ 1 on a grid of
 * `steps` points per axis, and the one with the least ‖m‖/separation in each kind.
 */
export function leastNormPatterns(steps: number): Record<"binary" | "balanced", LeastNorm> {
  const best: Record<"binary" | "balanced", LeastNorm> = {
    binary: { m: [0, 0, 1], normPerSeparation: Infinity },
    balanced: { m: [0, 0, 1], normPerSeparation: Infinity },
  };
  for (let a = 1; a <= steps; a++) {
    for (let b = a; b <= steps; b++) {
      const m: [number, number, number] = [a / steps, b / steps, 1];
      const value = normPerSeparation(m);
      const kind = patternKind(m);
      if (value < best[kind].normPerSeparation) best[kind] = { m, normPerSeparation: value };
    }
  }
  return best;
}
