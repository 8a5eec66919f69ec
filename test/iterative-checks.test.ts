import { describe, expect, it } from "vitest";
import { initIterative, type IterativeNet, makeRandom, SHIFT_REGISTER_RUN, shiftRegisterCases, stateHistory, tiedGradient, trainIterative } from "../src/index";

const cases = shiftRegisterCases(4, 3);

describe("an iterative net's checks", () => {
  it("refuses a size or a count of iterations that is not a whole number of at least 1, saying which", () => {
    expect(() => initIterative(0, 3, makeRandom(1))).toThrow("units must be a whole number of at least 1, got 0");
    expect(() => initIterative(2.5, 3, makeRandom(1))).toThrow("units must be a whole number of at least 1, got 2.5");
    expect(() => initIterative(4, 1.5, makeRandom(1))).toThrow("iterations must be a whole number of at least 1, got 1.5");
    expect(initIterative(1, 1, makeRandom(1)).biases).toHaveLength(1);
  });

  it("names the first case whose targets alone do not fit, in training too", () => {
    const net = initIterative(4, 3, makeRandom(1));
    const bad = [cases[0]!, { input: [1, 0, 1, 0], target: [1, 0, 1] }];
    const message = "case 1 has 4 inputs and 3 targets; an iterative net of 4 units needs 4 of each";
    expect(() => tiedGradient(net, bad)).toThrow(message);
    expect(() => trainIterative(net, bad, { sweeps: 1, rule: { ε: 0.1, α: 0.9 } })).toThrow(message);
  });

  it("records the first sweep after which every unit of every case ends on the right side of ½", () => {
    const { units, iterations, seed, range } = SHIFT_REGISTER_RUN;
    const net = initIterative(units, iterations, makeRandom(seed), range);
    const rule = { ε: 0.1, α: 0.9 };
    const { solvedAt } = trainIterative(net, cases, { sweeps: 1000, rule });
    const right = (n: IterativeNet) => cases.every((c) => stateHistory(n, c.input)[iterations]!.every((y, j) => y > 0.5 === c.target[j]! > 0.5));
    expect(solvedAt).not.toBeNull();
    expect(right(trainIterative(net, cases, { sweeps: solvedAt!, rule }).net)).toBe(true);
    expect(right(trainIterative(net, cases, { sweeps: solvedAt! - 1, rule }).net)).toBe(false);
  });
});
