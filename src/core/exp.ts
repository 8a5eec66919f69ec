/**
 * e^x in plain IEEE arithmetic: a transcription of fdlibm's __ieee754_exp (Sun, 1993),
 * the algorithm behind V8's Math.exp in Node 20. JavaScript engines are free to compute
 * Math.exp as they like, and some browsers' differ in the last bit, which 1,425 sweeps of
 * momentum can grow into visibly different runs. Written out here, every engine gives the
 * same bits, so a seed trains the same network in Node and in the reader's browser.
 */

const view = new DataView(new ArrayBuffer(8));
/** The double whose high 32 bits are `high` and low 32 bits are 0 (fdlibm compares high words). */
function fromHigh(high: number): number {
  view.setUint32(0, high);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

const OVERFLOW_CHECK = fromHigh(0x40862e42); // |x| ≥ this: past ±709.78, test for overflow
const HALF_LN2 = fromHigh(0x3fd62e43); // |x| ≥ this: argument needs reducing
const THREE_HALVES_LN2 = fromHigh(0x3ff0a2b2);
const TINY = 2 ** -28;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 2 ** -1000;

/** 2^k for every k that the scaling step can need, each built exactly by doubling or halving. */
const POWERS_OF_TWO = (() => {
  const table = new Float64Array(2048); // index k + 1024
  table[1024] = 1;
  for (let k = 1; k <= 1023; k++) table[1024 + k] = table[1023 + k]! * 2;
  for (let k = 1; k <= 1023; k++) table[1024 - k] = table[1025 - k]! / 2;
  return table;
})();

export function exp(x: number): number {
  if (x === 1) return Math.E; // V8 special-cases e itself, one bit from the formula: match it
  const ax = Math.abs(x);
  if (ax >= OVERFLOW_CHECK) {
    // ±∞ fall under these two tests; NaN fails every comparison and comes out of the formula as NaN.
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  let r = x;
  if (ax >= HALF_LN2) {
    if (ax < THREE_HALVES_LN2) {
      k = Math.sign(x); // ±1: here |x| ≥ ½ ln 2, never 0
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact: LN2_HI has its low bits zero
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (ax < TINY) {
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // fdlibm adds k to y's exponent; multiplying by 2^k is the same, done in two exact steps at the ends of the range.
  if (k > 1023) return y * 2 * POWERS_OF_TWO[1023 + k]!;
  return k >= -1021 ? y * POWERS_OF_TWO[1024 + k]! : y * POWERS_OF_TWO[1024 + k + 1000]! * TWO_M1000;
}
