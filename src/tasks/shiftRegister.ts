import { type Case } from "../core/loss";
import { type IterativeNet, stateHistory } from "../core/iterative";

/** A pattern moved t places round the ring: unit i holds what unit i − t held. */
export function shifted(pattern: readonly number[], t: number): number[] {
  const n = pattern.length;
  return pattern.map((_, i) => pattern[(((i - t) % n) + n) % n]!);
}

/** The unit before unit j on a ring of `units`: the one a shift register's unit j copies. */
export function leftOf(j: number, units: number): number {
  return (j + units - 1) % units;
}

/**
 * The task this project gives Figure 5's iterative net (the paper names none): a ring of
 * units that, run for T iterations from any pattern of 0s and 1s, ends with the pattern
 * moved T places round the ring, unit i holding at the end what unit i − T held at the
 * start. Only the final state is a target; the net is free to get there however it can,
 * one place per iteration being the way a shift register would.
 */
export function shiftRegisterCases(units: number, iterations: number): Case[] {
  if (!Number.isInteger(units) || units < 2 || units > 16) throw new RangeError(`a shift register needs 2 to 16 units, got ${units}`);
  return Array.from({ length: 2 ** units }, (_, k) => {
    const input = Array.from({ length: units }, (_, i) => (k >> (units - 1 - i)) & 1);
    return { input, target: shifted(input, iterations) };
  });
}

/**
 * Notebook 09's run: four units, three iterations, the symmetry run's ε and α, and the
 * seed of the first run (in seed order) that learns the one-place-per-iteration shift.
 */
export const SHIFT_REGISTER_RUN = { units: 4, iterations: 3, ε: 0.1, α: 0.9, sweeps: 1000, range: 0.3, seed: 2 } as const;

/** Whether every unit's largest incoming weight comes from the unit before it: a one-place shift, read off the weights. */
export function isOnePlaceShift(weights: readonly (readonly number[])[]): boolean {
  return weights.every((row, j) => row.indexOf(Math.max(...row)) === leftOf(j, weights.length));
}

/**
 * How far a net's states stray from a shift register's: the largest |y_j(t) − y_j(0) moved
 * t places| over every case, every step t (the intermediate ones included) and every unit.
 */
export function shiftMiss(net: IterativeNet, cases: readonly Case[]): number {
  return Math.max(
    ...cases.flatMap((c) => stateHistory(net, c.input).flatMap((y, t) => y.map((v, j) => Math.abs(v - shifted(c.input, t)[j]!)))),
  );
}
