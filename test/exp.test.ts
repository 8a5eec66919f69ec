import { describe, expect, it } from "vitest";
import { exp, makeRandom } from "../src/index";

describe("exp, written out in IEEE arithmetic", () => {
  it("gives the same bits as Node's Math.exp (V8's fdlibm) on a million inputs across its range", () => {
    const random = makeRandom(31);
    const scales = [1e-9, 0.3, 1, 5, 40, 750];
    let differ = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const x = (random() * 2 - 1) * scales[k % scales.length]!;
      if (exp(x) !== Math.exp(x)) differ++;
    }
    expect(differ).toBe(0);
  });

  it("gives the same bits as Math.exp on a thousand inputs at each scale, where each reduction of the argument is used", () => {
    const random = makeRandom(32);
    for (const scale of [1e-9, 0.3, 1, 5, 40, 750]) {
      for (let k = 0; k < 1000; k++) {
        const x = (random() * 2 - 1) * scale;
        expect(Object.is(exp(x), Math.exp(x)), `exp(${x})`).toBe(true);
      }
    }
  });

  it("handles the edges: ±0, ±∞, NaN, overflow, underflow, subnormal results, e itself", () => {
    for (const x of [0, -0, 1, -1, 709.78, 709.79, -708.4, -720, -745.1, -745.2, 1e-300, Infinity, -Infinity, NaN]) {
      expect(Object.is(exp(x), Math.exp(x)), `exp(${x})`).toBe(true);
    }
    expect(exp(1)).toBe(Math.E);
    expect(exp(Math.LN2)).toBeCloseTo(2, 15);
  });
});
