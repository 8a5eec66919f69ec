/**
 * Addressing shared by the WebAssembly kernels: a parameter or value of both runs is one
 * v128 (lane 0, then lane 1), and a kernel reads or writes one lane's f64 of it.
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
