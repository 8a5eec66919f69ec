import { exp } from "./exp";

/** The logistic unit of the paper: y = 1 / (1 + e^(−x)). */
export function logistic(x: number): number {
  return 1 / (1 + exp(-x));
}

/** dy/dx of the logistic, written from the unit's output as the paper does: y(1 − y). */
export function logisticDerivative(y: number): number {
  return y * (1 - y);
}
