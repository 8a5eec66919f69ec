/**
 * e^x and the logistic for WebAssembly SIMD kernels: src/core/exp.ts's fdlibm e^x, operation
 * for operation, in both f64 lanes at once (a lane off the common path goes through every
 * branch of the scalar code), so a kernel's logistic gives the core's bits.
 */

const OVERFLOW_CHECK = reinterpret<f64>(0x40862e42_00000000);
export const HALF_LN2 = reinterpret<f64>(0x3fd62e43_00000000);
const THREE_HALVES_LN2 = reinterpret<f64>(0x3ff0a2b2_00000000);
export const TINY: f64 = 3.725290298461914e-9; // 2^-28
const O_THRESHOLD: f64 = 7.09782712893383973096e2;
const U_THRESHOLD: f64 = -7.45133219101941108420e2;
export const LN2_HI: f64 = 6.93147180369123816490e-1;
export const LN2_LO: f64 = 1.90821492927058770002e-10;
export const INV_LN2: f64 = 1.44269504088896338700;
export const P1: f64 = 1.66666666666666019037e-1;
export const P2: f64 = -2.77777777770155933842e-3;
export const P3: f64 = 6.61375632143793436117e-5;
export const P4: f64 = -1.65339022054652515390e-6;
export const P5: f64 = 4.13813679705723846039e-8;
/** Below this |x| both lanes take the common path: 2^k is a normal number, no overflow test. */
export const VECTOR_LIMIT: f64 = 700;

/** 2^k for a whole k from −1022 to 1023, built from its exponent bits (exact, like the core's table). */
@inline
function pow2(k: f64): f64 {
  return reinterpret<f64>((<i64>k + 1023) << 52);
}

/** exp.ts's exp for one lane: every branch, for the rare lanes the vector path leaves out. */
export function expScalar(x: f64): f64 {
  if (x == 1) return Math.E;
  const ax = abs<f64>(x);
  if (ax >= OVERFLOW_CHECK) {
    if (isNaN(x)) return x;
    if (x == Infinity) return x;
    if (x == -Infinity) return 0;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: f64 = 0;
  let r = x;
  if (ax >= HALF_LN2) {
    if (ax < THREE_HALVES_LN2) {
      k = x < 0 ? -1 : 1;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = trunc<f64>(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (ax < TINY) {
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k > 1023) return y * 2 * pow2(k - 1);
  return k >= -1021 ? y * pow2(k) : y * pow2(k + 1000) * pow2(-1000);
}

export const MAX_COUNT: i32 = 4096;
/** Where `logistics` notes the v128 its vector path leaves out, to finish them after its loop without slowing it. */
const RARE = memory.data(4 * MAX_COUNT, 4);

/**
 * The vector path's constants, each in both lanes, read from memory into locals before the
 * loop: a v128 constant written in the code is built afresh, in three instructions, each time
 * the loop uses it, while a load from memory is one, and an engine may keep it in a register.
 */
const CONSTANTS = memory.data<f64>([
  1, 1,
  2, 2,
  TINY, TINY,
  VECTOR_LIMIT, VECTOR_LIMIT,
  HALF_LN2, HALF_LN2,
  INV_LN2, INV_LN2,
  LN2_HI, LN2_HI,
  LN2_LO, LN2_LO,
  P1, P1,
  P2, P2,
  P3, P3,
  P4, P4,
  P5, P5,
  -0.0, -0.0, // the sign bit alone
  0.5, 0.5,
  4503599627371519, 4503599627371519, // 2^52 + 1023: (k + 1023) lands in the low bits
], 16);

/**
 * The logistic unit, y = 1/(1 + e^(−x)), in place over `count` v128 (two lanes each) from
 * `at`, with exp.ts's exp in both lanes for the common case: |x| from 2^−28 to 700 and
 * x ≠ 1 in each (any other lane goes through `expScalar`). The scalar code's two branches
 * below 700 are one formula here: where |x| < ln2/2 the scalar code takes k = 0, r = x and
 * returns 1 − ((r·c)/(c − 2) − r), and with k = 0 the general formula's hi = x, lo = 0
 * and 1 − ((0 − q) − x) · 2⁰ is the same number, q = (r·c)/(2 − c) being −(r·c)/(c − 2)
 * exactly (IEEE rounding is symmetric in sign) and never 0 there. At most MAX_COUNT v128
 * a call.
 */
export function logistics(at: usize, count: i32): void {
  const one = v128.load(CONSTANTS, 0);
  const two = v128.load(CONSTANTS, 16);
  const tiny = v128.load(CONSTANTS, 32);
  const limit = v128.load(CONSTANTS, 48);
  const halfLn2 = v128.load(CONSTANTS, 64);
  const invLn2 = v128.load(CONSTANTS, 80);
  const ln2Hi = v128.load(CONSTANTS, 96);
  const ln2Lo = v128.load(CONSTANTS, 112);
  const p1 = v128.load(CONSTANTS, 128);
  const p2 = v128.load(CONSTANTS, 144);
  const p3 = v128.load(CONSTANTS, 160);
  const p4 = v128.load(CONSTANTS, 176);
  const p5 = v128.load(CONSTANTS, 192);
  const signBit = v128.load(CONSTANTS, 208);
  const half = v128.load(CONSTANTS, 224);
  const exponentBias = v128.load(CONSTANTS, 240);
  let rare = 0;
  for (let n = 0; n < count; n++) {
    const p = at + (<usize>n << 4);
    const x = f64x2.neg(v128.load(p));
    const ax = f64x2.abs(x);
    if (!i64x2.all_true(v128.and(v128.and(f64x2.ge(ax, tiny), f64x2.lt(ax, limit)), f64x2.ne(x, one)))) {
      store<i32>(RARE + (<usize>rare << 2), n); // left as it is, for the loop below
      rare++;
      continue;
    }
    // k = trunc(x/ln2 ± 1/2), 0 where unreduced. The scalar code takes k = ±1 where |x| < THREE_HALVES_LN2, and
    // so does this: from HALF_LN2 to there, x/ln2 ± 1/2 rounds to between 1.0000000014 and 1.9999997 in size.
    const k = v128.and(f64x2.trunc(f64x2.add(f64x2.mul(invLn2, x), v128.or(v128.and(x, signBit), half))), f64x2.ge(ax, halfLn2));
    const hi = f64x2.sub(x, f64x2.mul(k, ln2Hi));
    const lo = f64x2.mul(k, ln2Lo);
    const r = f64x2.sub(hi, lo);
    const t = f64x2.mul(r, r);
    let q = f64x2.mul(t, p5);
    q = f64x2.mul(t, f64x2.add(p4, q));
    q = f64x2.mul(t, f64x2.add(p3, q));
    q = f64x2.mul(t, f64x2.add(p2, q));
    const c = f64x2.sub(r, f64x2.mul(t, f64x2.add(p1, q)));
    const y = f64x2.sub(one, f64x2.sub(f64x2.sub(lo, f64x2.div(f64x2.mul(r, c), f64x2.sub(two, c))), hi));
    const e = f64x2.mul(y, i64x2.shl(f64x2.add(k, exponentBias), 52)); // times 2^k, built in the exponent bits
    v128.store(p, f64x2.div(one, f64x2.add(one, e)));
  }
  for (let m = 0; m < rare; m++) {
    const p = at + (<usize>load<i32>(RARE + (<usize>m << 2)) << 4);
    const x = f64x2.neg(v128.load(p));
    const e = f64x2.replace_lane(f64x2.splat(expScalar(f64x2.extract_lane(x, 0))), 1, expScalar(f64x2.extract_lane(x, 1)));
    v128.store(p, f64x2.div(one, f64x2.add(one, e)));
  }
}
