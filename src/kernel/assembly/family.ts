/**
 * The family-trees net's training in WebAssembly SIMD: two runs side by side, one in each
 * f64 lane, with the TypeScript core's arithmetic operation for operation (src/core/train.ts,
 * backward.ts, forward.ts, loss.ts, stepRule.ts, exp.ts): the margins, the masked first
 * layer, weight decay and a schedule of step rules, so every lane gives the core's bits.
 *
 * The net is Figure 3's, 36-12-12-6-24, its P = 846 parameters in the core's flat order,
 * layer by layer: w_ji (row j, input i, the first layer's left-out links included as the
 * zeros they stay), then the layer's biases. Parameter p of both lanes is one v128 at
 * NET + 16p. Each case switches on one person unit and one relationship unit, at 1, so a
 * first-layer unit's net input is its bias plus one weight, as the core's sum over the
 * cases where an input is on makes it.
 *
 * Both lanes see the same list of cases; each run trains on those its mask marks (a run's
 * own split of the queries). A case a lane leaves out has ∂E/∂y = 0 at every output, so it
 * adds exact zeros to E and to every sum over the cases, and sums that start from +0 do
 * not change when a zero is added: the lane's sums are those over its own cases alone.
 * Where the core skips a weight that is exactly 0, this kernel adds w·y; that too changes
 * at most the sign of a zero, which no later step can see.
 */
import { at, counter, finiteLanes, laneSlot, laneOf, setCounter } from "./lanes";
import { logistics } from "./exp";

const PERSONS: i32 = 24;
const INPUTS: i32 = 36;
/** Units of each first-layer group: 0–5 see the person units, 6–11 the relationship units. */
const GROUP: i32 = 6;
const L1: i32 = 12;
const L2: i32 = 12;
const L3: i32 = 6;
const OUT: i32 = 24;
const MAX_CASES: i32 = 128;
const MAX_PHASES: i32 = 4;

// Where each layer's weights and biases start in the flat order.
const W1: i32 = 0;
const B1: i32 = W1 + L1 * INPUTS;
const W2: i32 = B1 + L1;
const B2: i32 = W2 + L2 * L1;
const W3: i32 = B2 + L2;
const B3: i32 = W3 + L3 * L2;
const W4: i32 = B3 + L3;
const B4: i32 = W4 + OUT * L3;
const P: i32 = B4 + OUT;

const NET = memory.data(16 * P, 16);
const DELTA = memory.data(16 * P, 16);
const GRAD = memory.data(16 * P, 16);
/** Each layer's outputs y (net inputs x until the logistic) and ∂E/∂x: `[j][c]`, a row of `cases` v128 per unit. */
const Y1 = memory.data(16 * L1 * MAX_CASES, 16);
const Y2 = memory.data(16 * L2 * MAX_CASES, 16);
const Y3 = memory.data(16 * L3 * MAX_CASES, 16);
const Y4 = memory.data(16 * OUT * MAX_CASES, 16);
const DX1 = memory.data(16 * L1 * MAX_CASES, 16);
const DX2 = memory.data(16 * L2 * MAX_CASES, 16);
const DX3 = memory.data(16 * L3 * MAX_CASES, 16);
const DX4 = memory.data(16 * OUT * MAX_CASES, 16);
/** Case c's person unit (0–23) and relationship unit (0–11). */
const PERSON_OF = memory.data(MAX_CASES);
const RELATIONSHIP_OF = memory.data(MAX_CASES);
/**
 * Per output j and case c, `[j][c]`, four f64: d, then what loss.ts's outputError measures
 * y against (d, or d − margin or d + margin) and the floor and ceiling it clips y − that to
 * (−∞ and 0 where d is on, 0 and +∞ where it is off, ±∞ without a margin).
 */
const TARGETS = memory.data(32 * OUT * MAX_CASES, 16);
/** All ones in a lane where case c is one of that lane's training cases: `[c]`. */
const MASK = memory.data(16 * MAX_CASES, 16);

/** Cases in the list, and that rounded up to a multiple of 8 with cases no lane trains on (loops go eight cases at a time). */
let given: i32 = 0;
let cases: i32 = 0;


@inline
function row(base: usize, j: i32): usize {
  return base + (<usize>(j * cases) << 4);
}

// ---- one sweep: forward and backward passes over every case, both lanes ----

/** E of this sweep, per lane. */
let sweepE: v128 = f64x2(0, 0);
/** All ones in a lane where some training case has an output on the wrong side of 0.5. */
let sweepWrong: v128 = f64x2(0, 0);

/**
 * Eight sums at once, one for each of eight cases side by side: sum k = first + Σ_t w_t · v_t,k
 * over t in order, w_t at `w + wStep·t` and v_t's eight cases at `v + stride·t`; into `out`.
 */
function sums8(first: v128, w: usize, wStep: usize, v: usize, stride: usize, terms: i32, out: usize): void {
  let s0 = first;
  let s1 = first;
  let s2 = first;
  let s3 = first;
  let s4 = first;
  let s5 = first;
  let s6 = first;
  let s7 = first;
  for (let t = 0; t < terms; t++) {
    const wt = v128.load(w);
    s0 = f64x2.add(s0, f64x2.mul(wt, v128.load(v)));
    s1 = f64x2.add(s1, f64x2.mul(wt, v128.load(v, 16)));
    s2 = f64x2.add(s2, f64x2.mul(wt, v128.load(v, 32)));
    s3 = f64x2.add(s3, f64x2.mul(wt, v128.load(v, 48)));
    s4 = f64x2.add(s4, f64x2.mul(wt, v128.load(v, 64)));
    s5 = f64x2.add(s5, f64x2.mul(wt, v128.load(v, 80)));
    s6 = f64x2.add(s6, f64x2.mul(wt, v128.load(v, 96)));
    s7 = f64x2.add(s7, f64x2.mul(wt, v128.load(v, 112)));
    w += wStep;
    v += stride;
  }
  v128.store(out, s0);
  v128.store(out, s1, 16);
  v128.store(out, s2, 32);
  v128.store(out, s3, 48);
  v128.store(out, s4, 64);
  v128.store(out, s5, 80);
  v128.store(out, s6, 96);
  v128.store(out, s7, 112);
}

/** x_j = b_j + Σ_i w_ji y_i, summed over i in order, for every case, eight cases at a time. */
function netInputs(w: i32, b: i32, n: i32, m: i32, below: usize, y: usize): void {
  const stride = <usize>cases << 4; // from one unit's row to the next
  for (let j = 0; j < m; j++) {
    const bj = v128.load(at(NET, b + j));
    for (let c: usize = 0; c < stride; c += 128) sums8(bj, at(NET, w + j * n), 16, below + c, stride, n, y + <usize>j * stride + c);
  }
}

/** At the outputs: ∂E/∂y (loss.ts's outputError, 0 in a lane's left-out cases), E = Σ_j Σ_c ½ (∂E/∂y)², the stopping test, and ∂E/∂x. */
function outputDerivatives(): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const half = f64x2.splat(0.5);
  let E = zero;
  let wrong = zero;
  for (let j = 0; j < OUT; j++) {
    const y = row(Y4, j);
    const dx = row(DX4, j);
    const target = TARGETS + (<usize>(j * cases) << 5);
    for (let c = 0; c < cases; c++) {
      const yc = v128.load(at(y, c));
      const t = target + (<usize>c << 5);
      const d = v128.load64_splat(t);
      const mask = v128.load(at(MASK, c));
      const measured = f64x2.sub(yc, v128.load64_splat(t, 8));
      const e = v128.and(f64x2.min(v128.load64_splat(t, 24), f64x2.max(v128.load64_splat(t, 16), measured)), mask);
      E = f64x2.add(E, f64x2.mul(f64x2.mul(half, e), e));
      wrong = v128.or(wrong, v128.and(v128.xor(f64x2.gt(yc, half), f64x2.gt(d, half)), mask));
      v128.store(at(dx, c), f64x2.mul(e, slope(yc, one)));
    }
  }
  sweepE = E;
  sweepWrong = wrong;
}

/** Six sums into the gradient, from parameter p on. */
@inline
function store6(p: i32, s0: v128, s1: v128, s2: v128, s3: v128, s4: v128, s5: v128): void {
  const g = at(GRAD, p);
  v128.store(g, s0);
  v128.store(g, s1, 16);
  v128.store(g, s2, 32);
  v128.store(g, s3, 48);
  v128.store(g, s4, 64);
  v128.store(g, s5, 80);
}

/** ∂E/∂b_j = Σ_c ∂E/∂x_j over every case in order, for m units (a multiple of 6), six at a time, each its own sum. */
function biasDerivatives(b: i32, m: i32, dx: usize): void {
  const stride = <usize>cases << 4;
  for (let j = 0; j < m; j += 6) {
    let s0 = f64x2.splat(0);
    let s1 = s0;
    let s2 = s0;
    let s3 = s0;
    let s4 = s0;
    let s5 = s0;
    const r = dx + <usize>j * stride;
    for (let c: usize = 0; c < stride; c += 16) {
      const e = r + c;
      s0 = f64x2.add(s0, v128.load(e));
      s1 = f64x2.add(s1, v128.load(e + stride));
      s2 = f64x2.add(s2, v128.load(e + 2 * stride));
      s3 = f64x2.add(s3, v128.load(e + 3 * stride));
      s4 = f64x2.add(s4, v128.load(e + 4 * stride));
      s5 = f64x2.add(s5, v128.load(e + 5 * stride));
    }
    store6(b + j, s0, s1, s2, s3, s4, s5);
  }
}

/** ∂E/∂w_ji = Σ_c ∂E/∂x_j · y_i over every case in order, for n inputs (a multiple of 6), six at a time, each its own sum. */
function weightDerivatives(w: i32, n: i32, m: i32, dx: usize, below: usize): void {
  const stride = <usize>cases << 4;
  for (let j = 0; j < m; j++) {
    const r = dx + <usize>j * stride;
    for (let i = 0; i < n; i += 6) {
      const y = below + <usize>i * stride;
      let s0 = f64x2.splat(0);
      let s1 = s0;
      let s2 = s0;
      let s3 = s0;
      let s4 = s0;
      let s5 = s0;
      for (let c: usize = 0; c < stride; c += 16) {
        const e = v128.load(r + c);
        const yc = y + c;
        s0 = f64x2.add(s0, f64x2.mul(e, v128.load(yc)));
        s1 = f64x2.add(s1, f64x2.mul(e, v128.load(yc + stride)));
        s2 = f64x2.add(s2, f64x2.mul(e, v128.load(yc + 2 * stride)));
        s3 = f64x2.add(s3, f64x2.mul(e, v128.load(yc + 3 * stride)));
        s4 = f64x2.add(s4, f64x2.mul(e, v128.load(yc + 4 * stride)));
        s5 = f64x2.add(s5, f64x2.mul(e, v128.load(yc + 5 * stride)));
      }
      store6(w + j * n + i, s0, s1, s2, s3, s4, s5);
    }
  }
}

/**
 * For the layer below: ∂E/∂y_i = Σ_j ∂E/∂x_j · w_ji from 0, over j in order, eight cases at
 * a time, then ∂E/∂x_i = ∂E/∂y_i · y_i(1 − y_i).
 */
function derivativesBelow(w: i32, n: i32, m: i32, dx: usize, below: usize, dxBelow: usize): void {
  const stride = <usize>cases << 4;
  const one = f64x2.splat(1);
  for (let i = 0; i < n; i++) {
    const out = dxBelow + <usize>i * stride;
    for (let c: usize = 0; c < stride; c += 128) sums8(f64x2.splat(0), at(NET, w + i), <usize>n << 4, dx + c, stride, m, out + c);
    const y = below + <usize>i * stride;
    for (let c: usize = 0; c < stride; c += 16) v128.store(out + c, f64x2.mul(v128.load(out + c), slope(v128.load(y + c), one)));
  }
}

/** The logistic's slope from its output: y(1 − y). */
@inline
function slope(y: v128, one: v128): v128 {
  return f64x2.mul(y, f64x2.sub(one, y));
}

/** The first-layer unit j's weight from the input that is on in case c: a person unit for units 0–5, a relationship unit for 6–11. */
@inline
function firstLayerLink(j: i32, c: i32): i32 {
  return W1 + j * INPUTS + (j < GROUP ? <i32>load<u8>(PERSON_OF + c) : PERSONS + <i32>load<u8>(RELATIONSHIP_OF + c));
}

/** backward.ts's sweepInto for Figure 3's net: E, the stopping test, and ∂E/∂w summed over the cases in order into GRAD. */
function sweep(): void {
  // first layer: x_j = b_j + w_j,on
  for (let j = 0; j < L1; j++) {
    const b = v128.load(at(NET, B1 + j));
    const out = row(Y1, j);
    for (let c = 0; c < cases; c++) v128.store(at(out, c), f64x2.add(b, v128.load(at(NET, firstLayerLink(j, c)))));
  }
  logistics(Y1, L1 * cases);
  netInputs(W2, B2, L1, L2, Y1, Y2);
  logistics(Y2, L2 * cases);
  netInputs(W3, B3, L2, L3, Y2, Y3);
  logistics(Y3, L3 * cases);
  netInputs(W4, B4, L3, OUT, Y3, Y4);
  logistics(Y4, OUT * cases);
  outputDerivatives();
  biasDerivatives(B4, OUT, DX4);
  weightDerivatives(W4, L3, OUT, DX4, Y3);
  derivativesBelow(W4, L3, OUT, DX4, Y3, DX3);
  biasDerivatives(B3, L3, DX3);
  weightDerivatives(W3, L2, L3, DX3, Y2);
  derivativesBelow(W3, L2, L3, DX3, Y2, DX2);
  biasDerivatives(B2, L2, DX2);
  weightDerivatives(W2, L1, L2, DX2, Y1);
  derivativesBelow(W2, L1, L2, DX2, Y1, DX1);
  biasDerivatives(B1, L1, DX1);
  // ∂E/∂w_ji of the first layer: Σ over the cases where input i is on, in order, of ∂E/∂x_j (times that input, 1)
  const zero = f64x2.splat(0);
  for (let p = W1; p < B1; p++) v128.store(at(GRAD, p), zero);
  for (let c = 0; c < cases; c++) {
    for (let j = 0; j < L1; j++) {
      const g = at(GRAD, firstLayerLink(j, c));
      v128.store(g, f64x2.add(v128.load(g), v128.load(at(row(DX1, j), c))));
    }
  }
}

// ---- runs: one in each lane, each with its own cases, schedule and sweeps ----

/**
 * A run's job, `JOB` f64 at `jobs + 8·JOB·r`: the sweeps its start has done (the schedule
 * counts from there), its sweeps, whether it stops once solved (1) or not (0), its number
 * of phases, then each phase as (fromSweep, ε, α, decay).
 */
const JOB: i32 = 4 + 4 * MAX_PHASES;
/** A run's record, `RECORD` f64 at `out + 8·RECORD·r`: sweeps done, first solving sweep (−1: none), how it stopped (0 sweeps, 1 solved, 2 non-finite), its last E, its weights, its Δw. */
const RECORD: i32 = 4 + 2 * P;

/** Per lane: the run in it (−1: none) and the sweeps it has done, `[field][lane]`. */
const LANES = memory.data(16, 16);
const RUN = 0;
const SWEEPS = 1;

/** Puts run r into a lane: its weights, its Δw and its training cases. */
function loadLane(lane: i32, r: i32, nets: usize, deltas: usize, masks: usize): void {
  const from = nets + (<usize>(r * P) << 3);
  const delta = deltas + (<usize>(r * P) << 3);
  for (let p = 0; p < P; p++) {
    store<f64>(laneSlot(NET, p, lane), load<f64>(from + (<usize>p << 3)));
    store<f64>(laneSlot(DELTA, p, lane), load<f64>(delta + (<usize>p << 3)));
  }
  const mask = masks + <usize>(r * MAX_CASES);
  for (let c = 0; c < cases; c++) store<i64>(laneSlot(MASK, c, lane), c < given && load<u8>(mask + c) != 0 ? -1 : 0);
  setCounter(LANES, RUN, lane, r);
  setCounter(LANES, SWEEPS, lane, 0);
}

function saveLane(lane: i32, rec: usize): void {
  for (let p = 0; p < P; p++) {
    store<f64>(rec + 32 + (<usize>p << 3), load<f64>(laneSlot(NET, p, lane)));
    store<f64>(rec + 32 + (<usize>(P + p) << 3), load<f64>(laneSlot(DELTA, p, lane)));
  }
}

/** The rule in force on a sweep: stepRule.ts's ruleAt, the last phase whose fromSweep it has reached (else the first). */
function phaseAt(job: usize, sweep: f64): usize {
  const phases = <i32>load<f64>(job, 24);
  let current = job + 32;
  for (let k = 0; k < phases; k++) {
    const phase = job + 32 + (<usize>k << 5);
    if (sweep >= load<f64>(phase)) current = phase;
  }
  return current;
}

/**
 * stepRule.ts's update in both lanes, each with its own rule: Δw(t) = −ε ∂E/∂w(t) + α Δw(t−1),
 * then w ← (w + Δw(t))(1 − decay). A lane without a run steps by nothing (ε = α = decay = 0).
 */
function step(jobs: usize): void {
  let minusε = f64x2.splat(0);
  let α = f64x2.splat(0);
  let keep = f64x2.splat(1);
  for (let lane = 0; lane < 2; lane++) {
    const r = counter(LANES, RUN, lane);
    if (r < 0) continue;
    const job = jobs + (<usize>(r * JOB) << 3);
    const phase = phaseAt(job, load<f64>(job) + <f64>(counter(LANES, SWEEPS, lane) + 1));
    const ε = load<f64>(phase, 8);
    const a = load<f64>(phase, 16);
    const decay = load<f64>(phase, 24);
    if (lane == 0) {
      minusε = f64x2.replace_lane(minusε, 0, -ε);
      α = f64x2.replace_lane(α, 0, a);
      keep = f64x2.replace_lane(keep, 0, 1 - decay);
    } else {
      minusε = f64x2.replace_lane(minusε, 1, -ε);
      α = f64x2.replace_lane(α, 1, a);
      keep = f64x2.replace_lane(keep, 1, 1 - decay);
    }
  }
  for (let p = 0; p < P; p++) {
    const dw = f64x2.add(f64x2.mul(minusε, v128.load(at(GRAD, p))), f64x2.mul(α, v128.load(at(DELTA, p))));
    v128.store(at(DELTA, p), dw);
    v128.store(at(NET, p), f64x2.mul(f64x2.add(v128.load(at(NET, p)), dw), keep));
  }
}

/** Where the caller may put its data: past the kernel's own. */
export function dataStart(): usize {
  return (__heap_base + 15) & ~15;
}

/**
 * Sets the cases every run of the next `train` calls sees: `count` of them at `data`, each
 * 2 + 24 f64: its person unit (0–23), its relationship unit (0–11), and d for the 24 outputs;
 * `margin` as in loss.ts's outputError.
 */
export function setCases(count: i32, data: usize, margin: f64): void {
  given = count;
  cases = (count + 7) & ~7;
  for (let c = 0; c < cases; c++) {
    const real = c < count;
    const at = data + (<usize>(c * (2 + OUT)) << 3);
    store<u8>(PERSON_OF + c, real ? <u8>load<f64>(at) : 0);
    store<u8>(RELATIONSHIP_OF + c, real ? <u8>load<f64>(at, 8) : 0);
    for (let j = 0; j < OUT; j++) {
      const d = real ? load<f64>(at + (<usize>(2 + j) << 3)) : 0;
      const on = d > 0.5;
      const t = TARGETS + (<usize>(j * cases + c) << 5);
      store<f64>(t, d);
      store<f64>(t, margin == 0 ? d : on ? d - margin : d + margin, 8);
      store<f64>(t, margin != 0 && !on ? 0 : -Infinity, 16);
      store<f64>(t, margin != 0 && on ? 0 : Infinity, 24);
    }
  }
}

/**
 * train.ts's `train` for `count` runs, two at a time, a lane whose run ends taking the next:
 * run r starts from the weights and Δw at `nets` and `deltas` (P f64 each), trains on the
 * cases its mask at `masks + MAX_CASES·r` marks (a byte a case, 1: trains), with its job at
 * `jobs` (see JOB), and writes its record to `out` (see RECORD). When `losses` is not 0,
 * run r writes E after k sweeps to `losses[lossStride·r + k]`.
 */
export function train(count: i32, jobs: usize, nets: usize, deltas: usize, masks: usize, out: usize, losses: usize, lossStride: i32): void {
  let next = 0;
  for (let lane = 0; lane < 2; lane++) {
    setCounter(LANES, RUN, lane, -1);
    if (next < count) loadLane(lane, next++, nets, deltas, masks);
  }
  for (let r = 0; r < count; r++) store<f64>(out + (<usize>(r * RECORD) << 3), -1, 8);
  while (counter(LANES, RUN, 0) >= 0 || counter(LANES, RUN, 1) >= 0) {
    sweep();
    let ending = 0;
    for (let lane = 0; lane < 2; lane++) {
      const r = counter(LANES, RUN, lane);
      if (r < 0) continue;
      const job = jobs + (<usize>(r * JOB) << 3);
      const rec = out + (<usize>(r * RECORD) << 3);
      const k = counter(LANES, SWEEPS, lane);
      const E = laneOf(sweepE, lane);
      if (losses != 0) store<f64>(losses + (<usize>(r * lossStride + k) << 3), E);
      store<f64>(rec, E, 24);
      const solved = (lane == 0 ? i64x2.extract_lane(sweepWrong, 0) : i64x2.extract_lane(sweepWrong, 1)) == 0;
      if (solved && load<f64>(rec, 8) < 0) store<f64>(rec, k, 8);
      const stops = solved && load<f64>(job, 16) != 0;
      if (stops || k == <i32>load<f64>(job, 8)) {
        store<f64>(rec, k);
        store<f64>(rec, stops ? 1 : 0, 16);
        saveLane(lane, rec);
        ending |= 1 << lane;
      }
    }
    for (let lane = 0; lane < 2; lane++) if ((ending & (1 << lane)) != 0) setCounter(LANES, RUN, lane, -1);
    step(jobs);
    const finite = finiteLanes(NET, P);
    for (let lane = 0; lane < 2; lane++) {
      const r = counter(LANES, RUN, lane);
      if (r < 0) continue;
      setCounter(LANES, SWEEPS, lane, counter(LANES, SWEEPS, lane) + 1);
      if ((finite & (1 << lane)) != 0) continue;
      // train.ts stops a run whose weights overflow, after this sweep's step
      const rec = out + (<usize>(r * RECORD) << 3);
      store<f64>(rec, counter(LANES, SWEEPS, lane));
      store<f64>(rec, 2, 16);
      saveLane(lane, rec);
      setCounter(LANES, RUN, lane, -1);
      ending |= 1 << lane;
    }
    for (let lane = 0; lane < 2; lane++) {
      if ((ending & (1 << lane)) == 0) continue;
      if (next < count) loadLane(lane, next++, nets, deltas, masks);
      else {
        // an idle lane steps by nothing; the first run's start keeps its arithmetic tame
        loadLane(lane, 0, nets, deltas, masks);
        setCounter(LANES, RUN, lane, -1);
      }
    }
  }
}
