/**
 * The symmetry net's training in WebAssembly SIMD: two runs side by side, one in each f64
 * lane, with the TypeScript core's arithmetic operation for operation (src/core/train.ts,
 * backward.ts, stepRule.ts, exp.ts), so every lane gives the core's bits. WebAssembly's f64
 * arithmetic is IEEE with no fused multiply-add (relaxed SIMD stays disabled), so this is
 * the same in Node and in every browser.
 *
 * A 6-H-1 net's P = 8H + 1 parameters live in one flat order, the core's layer by layer:
 * w_ji of the hidden layer (row j, input i), its biases, the output unit's weights, its
 * bias. Parameter p of both lanes is one v128 at NET + 16p (lane 0, then lane 1).
 *
 * Where the core adds w·y with y an input of 0 or 1, or skips a weight that is exactly 0,
 * this kernel adds w or nothing: the sums come out the same but for the sign of a zero,
 * which no later step can see (every such value only enters e^x or further sums).
 */

import { at, counter, finiteLanes, laneSlot, laneOf, setCounter } from "./lanes";
import { HALF_LN2, TINY, LN2_HI, LN2_LO, INV_LN2, P1, P2, P3, P4, P5, VECTOR_LIMIT, expScalar } from "./exp";

const C: i32 = 64; // cases: the six-bit vectors, case c's input i being bit 5 − i of c
const MAX_H: i32 = 8;
const MAX_P: i32 = 8 * MAX_H + 1;

const NET = memory.data(16 * MAX_P, 16);
const DELTA = memory.data(16 * MAX_P, 16);
const GRAD = memory.data(16 * MAX_P, 16);
/** Hidden units' net inputs x_j and outputs y_j: `[j][c]`. */
const XH = memory.data(16 * MAX_H * C, 16);
const YH = memory.data(16 * MAX_H * C, 16);
/** The output unit's x, y and ∂E/∂x: `[c]`. */
const XO = memory.data(16 * C, 16);
const YO = memory.data(16 * C, 16);
const DXO = memory.data(16 * C, 16);

// ---- e^x: src/core/exp.ts, in both lanes (the constants and the scalar code are ./exp.ts, shared with family.ts) ----

/** The logistic unit for the v128 at `from`, each lane's e^x through `expScalar`: for the lanes the vector path leaves out. */
function logisticScalar(from: usize, to: usize): void {
  const x = v128.load(from);
  const e = f64x2.replace_lane(f64x2.splat(expScalar(-f64x2.extract_lane(x, 0))), 1, expScalar(-f64x2.extract_lane(x, 1)));
  v128.store(to, f64x2.div(f64x2.splat(1), f64x2.add(f64x2.splat(1), e)));
}

/** Lanes where e^x may take the vector formula: |x| from 2^−28 to 700, and x ≠ 1. */
@inline
function commonLanes(x: v128, ax: v128): v128 {
  return v128.and(v128.and(f64x2.ge(ax, f64x2.splat(TINY)), f64x2.lt(ax, f64x2.splat(VECTOR_LIMIT))), f64x2.ne(x, f64x2.splat(1)));
}

/**
 * exp.ts's k: 0 where |x| < ln2/2, ±1 where |x| < 3ln2/2, else trunc(x/ln2 ± 1/2). One
 * formula serves the last two: from HALF_LN2 up to THREE_HALVES_LN2, x/ln2 ± 1/2 rounds to
 * between 1.0000000014 and 1.9999997 in size, so it truncates to ±1 too (see `logistics`).
 */
@inline
function kOf(x: v128, ax: v128): v128 {
  const far = f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(INV_LN2), x), v128.or(v128.and(x, f64x2.splat(-0.0)), f64x2.splat(0.5))));
  return v128.and(far, f64x2.ge(ax, f64x2.splat(HALF_LN2)));
}

/** exp.ts's c = r − t(P1 + t(P2 + t(P3 + t(P4 + t·P5)))), t = r². */
@inline
function cOf(r: v128): v128 {
  const t = f64x2.mul(r, r);
  let p = f64x2.mul(t, f64x2.splat(P5));
  p = f64x2.mul(t, f64x2.add(f64x2.splat(P4), p));
  p = f64x2.mul(t, f64x2.add(f64x2.splat(P3), p));
  p = f64x2.mul(t, f64x2.add(f64x2.splat(P2), p));
  return f64x2.sub(r, f64x2.mul(t, f64x2.add(f64x2.splat(P1), p)));
}

/** exp.ts's e^x = (1 − (lo − (r·c)/(2 − c) − hi)) · 2^k, 2^k by way of the low bits of 2^52 + k + 1023 shifted into the exponent. */
@inline
function expFrom(k: v128, hi: v128, lo: v128, r: v128, c: v128): v128 {
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2), c));
  const y = f64x2.sub(f64x2.splat(1), f64x2.sub(f64x2.sub(lo, q), hi));
  return f64x2.mul(y, i64x2.shl(f64x2.add(k, f64x2.splat(4503599627371519)), 52));
}

/**
 * The logistic unit, y = 1 / (1 + e^(−x)), for the four v128 at `from` (eight lanes), into
 * `to`. e^x is exp.ts's exp by one vector formula where every lane is common (see
 * `commonLanes`); otherwise the four are done again through `expScalar`. The scalar code's
 * two branches below 700 are one formula here: where k = 0 it takes r = x and returns
 * 1 − ((r·c)/(c − 2) − r), and the general formula's hi = x, lo = ±0 and
 * 1 − ((lo − q) − x) · 2⁰ is the same number, q = (r·c)/(2 − c) being −(r·c)/(c − 2) exactly
 * and never 0 there.
 *
 * The four go step by step side by side: each e^x is a long chain of dependent steps, and
 * four chains interleaved keep the processor's units busy (about 1.4 times as fast as one
 * chain after another, and faster than two or eight side by side).
 */
@inline
function logisticFour(from: usize, to: usize): void {
  const x0 = f64x2.neg(v128.load(from)), x1 = f64x2.neg(v128.load(from, 16)), x2 = f64x2.neg(v128.load(from, 32)), x3 = f64x2.neg(v128.load(from, 48));
  const ax0 = f64x2.abs(x0), ax1 = f64x2.abs(x1), ax2 = f64x2.abs(x2), ax3 = f64x2.abs(x3);
  const common = v128.and(v128.and(commonLanes(x0, ax0), commonLanes(x1, ax1)), v128.and(commonLanes(x2, ax2), commonLanes(x3, ax3)));
  const k0 = kOf(x0, ax0), k1 = kOf(x1, ax1), k2 = kOf(x2, ax2), k3 = kOf(x3, ax3);
  const hi0 = f64x2.sub(x0, f64x2.mul(k0, f64x2.splat(LN2_HI))), hi1 = f64x2.sub(x1, f64x2.mul(k1, f64x2.splat(LN2_HI))), hi2 = f64x2.sub(x2, f64x2.mul(k2, f64x2.splat(LN2_HI))), hi3 = f64x2.sub(x3, f64x2.mul(k3, f64x2.splat(LN2_HI)));
  const lo0 = f64x2.mul(k0, f64x2.splat(LN2_LO)), lo1 = f64x2.mul(k1, f64x2.splat(LN2_LO)), lo2 = f64x2.mul(k2, f64x2.splat(LN2_LO)), lo3 = f64x2.mul(k3, f64x2.splat(LN2_LO));
  const r0 = f64x2.sub(hi0, lo0), r1 = f64x2.sub(hi1, lo1), r2 = f64x2.sub(hi2, lo2), r3 = f64x2.sub(hi3, lo3);
  const c0 = cOf(r0), c1 = cOf(r1), c2 = cOf(r2), c3 = cOf(r3);
  const e0 = expFrom(k0, hi0, lo0, r0, c0), e1 = expFrom(k1, hi1, lo1, r1, c1), e2 = expFrom(k2, hi2, lo2, r2, c2), e3 = expFrom(k3, hi3, lo3, r3, c3);
  v128.store(to, f64x2.div(f64x2.splat(1), f64x2.add(f64x2.splat(1), e0)));
  v128.store(to, f64x2.div(f64x2.splat(1), f64x2.add(f64x2.splat(1), e1)), 16);
  v128.store(to, f64x2.div(f64x2.splat(1), f64x2.add(f64x2.splat(1), e2)), 32);
  v128.store(to, f64x2.div(f64x2.splat(1), f64x2.add(f64x2.splat(1), e3)), 48);
  if (!i64x2.all_true(common)) {
    for (let n: usize = 0; n < 64; n += 16) logisticScalar(from + n, to + n);
  }
}

// ---- one sweep: forward and backward passes over the 64 cases, both lanes ----


/** Per case, all ones in both lanes where its target d is 1 (a palindrome), else all zeros. */
const PALINDROME = memory.data(16 * C, 16);
for (let c = 0; c < C; c++) {
  const palindrome = ((c >> 5) & 1) == (c & 1) && ((c >> 4) & 1) == ((c >> 1) & 1) && ((c >> 3) & 1) == ((c >> 2) & 1);
  v128.store(at(PALINDROME, c), i64x2.splat(palindrome ? -1 : 0));
}

/** E of this sweep, per lane. */
let sweepE: v128 = f64x2(0, 0);
/** All ones in a lane where some case is on the wrong side of 0.5. */
let sweepWrong: v128 = f64x2(0, 0);

/** backward.ts's sweepInto for a 6-H-1 net: E, the stopping test, and ∂E/∂w summed over cases in order into GRAD. */
function sweep(H: i32): void {
  const B1 = 6 * H;
  const W2 = 7 * H;
  const B2 = 8 * H;
  // Hidden net inputs x_j = b_j + Σ_i w_ji y_i for all 64 cases at once, as a prefix tree,
  // two inputs a pass: after inputs i and i + 1, entry p holds the sum for the cases whose
  // first i + 2 bits read p.
  for (let j = 0; j < H; j++) {
    const row = XH + (<usize>(j * C) << 4);
    v128.store(row, v128.load(at(NET, B1 + j)));
    for (let i = 0; i < 6; i += 2) {
      const w = v128.load(at(NET, j * 6 + i));
      const w1 = v128.load(at(NET, j * 6 + i + 1));
      for (let p = (1 << i) - 1; p >= 0; p--) {
        const x = v128.load(at(row, p));
        const xw = f64x2.add(x, w);
        v128.store(at(row, 4 * p), x);
        v128.store(at(row, 4 * p + 1), f64x2.add(x, w1));
        v128.store(at(row, 4 * p + 2), xw);
        v128.store(at(row, 4 * p + 3), f64x2.add(xw, w1));
      }
    }
  }
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const half = f64x2.splat(0.5);
  for (let k = 0; k < H * C; k += 4) logisticFour(at(XH, k), at(YH, k));
  // the output unit's x = b + Σ_j w_j y_j, hidden unit by hidden unit over all cases
  const b2 = v128.load(at(NET, B2));
  for (let c = 0; c < C; c++) v128.store(at(XO, c), b2);
  for (let j = 0; j < H; j++) {
    const w = v128.load(at(NET, W2 + j));
    for (let c = 0; c < C; c++) v128.store(at(XO, c), f64x2.add(v128.load(at(XO, c)), f64x2.mul(w, v128.load(at(YH, j * C + c)))));
  }
  for (let c = 0; c < C; c += 4) logisticFour(at(XO, c), at(YO, c));
  // E, the stopping test, and the output unit's ∂E/∂x = (y − d) · y(1 − y)
  let E = zero;
  let wrong = zero;
  let gb = zero;
  for (let c = 0; c < C; c++) {
    const y = v128.load(at(YO, c));
    const palindrome = v128.load(at(PALINDROME, c));
    const e = f64x2.sub(y, v128.and(palindrome, one));
    E = f64x2.add(E, f64x2.mul(f64x2.mul(half, e), e));
    wrong = v128.or(wrong, v128.xor(f64x2.gt(y, half), palindrome));
    const dxo = f64x2.mul(e, f64x2.mul(y, f64x2.sub(one, y)));
    v128.store(at(DXO, c), dxo);
    gb = f64x2.add(gb, dxo);
  }
  v128.store(at(GRAD, B2), gb);
  // Hidden unit by hidden unit, one pass over the cases: the output unit's ∂E/∂w_j, the hidden
  // unit's ∂E/∂y = ∂E/∂x_out · w_j and ∂E/∂x_j, and the sums ∂E/∂w_j = Σ_c ∂E/∂x_out · y_j,
  // ∂E/∂b_j = Σ_c ∂E/∂x_j and ∂E/∂w_ji = Σ_c ∂E/∂x_j · y_i (over the cases whose input i is 1),
  // each over the cases in order, as eight independent chains that the processor overlaps.
  // The cases go in blocks of four, c = 4a + b: inputs 4 and 5 are bits 1 and 0 of b,
  // inputs 0 to 3 bits 3 to 0 of a, the same for the whole block.
  for (let j = 0; j < H; j++) {
    const w = v128.load(at(NET, W2 + j));
    const row = YH + (<usize>(j * C) << 4);
    let gw = zero;
    let gbj = zero;
    let s0 = zero;
    let s1 = zero;
    let s2 = zero;
    let s3 = zero;
    let s4 = zero;
    let s5 = zero;
    for (let a = 0; a < C / 4; a++) {
      const c = a << 2;
      const o0 = v128.load(at(DXO, c));
      const o1 = v128.load(at(DXO, c + 1));
      const o2 = v128.load(at(DXO, c + 2));
      const o3 = v128.load(at(DXO, c + 3));
      const y0 = v128.load(at(row, c));
      const y1 = v128.load(at(row, c + 1));
      const y2 = v128.load(at(row, c + 2));
      const y3 = v128.load(at(row, c + 3));
      const d0 = f64x2.mul(f64x2.mul(o0, w), f64x2.mul(y0, f64x2.sub(one, y0)));
      const d1 = f64x2.mul(f64x2.mul(o1, w), f64x2.mul(y1, f64x2.sub(one, y1)));
      const d2 = f64x2.mul(f64x2.mul(o2, w), f64x2.mul(y2, f64x2.sub(one, y2)));
      const d3 = f64x2.mul(f64x2.mul(o3, w), f64x2.mul(y3, f64x2.sub(one, y3)));
      gw = f64x2.add(f64x2.add(f64x2.add(f64x2.add(gw, f64x2.mul(o0, y0)), f64x2.mul(o1, y1)), f64x2.mul(o2, y2)), f64x2.mul(o3, y3));
      gbj = f64x2.add(f64x2.add(f64x2.add(f64x2.add(gbj, d0), d1), d2), d3);
      s5 = f64x2.add(f64x2.add(s5, d1), d3);
      s4 = f64x2.add(f64x2.add(s4, d2), d3);
      if ((a & 1) != 0) s3 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(s3, d0), d1), d2), d3);
      if ((a & 2) != 0) s2 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(s2, d0), d1), d2), d3);
      if ((a & 4) != 0) s1 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(s1, d0), d1), d2), d3);
      if ((a & 8) != 0) s0 = f64x2.add(f64x2.add(f64x2.add(f64x2.add(s0, d0), d1), d2), d3);
    }
    v128.store(at(GRAD, W2 + j), gw);
    v128.store(at(GRAD, B1 + j), gbj);
    v128.store(at(GRAD, j * 6), s0);
    v128.store(at(GRAD, j * 6 + 1), s1);
    v128.store(at(GRAD, j * 6 + 2), s2);
    v128.store(at(GRAD, j * 6 + 3), s3);
    v128.store(at(GRAD, j * 6 + 4), s4);
    v128.store(at(GRAD, j * 6 + 5), s5);
  }
  sweepE = E;
  sweepWrong = wrong;
}

/** stepRule.ts's update in both lanes: Δw(t) = −ε ∂E/∂w(t) + α Δw(t−1), w ← w + Δw(t). */
function step(P: i32, ε: f64, α: f64): void {
  const minusε = f64x2.splat(-ε);
  const a = f64x2.splat(α);
  for (let p = 0; p < P; p++) {
    const dw = f64x2.add(f64x2.mul(minusε, v128.load(at(GRAD, p))), f64x2.mul(a, v128.load(at(DELTA, p))));
    v128.store(at(DELTA, p), dw);
    v128.store(at(NET, p), f64x2.add(v128.load(at(NET, p)), dw));
  }
}

// ---- lanes: one run each ----

/** Per-lane counters, `[field][lane]`: the run in the lane (−1: none), its sweeps done, sweeps of settling left. */
const LANES = memory.data(32, 16);
const RUN = 0;
const SWEEPS = 1;
const SETTLING = 2;

/** Puts a run into a lane: weights from `from` (P f64), Δw from `delta` (or 0 when it is 0). */
function loadLane(P: i32, lane: i32, from: usize, delta: usize): void {
  for (let p = 0; p < P; p++) {
    store<f64>(laneSlot(NET, p, lane), load<f64>(from + (<usize>p << 3)));
    store<f64>(laneSlot(DELTA, p, lane), delta == 0 ? 0 : load<f64>(delta + (<usize>p << 3)));
  }
}

function saveLane(P: i32, lane: i32, source: usize, to: usize): void {
  for (let p = 0; p < P; p++) store<f64>(to + (<usize>p << 3), load<f64>(laneSlot(source, p, lane)));
}


@inline
function laneSolved(lane: i32): bool {
  return (lane == 0 ? i64x2.extract_lane(sweepWrong, 0) : i64x2.extract_lane(sweepWrong, 1)) == 0;
}

/** Where the caller may put its data: past the kernel's own. */
export function dataStart(): usize {
  return (__heap_base + 15) & ~15;
}

/**
 * train.ts's `train` for two runs at once, one per lane, each from its own weights and Δw
 * (`nets`, `deltas`: 2 × P f64), for at most `sweeps` sweeps. Lane l writes E after each
 * sweep to `losses[(sweeps + 1)·l + k]`, and to `out + (3 + 2P)·8·l`: the sweeps done, the
 * first solving sweep (−1: none), how it stopped (0 sweeps, 1 solved, 2 non-finite), its
 * weights, its Δw.
 */
export function trainPair(H: i32, nets: usize, deltas: usize, ε: f64, α: f64, sweeps: i32, stopWhenSolved: bool, losses: usize, out: usize): void {
  const P = 8 * H + 1;
  const record = (3 + 2 * P) << 3;
  let running = 3;
  for (let lane = 0; lane < 2; lane++) {
    setCounter(LANES, SWEEPS, lane, 0);
    loadLane(P, lane, nets + lane * (P << 3), deltas + lane * (P << 3));
    store<f64>(out + lane * record + 8, -1);
  }
  while (running != 0) {
    sweep(H);
    let ending = 0;
    for (let lane = 0; lane < 2; lane++) {
      if ((running & (1 << lane)) == 0) continue;
      const k = counter(LANES, SWEEPS, lane);
      const rec = out + lane * record;
      store<f64>(losses + ((lane * (sweeps + 1) + k) << 3), laneOf(sweepE, lane));
      const solved = laneSolved(lane);
      if (solved && load<f64>(rec + 8) < 0) store<f64>(rec + 8, k);
      if ((solved && stopWhenSolved) || k == sweeps) {
        store<f64>(rec, k);
        store<f64>(rec + 16, solved && stopWhenSolved ? 1 : 0);
        ending |= 1 << lane;
      }
    }
    for (let lane = 0; lane < 2; lane++) {
      if ((ending & (1 << lane)) == 0) continue;
      const rec = out + lane * record;
      saveLane(P, lane, NET, rec + 24);
      saveLane(P, lane, DELTA, rec + 24 + (P << 3));
    }
    running &= ~ending;
    if (running == 0) break;
    step(P, ε, α);
    const finite = finiteLanes(NET, P);
    for (let lane = 0; lane < 2; lane++) {
      if ((running & (1 << lane)) == 0) continue;
      setCounter(LANES, SWEEPS, lane, counter(LANES, SWEEPS, lane) + 1);
      if ((finite & (1 << lane)) != 0) continue;
      const rec = out + lane * record;
      store<f64>(rec, counter(LANES, SWEEPS, lane));
      store<f64>(rec + 16, 2);
      saveLane(P, lane, NET, rec + 24);
      saveLane(P, lane, DELTA, rec + 24 + (P << 3));
      running &= ~(1 << lane);
    }
  }
}

/** Puts run `r` (initial weights at `nets`, P f64 each) into a lane, its checkpoint (at `kept`) not yet reached. */
function startRun(P: i32, lane: i32, r: i32, nets: usize, kept: usize): void {
  store<f64>(kept, NaN);
  loadLane(P, lane, nets + r * (P << 3), 0);
  setCounter(LANES, RUN, lane, r);
}

/**
 * seedRun.ts's `runSeed` for `count` runs (initial weights at `nets`, P f64 each), two at a
 * time: a lane whose run ends takes the next. Each run trains until solved or `cap`
 * sweeps, then a solved run trains `settle` sweeps more. Run r writes to
 * `out + (5 + 3P)·8·r`: the solving sweep (−1: none), the sweeps done, E where it stopped,
 * whether it settled (1) or not (0), its weights where it stopped, its settled weights, and
 * E and the weights after `checkpoint` sweeps if it was unsolved then (else E is NaN): the
 * state the same run with that cap would have stopped in.
 */
export function study(H: i32, count: i32, nets: usize, ε: f64, α: f64, cap: i32, settle: i32, checkpoint: i32, out: usize): void {
  const P = 8 * H + 1;
  const record = (5 + 3 * P) << 3;
  const kept = (4 + 2 * P) << 3; // where in a record the checkpoint's E and weights go
  let next = 0;
  for (let lane = 0; lane < 2; lane++) {
    setCounter(LANES, SWEEPS, lane, 0);
    setCounter(LANES, SETTLING, lane, 0);
    setCounter(LANES, RUN, lane, -1);
    if (next < count) startRun(P, lane, next, nets, out + next++ * record + kept);
  }
  while (counter(LANES, RUN, 0) >= 0 || counter(LANES, RUN, 1) >= 0) {
    sweep(H);
    let ending = 0;
    for (let lane = 0; lane < 2; lane++) {
      const r = counter(LANES, RUN, lane);
      if (r < 0 || counter(LANES, SETTLING, lane) > 0) continue;
      const rec = out + r * record;
      const k = counter(LANES, SWEEPS, lane);
      const solved = laneSolved(lane);
      if (!solved && k == checkpoint) {
        store<f64>(rec + kept, laneOf(sweepE, lane));
        saveLane(P, lane, NET, rec + kept + 8);
      }
      if (!solved && k < cap) continue;
      store<f64>(rec, solved ? k : -1);
      store<f64>(rec + 8, k);
      store<f64>(rec + 16, laneOf(sweepE, lane));
      store<f64>(rec + 24, 0);
      saveLane(P, lane, NET, rec + 32);
      if (solved && settle > 0) setCounter(LANES, SETTLING, lane, settle);
      else ending |= 1 << lane;
    }
    step(P, ε, α);
    const finite = finiteLanes(NET, P);
    for (let lane = 0; lane < 2; lane++) {
      const r = counter(LANES, RUN, lane);
      if (r < 0 || (ending & (1 << lane)) != 0) continue;
      const rec = out + r * record;
      setCounter(LANES, SWEEPS, lane, counter(LANES, SWEEPS, lane) + 1);
      const left = counter(LANES, SETTLING, lane);
      const overflowed = (finite & (1 << lane)) == 0;
      if (left == 0 && overflowed) {
        // train.ts stops a run whose weights overflow: unsolved, after this sweep
        store<f64>(rec, -1);
        store<f64>(rec + 8, counter(LANES, SWEEPS, lane));
        store<f64>(rec + 16, laneOf(sweepE, lane));
        store<f64>(rec + 24, 0);
        saveLane(P, lane, NET, rec + 32);
        ending |= 1 << lane;
      } else if (left > 0) {
        setCounter(LANES, SETTLING, lane, left - 1);
        if (left == 1 || overflowed) {
          store<f64>(rec + 24, 1);
          saveLane(P, lane, NET, rec + 32 + (P << 3));
          ending |= 1 << lane;
        }
      }
    }
    for (let lane = 0; lane < 2; lane++) {
      if ((ending & (1 << lane)) == 0) continue;
      setCounter(LANES, SWEEPS, lane, 0);
      setCounter(LANES, SETTLING, lane, 0);
      if (next < count) {
        startRun(P, lane, next, nets, out + next++ * record + kept);
      } else {
        setCounter(LANES, RUN, lane, -1);
        loadLane(P, lane, nets, 0); // keep the idle lane's arithmetic tame: a copy of the first run
      }
    }
  }
}
