import { inspect } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  backwardTrace,
  type Case,
  checkCrossEntropyDelta,
  checkHiddenDelta,
  checkMaskedGradient,
  checkMomentumStep,
  checkOutputDelta,
  checkPrediction,
  checkSeparation,
  checkSigmoidDerivative,
  checkTiedGradient,
  checkWeightGradient,
  error,
  FAMILY_TREES_ARCHITECTURE,
  gradient,
  initIterative,
  initNetwork,
  logistic,
  logisticDerivative,
  makeRandom,
  queries,
  queryCase,
  shiftRegisterCases,
  stateHistory,
  mustPass,
  type Network,
  PAPER_SYMMETRY_SETTINGS,
  STUB_MESSAGE,
  unitCrossEntropy,
  useSettings,
} from "../src/index";

const stub = () => {
  throw new Error("your turn");
};

describe("a verdict", () => {
  it("shows as its message alone, as a notebook cell's value", () => {
    const verdict = checkSigmoidDerivative(logisticDerivative);
    expect(inspect(verdict)).toBe(verdict.message);
    expect(verdict.message).toMatch(/^✓/);
  });
});

describe("a graded test (mustPass)", () => {
  const thrown = (check: () => unknown) => {
    try {
      check();
    } catch (e) {
      return e;
    }
    throw new Error("nothing was thrown");
  };
  it("passes a passing verdict through", () => {
    const verdict = checkSigmoidDerivative(logisticDerivative);
    expect(mustPass(() => verdict)).toBe(verdict);
  });
  it("throws a failing verdict, which prints as its message alone", () => {
    const verdict = checkSigmoidDerivative((y) => y);
    const error = thrown(() => mustPass(() => verdict));
    expect(error).toBeInstanceOf(Error);
    expect(inspect(error)).toBe(verdict.message);
  });
  it("says that an answer which is not defined did not compile", () => {
    const missing = new Function("return sigmoidDerivative") as () => (y: number) => number;
    expect(inspect(thrown(() => mustPass(() => checkSigmoidDerivative(missing()))))).toMatch(/^✗ sigmoidDerivative is not defined: the cell that defines it did not compile/);
  });
});

describe("the sigmoid-derivative checker", () => {
  it("accepts y(1 − y)", () => expect(checkSigmoidDerivative(logisticDerivative).ok).toBe(true));
  it.each([
    ["y alone", (y: number) => y, /y alone/],
    ["(1 − y) alone", (y: number) => 1 - y, /factor y/],
    ["the slope of the logistic of y", (y: number) => (1 / (1 + Math.exp(-y))) * (1 - 1 / (1 + Math.exp(-y))), /applied the logistic again/],
    ["a flipped sign", (y: number) => -y * (1 - y), /sign/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkSigmoidDerivative(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
    expect(verdict.message).toMatch(/expected/);
  });
  it("says what went wrong instead of crashing", () => {
    expect(checkSigmoidDerivative(stub).message).toBe("✗ sigmoidDerivative(y = 0.5): it threw an error: your turn");
    expect(checkSigmoidDerivative(() => NaN).message).toMatch(/NaN/);
    expect(checkSigmoidDerivative(() => undefined).message).toMatch(/returned nothing/);
  });
  it("says that the stub still running may be code that did not compile", () => {
    const message = checkSigmoidDerivative(() => {
      throw new Error(STUB_MESSAGE);
    }).message;
    expect(message).toMatch(/still the stub, or your code in it did not compile/);
  });
  it("draws other random cases from another seed, as a hidden test does", () => {
    const seen = new Set<number>();
    checkSigmoidDerivative((y) => (seen.add(y), logisticDerivative(y)));
    const memorised = (y: number) => (seen.has(y) ? logisticDerivative(y) : 0.25);
    expect(checkSigmoidDerivative(memorised).ok).toBe(true);
    expect(checkSigmoidDerivative(memorised, 1986).message).toMatch(/^✗ sigmoidDerivative\(y = 0\.\d+\) returned 0\.25/);
  });
  it("never shows the solution's code", () => {
    expect(checkSigmoidDerivative((y) => y).message).not.toMatch(/=>|\breturn\b|\*|y \* \(1/);
  });
});

describe("the output-delta checker", () => {
  it("accepts (y − d) y (1 − y)", () => expect(checkOutputDelta((y, d) => (y - d) * y * (1 - y)).ok).toBe(true));
  it("expects the values worked by hand: −0.125 at y = ½, d = 1, and 0.125 at y = ½, d = 0", () => {
    const answer = (y: number, d: number) => (y === 0.5 ? (d === 1 ? -0.125 : 0.125) : (y - d) * y * (1 - y));
    expect(checkOutputDelta(answer).ok).toBe(true);
    expect(checkOutputDelta((y, d) => (y === 0.5 ? 0.125 : (y - d) * y * (1 - y))).message).toMatch(/y = 0\.5/);
  });
  it.each([
    ["∂E/∂y instead of ∂E/∂x", (y: number, d: number) => y - d, /multiply by the logistic's slope/],
    ["a flipped sign", (y: number, d: number) => (d - y) * y * (1 - y), /sign/],
    ["a factor 2 from forgetting the ½", (y: number, d: number) => 2 * (y - d) * y * (1 - y), /½ in E cancels/],
    ["a stray ½", (y: number, d: number) => 0.5 * (y - d) * y * (1 - y), /factor ½ too few/],
    ["a missing (1 − y)", (y: number, d: number) => (y - d) * y, /\(1 − y\) is missing/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkOutputDelta(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
});

describe("the cross-entropy-delta checker", () => {
  it("accepts y − d", () => expect(checkCrossEntropyDelta((y, d) => y - d).ok).toBe(true));
  it("expects what finite differences find: the slope of −[d ln y + (1 − d) ln(1 − y)] in x, with y = logistic(x)", () => {
    const h = 1e-6;
    const numeric = (y: number, d: number) => {
      const x = Math.log(y / (1 - y));
      return (unitCrossEntropy(logistic(x + h), d) - unitCrossEntropy(logistic(x - h), d)) / (2 * h);
    };
    const seen: [number, number][] = [];
    checkCrossEntropyDelta((y, d) => (seen.push([y, d]), y - d));
    for (const [y, d] of seen) expect(numeric(y, d), `y = ${y}, d = ${d}`).toBeCloseTo(y - d, 6);
    expect(seen).toContainEqual([0.001, 1]);
  });
  it("expects the values worked by hand: −0.5 at y = ½, d = 1, and 0.9 at y = 0.9, d = 0", () => {
    expect(checkCrossEntropyDelta((y, d) => (y === 0.5 && d === 1 ? -0.5 : y === 0.9 && d === 0 ? 0.9 : y - d)).ok).toBe(true);
    expect(checkCrossEntropyDelta((y, d) => (y === 0.9 && d === 0 ? 0.8 : y - d)).message).toMatch(/^✗ crossEntropyDelta\(y = 0\.9, d = 0\) returned 0\.8, expected 0\.9\./);
  });
  it.each([
    ["the squared-error δ, y(1 − y) kept", (y: number, d: number) => (y - d) * y * (1 - y), /squared error's ∂E_c\/∂x.*∂C_c\/∂y.*cancels its denominator instead of staying/],
    ["∂E/∂y instead of ∂E/∂x", (y: number, d: number) => (y - d) / (y * (1 - y)), /that is ∂C_c\/∂y/],
    ["d − y", (y: number, d: number) => d - y, /check the sign/],
    ["the squared-error δ with the sign flipped", (y: number, d: number) => (d - y) * y * (1 - y), /its sign flipped/],
    ["the error itself", (y: number, d: number) => -(d * Math.log(y) + (1 - d) * Math.log(1 - y)), /the error C_c itself/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkCrossEntropyDelta(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
  it("draws other random cases from another seed, as a hidden test does", () => {
    const seen = new Set<number>();
    checkCrossEntropyDelta((y, d) => (seen.add(y), y - d));
    const memorised = (y: number, d: number) => (seen.has(y) ? y - d : 0);
    expect(checkCrossEntropyDelta(memorised).ok).toBe(true);
    expect(checkCrossEntropyDelta(memorised, 1986).ok).toBe(false);
  });
});

describe("the hidden-delta checker", () => {
  const right = (y: number, dx: number[], w: number[]) => y * (1 - y) * dx.reduce((s, v, k) => s + v * w[k]!, 0);
  it("accepts y(1 − y) Σ ∂E/∂x_k w_kj", () => expect(checkHiddenDelta(right).ok).toBe(true));
  it("expects the values worked by hand: ¼ · (−0.125 · 1) at y = ½, and 0.16 · (0.15 + 0.16) at y = 0.8", () => {
    const handWorked = (y: number, dx: number[], w: number[]) => (y === 0.5 && dx.length === 1 ? -0.03125 : right(y, dx, w));
    expect(checkHiddenDelta(handWorked).ok).toBe(true);
    expect(checkHiddenDelta((y, dx, w) => (y === 0.5 && dx.length === 1 ? 0.03125 : right(y, dx, w))).ok).toBe(false);
    expect(right(0.8, [0.05, -0.02], [3, -8])).toBeCloseTo(0.16 * (0.15 + 0.16), 15);
  });
  it.each([
    ["a missing slope", (_y: number, dx: number[], w: number[]) => dx.reduce((s, v, k) => s + v * w[k]!, 0), /multiply by its slope/],
    ["a flipped sign", (y: number, dx: number[], w: number[]) => -right(y, dx, w), /sign/],
    ["only the first unit above", (y: number, dx: number[], w: number[]) => y * (1 - y) * dx[0]! * w[0]!, /every unit above/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkHiddenDelta(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
});

describe("the weight-gradient checker", () => {
  /** ∂E/∂w_ji of the 6-2-1 net written out by hand, case by case, with nothing from the core. */
  const byHand = (n: Network, cs: Case[], j: number, i: number) => {
    const [hidden, output] = n.layers as [Network["layers"][0], Network["layers"][0]];
    const σ = (x: number) => 1 / (1 + Math.exp(-x));
    let sum = 0;
    for (const c of cs) {
      const h = hidden.weights.map((row, k) => σ(row.reduce((x, w, m) => x + w * c.input[m]!, hidden.biases[k]!)));
      const y = σ(output.weights[0]!.reduce((x, w, k) => x + w * h[k]!, output.biases[0]!));
      const dEdxOut = (y - c.target[0]!) * y * (1 - y);
      sum += dEdxOut * output.weights[0]![j]! * h[j]! * (1 - h[j]!) * c.input[i]!;
    }
    return sum;
  };
  const core = (n: Network, cs: Case[], j: number, i: number) => gradient(n, cs).dEdw.layers[0]!.weights[j]![i]!;
  it("accepts the backward pass's ∂E/∂w", () => expect(checkWeightGradient(core).ok).toBe(true));
  it("names a failing case by how to rebuild it, not by its network and 64 cases", () => {
    const message = checkWeightGradient((n, cs, j, i) => 2 * core(n, cs, j, i)).message;
    expect(message).toMatch(/^✗ weightGradient\(network = initNetwork\(SYMMETRY_ARCHITECTURE, makeRandom\(1\), 2\), cases = all 64, j = 0, i = 0\) returned/);
    expect(message.length).toBeLessThan(300);
  });
  it("accepts ∂E/∂w worked out by hand, case by case", () => expect(checkWeightGradient(byHand).ok).toBe(true));
  it("rejects an answer off by one part in a thousand", () => {
    expect(checkWeightGradient((n, cs, j, i) => byHand(n, cs, j, i) * 1.001).ok).toBe(false);
  });
  it.each([
    ["one case instead of all", (n: Network, cs: Case[], j: number, i: number) => backwardTrace(n, cs[0]!).dEdw.layers[0]!.weights[j]![i]!, /sum over all the cases/],
    ["a mean instead of a sum", (n: Network, cs: Case[], j: number, i: number) => core(n, cs, j, i) / cs.length, /not a mean/],
    ["a flipped sign", (n: Network, cs: Case[], j: number, i: number) => -core(n, cs, j, i), /sign/],
    [
      "the hidden slope left out",
      (n: Network, cs: Case[], j: number, i: number) => cs.reduce((s, c) => s + backwardTrace(n, c).dEdy[0]![j]! * c.input[i]!, 0),
      /slope y\(1 − y\) is missing/,
    ],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkWeightGradient(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
});

describe("the momentum-step checker", () => {
  it("accepts −ε g + α Δ", () => expect(checkMomentumStep((_w, g, p, ε, α) => -ε * g + α * p).ok).toBe(true));
  it("expects the value worked by hand: −0.1 · 0.5 + 0.9 · 0.2 = 0.13 for its first case", () => {
    const first = (w: number, g: number, p: number, ε: number, α: number) => (w === 1 && g === 0.5 ? 0.13 : -ε * g + α * p);
    expect(checkMomentumStep(first).ok).toBe(true);
    expect(checkMomentumStep((w, g, p, ε, α) => (w === 1 && g === 0.5 ? 0.14 : -ε * g + α * p)).ok).toBe(false);
  });
  it.each([
    ["a flipped sign", (_w: number, g: number, p: number, ε: number, α: number) => ε * g + α * p, /minus sign/],
    ["no momentum", (_w: number, g: number, _p: number, ε: number) => -ε * g, /momentum term is missing/],
    ["ε scaling the momentum too", (_w: number, g: number, p: number, ε: number, α: number) => -ε * (g + α * p), /ε scales only the gradient/],
    ["the new weight instead of the change", (w: number, g: number, p: number, ε: number, α: number) => w - ε * g + α * p, /not the new weight/],
    ["plain gradient descent's new weight", (w: number, g: number, _p: number, ε: number) => w - ε * g, /plain gradient descent's new weight/],
    ["(1 − α) for α", (_w: number, g: number, p: number, ε: number, α: number) => -ε * g + (1 - α) * p, /not \(1 − α\)/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkMomentumStep(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
});

describe("the prediction checker", () => {
  // The notebook's settings, which the checker trains with, are the paper's unless a test says otherwise.
  beforeEach(() => useSettings(PAPER_SYMMETRY_SETTINGS, PAPER_SYMMETRY_SETTINGS));
  afterAll(() => useSettings(PAPER_SYMMETRY_SETTINGS, PAPER_SYMMETRY_SETTINGS));

  it("accepts antisymmetry and a ratio near 4, naming the run it checked against", () => {
    const verdict = checkPrediction({ mirroredSum: 0, ratio: 4 });
    expect(verdict.ok).toBe(true);
    expect(verdict.message).toMatch(/^✓ Well predicted: in your run \(ε = 0\.1, α = 0\.9, seed 588, 1,425 sweeps: our run at the paper's settings, as the notebooks follow it\), hidden unit L has w1 \+ w6 = 0\.\d\d and a largest-to-smallest ratio of 3\.\d\d\.$/);
  });
  it("checks against the reader's own run, and says when that run did not solve the task", () => {
    useSettings({ ...PAPER_SYMMETRY_SETTINGS, ε: 0.25 }, PAPER_SYMMETRY_SETTINGS);
    const verdict = checkPrediction({ mirroredSum: 0, ratio: 4 });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/^✗ Not quite: in your run \(ε = 0\.25, α = 0\.9, seed 588, 1,425 sweeps\), .* more than 0\.5 away from your prediction, though that run did not solve the task, so its weights need not show a solution's pattern\.\n/);
  });
  it("rejects a symmetric guess with a hint about palindromes", () => {
    const verdict = checkPrediction({ mirroredSum: 5, ratio: 4 });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/w1 \+ w6 is more than 0\.5 away[^]*palindrome/);
    // A miss does not give the run's numbers away: they would pass on a second try.
    expect(verdict.message).not.toMatch(/\d\.\d\d/);
  });
  it("rejects equal magnitudes with a hint about distinct sums", () => {
    expect(checkPrediction({ mirroredSum: 0, ratio: 1 }).message).toMatch(/the ratio is more than 0\.5 away[^]*all eight patterns different sums/);
  });
  it("asks for numbers when the stub is left empty", () => {
    expect(checkPrediction({ mirroredSum: NaN, ratio: NaN }).message).toMatch(/two finite numbers/);
  });
});

describe("the separation checker", () => {
  /** The separation by brute force over the 26 ways a non-palindrome differs from its mirror, nothing from the core. */
  const byHand = (m: number[]) => {
    let least = Infinity;
    for (const a of [-1, 0, 1]) for (const b of [-1, 0, 1]) for (const c of [-1, 0, 1]) if (a || b || c) least = Math.min(least, Math.abs(a * m[0]! + b * m[1]! + c * m[2]!));
    return least;
  };
  it("accepts the smallest |Σ u_k m_k| over u ≠ 0", () => expect(checkSeparation(byHand).ok).toBe(true));
  it("expects the values worked by hand: 1 for 1 : 2 : 4 and 2 : 3 : 4, 0 for 1 : 2 : 3, 3.4 for Figure 1's 14.2, 3.6, 7.2", () => {
    const table = new Map([["1,2,4", 1], ["2,3,4", 1], ["1,2,3", 0], ["14.2,3.6,7.2", 14.2 - 3.6 - 7.2]]);
    expect(checkSeparation((m) => table.get(m.join(",")) ?? byHand(m)).ok).toBe(true);
    expect(checkSeparation((m) => (m.join(",") === "1,2,3" ? 1 : byHand(m))).message).toMatch(/^✗ patternSeparation\(m = \[1, 2, 3\]\) returned 1, expected 0/);
  });
  it.each([
    ["the smallest magnitude alone", (m: number[]) => Math.min(...m), /smallest magnitude alone/],
    ["the largest send", (m: number[]) => Math.max(...m.map((v) => v)) + m.reduce((s, v) => s + v, 0) - Math.max(...m), /smallest size, not the largest/],
    ["u = 0 counted", () => 0, /leave out u = \(0, 0, 0\)/],
    ["a signed sum, not its size", (m: number[]) => -(m[0]! + m[1]! + m[2]!), /take the size/],
    ["sums of three left out", (m: number[]) => Math.min(...m, Math.abs(m[0]! - m[1]!), Math.abs(m[0]! - m[2]!), Math.abs(m[1]! - m[2]!)), /sums of all three/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkSeparation(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
  it("says what went wrong instead of crashing", () => {
    expect(checkSeparation(stub).message).toMatch(/^✗ patternSeparation\(m = \[1, 2, 4\]\): it threw an error: your turn/);
  });
});

describe("the tied-gradient checker", () => {
  /** Σ_c Σ_t ∂E_c/∂x_j(t + 1) · y_i(t), as the notebook asks. */
  const right = (h: number[][][], d: number[][][], j: number, i: number) => d.reduce((s, dc, c) => s + dc.reduce((sc, row, t) => sc + row[j]! * h[c]![t]![i]!, 0), 0);
  it("accepts the sum over copies and cases", () => expect(checkTiedGradient(right).ok).toBe(true));
  it("agrees with finite differences on the iterative net itself, through the student's sum", () => {
    // The checker's truth is the core's; check the student's formula against a slope of E taken on the net directly.
    const cases = shiftRegisterCases(4, 3);
    const net = initIterative(4, 3, makeRandom(9), 2);
    const E = (w: number) => {
      const nudged = { ...net, weights: net.weights.map((row, j) => row.map((v, i) => (j === 1 && i === 0 ? w : v))) };
      return cases.reduce((s, c) => s + stateHistory(nudged, c.input)[3]!.reduce((e, y, k) => e + 0.5 * (y - c.target[k]!) ** 2, 0), 0);
    };
    const h = 1e-6;
    const slope = (E(net.weights[1]![0]! + h) - E(net.weights[1]![0]! - h)) / (2 * h);
    const histories = cases.map((c) => stateHistory(net, c.input));
    const dEdx = cases.map((c) => backwardTrace({ layers: [0, 1, 2].map(() => ({ weights: net.weights, biases: net.biases })) }, c).dEdx);
    expect(right(histories, dEdx, 1, 0)).toBeCloseTo(slope, 7);
  });
  const all = (h: number[][][], d: number[][][], j: number, i: number, copies: number[], lag = 0) =>
    d.reduce((s, dc, c) => s + copies.reduce((sc, t) => sc + dc[t]![j]! * h[c]![t + lag]![i]!, 0), 0);
  it.each([
    ["the paper's average", (h: number[][][], d: number[][][], j: number, i: number) => right(h, d, j, i) / 3, /paper's average/],
    ["the last copy alone", (h: number[][][], d: number[][][], j: number, i: number) => all(h, d, j, i, [2]), /only the copy between t = 2 and 3/],
    ["the first copy alone", (h: number[][][], d: number[][][], j: number, i: number) => all(h, d, j, i, [0]), /only the copy between t = 0 and 1/],
    ["the state one step late", (h: number[][][], d: number[][][], j: number, i: number) => all(h, d, j, i, [0, 1, 2], 1), /one step earlier/],
    ["i and j swapped", (h: number[][][], d: number[][][], j: number, i: number) => right(h, d, i, j), /the unit the weight feeds, j/],
    ["one case", (h: number[][][], d: number[][][], j: number, i: number) => right(h.slice(0, 1), d.slice(0, 1), j, i), /every case/],
    ["a mean over cases", (h: number[][][], d: number[][][], j: number, i: number) => right(h, d, j, i) / h.length, /not a mean/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkTiedGradient(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
  it("names a failing case by how to rebuild it, briefly", () => {
    const message = checkTiedGradient((h, d, j, i) => 2 * right(h, d, j, i)).message;
    expect(message).toMatch(/^✗ tiedWeightGradient\(the net initIterative\(4, 3, makeRandom\(9\), 2\) on the 16 shift-register cases, j = 1, i = 0\) returned/);
    expect(message.length).toBeLessThan(300);
  });
  it("draws other nets from another seed, as a hidden test does", () => {
    expect(checkTiedGradient(right, 31).ok).toBe(true);
    expect(checkTiedGradient((h, d, j, i) => 2 * right(h, d, j, i), 31).message).toMatch(/makeRandom\(31\)/);
  });
});

describe("the masked-gradient checker", () => {
  const margin = 0.2;
  /** Σ_c ∂E_c/∂x_j · y_i with the margin, 0 where Figure 3 has no link, as the notebook asks. */
  const right = (network: Network, cases: Case[], j: number, i: number) =>
    network.layers[0]!.connected?.[j]?.[i] === false ? 0 : cases.reduce((s, c) => s + backwardTrace(network, c, margin).dEdx[0]![j]! * c.input[i]!, 0);
  it("accepts the masked sum over the questions", () => expect(checkMaskedGradient(right).ok).toBe(true));
  it("agrees with finite differences on a connected first-layer weight of the family-trees net", () => {
    const network = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(8), 1);
    const cases = queries().map(queryCase);
    const E = (w: number) => {
      const nudged = { layers: network.layers.map((l, k) => (k === 0 ? { ...l, weights: l.weights.map((row, j) => row.map((v, i) => (j === 8 && i === 30 ? w : v))) } : l)) };
      return error(nudged, cases, margin);
    };
    const h = 1e-6;
    const w0 = network.layers[0]!.weights[8]![30]!;
    expect(right(network, cases, 8, 30)).toBeCloseTo((E(w0 + h) - E(w0 - h)) / (2 * h), 7);
  });
  it.each([
    ["no mask", (n: Network, cs: Case[], j: number, i: number) => cs.reduce((s, c) => s + backwardTrace(n, c, margin).dEdx[0]![j]! * c.input[i]!, 0), /leaves out is not part of the network/],
    ["no margin", (n: Network, cs: Case[], j: number, i: number) => (n.layers[0]!.connected?.[j]?.[i] === false ? 0 : cs.reduce((s, c) => s + backwardTrace(n, c).dEdx[0]![j]! * c.input[i]!, 0)), /margin 0\.2/],
    ["a mean", (n: Network, cs: Case[], j: number, i: number) => right(n, cs, j, i) / cs.length, /not a mean/],
    ["one question", (n: Network, cs: Case[], j: number, i: number) => right(n, cs.slice(0, 1), j, i), /all the questions/],
    ["the wrong sign", (n: Network, cs: Case[], j: number, i: number) => -right(n, cs, j, i), /check the sign/],
  ])("rejects %s with its hint", (_, wrong, hint) => {
    const verdict = checkMaskedGradient(wrong);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(hint);
  });
  it("draws other nets from another seed, as a hidden test does", () => {
    expect(checkMaskedGradient(right, 31).ok).toBe(true);
    expect(checkMaskedGradient((n, cs, j, i) => 2 * right(n, cs, j, i), 31).message).toMatch(/makeRandom\(31\)/);
  });
});
