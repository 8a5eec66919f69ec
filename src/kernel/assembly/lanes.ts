/**
 * What the WebAssembly kernels share about their two lanes: the addressing (a parameter or
 * value of both runs is one v128, lane 0 then lane 1, and a kernel reads or writes one
 * lane's f64 of it), per-lane counters, and the test for weights gone non-finite.
 */

/** The v128 of entry `k` in a block of v128 at `base`. */
@inline
export function at(base: usize, k: i32): usize {
  return base + (<usize>k << 4);
}

/** One lane's f64 of entry `k` at `base`. */
@inline
export function laneSlot(base: usize, k: i32, lane: i32): usize {
  return at(base, k) + (<usize>lane << 3);
}

/** One lane of a v128, for a lane number known only at run time. */
@inline
export function laneOf(v: v128, lane: i32): f64 {
  return lane == 0 ? f64x2.extract_lane(v, 0) : f64x2.extract_lane(v, 1);
}

/** A per-lane whole-number counter, `[field][lane]` in a kernel's block of i32 at `base`. */
@inline
export function counter(base: usize, field: i32, lane: i32): i32 {
  return load<i32>(base + (<usize>(field * 2 + lane) << 2));
}

@inline
export function setCounter(base: usize, field: i32, lane: i32, value: i32): void {
  store<i32>(base + (<usize>(field * 2 + lane) << 2), value);
}

function laneFinite(net: usize, P: i32, lane: i32): bool {
  for (let p = 0; p < P; p++) if (!isFinite(load<f64>(laneSlot(net, p, lane)))) return false;
  return true;
}

/** Whether each lane's P weights at `net` are all finite (bit 0: lane 0, bit 1: lane 1): a sum first, a finite sum of finite terms being the common case. */
export function finiteLanes(net: usize, P: i32): i32 {
  let s = f64x2.splat(0);
  for (let p = 0; p < P; p++) s = f64x2.add(s, v128.load(at(net, p)));
  const ok0 = isFinite(f64x2.extract_lane(s, 0)) || laneFinite(net, P, 0);
  const ok1 = isFinite(f64x2.extract_lane(s, 1)) || laneFinite(net, P, 1);
  return (ok0 ? 1 : 0) | (ok1 ? 2 : 0);
}
