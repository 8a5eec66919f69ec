/**
 * Checkers for the exercises in the walk. Each runs the student's function on ordinary,
 * random and edge cases beside the core's own answer and prints one verdict. `seed` draws
 * the random cases: the notebooks use the default, and a graded course's hidden tests
 * (`npm run course`) another that the student never sees.
 */
import { gradient } from "../core/backward";
import { logistic, logisticDerivative } from "../core/logistic";
import { type Case, outputError, unitCrossEntropy } from "../core/loss";
import { type Network, initNetwork } from "../core/network";
import { type IterativeNet, initIterative, stateHistory, tiedGradient, unroll } from "../core/iterative";
import { backwardTrace, dEdxOf, hiddenDEdy, weightChange } from "../core/oneCase";
import { makeRandom } from "../core/random";
import { separation } from "../analysis/minimumNorm";
import { settingsInUse } from "../notebook/settings";
import { FAMILY_TREES_ARCHITECTURE, PAPER_FAMILY_RUN, queries, queryCase } from "../tasks/familyTrees";
import { shiftRegisterCases } from "../tasks/shiftRegister";
import { PAPER_SYMMETRY_SETTINGS, SYMMETRY_ARCHITECTURE, paperRun, symmetryCases } from "../tasks/symmetry";
import { type Verdict, checkCases, report } from "./verdict";

/** Outputs a logistic unit can give, edges included, and a few drawn at random. */
function outputs(seed: number): number[] {
  const random = makeRandom(seed);
  return [0.5, 0.1, 0.9, 0.731, 0, 1, ...Array.from({ length: 6 }, () => random())];
}

/** Exercise: the logistic's slope written from its output. */
export function checkSigmoidDerivative(student: (y: number) => unknown, seed = 2024): Verdict {
  return checkCases("sigmoidDerivative", ["y"], student, logisticDerivative, outputs(seed).map((y): [number] => [y]), [
    { wrong: (y) => y, hint: "that is y alone; the slope of the logistic is y times (1 − y)." },
    { wrong: (y) => 1 - y, hint: "that is (1 − y) alone; the slope also has the factor y." },
    { wrong: (y) => logistic(y) * (1 - logistic(y)), hint: "you applied the logistic again: the argument is already the output y, not the net input x." },
    { wrong: (y) => -logisticDerivative(y), hint: "check the sign: the logistic rises everywhere, so its slope is never negative." },
  ], "sigmoidDerivative gives y(1 − y)");
}

const outputDelta = (y: number, d: number) => dEdxOf(outputError(y, d), y);

/** Exercise: one case's ∂E_c/∂x for an output unit with output y and target d. */
export function checkOutputDelta(student: (y: number, d: number) => unknown, seed = 2024): Verdict {
  const cases = outputs(seed).flatMap((y): [number, number][] => [[y, 1], [y, 0]]);
  return checkCases("outputDelta", ["y", "d"], student, outputDelta, cases, [
    { wrong: (y, d) => y - d, hint: "that is ∂E_c/∂y; to reach ∂E_c/∂x multiply by the logistic's slope y(1 − y)." },
    { wrong: (y, d) => (d - y) * logisticDerivative(y), hint: "check the sign: E grows as y moves away from d, so ∂E_c/∂y = y − d, not d − y." },
    { wrong: (y, d) => 2 * outputDelta(y, d), hint: "a factor 2 too many: the ½ in E cancels the 2 that differentiating the square brings down." },
    { wrong: (y, d) => 0.5 * outputDelta(y, d), hint: "a factor ½ too few: the ½ in E is used up cancelling the 2 from the square." },
    { wrong: (y, d) => (y - d) * y, hint: "the slope is y(1 − y): the factor (1 − y) is missing." },
    { wrong: (y, d) => (y - d) * (1 - y), hint: "the slope is y(1 − y): the factor y is missing." },
  ], "outputDelta gives (y − d) · y(1 − y)");
}

/**
 * Exercise: one case's ∂C_c/∂x for a logistic output unit under the cross-entropy
 * C_c = −[d ln y + (1 − d) ln(1 − y)], whose ∂C_c/∂y = (y − d) / y(1 − y). Its outputs stop
 * short of 0 and 1, where that error is infinite, but include confidently wrong ones.
 */
export function checkCrossEntropyDelta(student: (y: number, d: number) => unknown, seed = 2024): Verdict {
  const cases = [...outputs(seed).filter((y) => y > 0 && y < 1), 0.001, 0.999].flatMap((y): [number, number][] => [[y, 1], [y, 0]]);
  return checkCases("crossEntropyDelta", ["y", "d"], student, (y, d) => y - d, cases, [
    { wrong: outputDelta, hint: "that is squared error's ∂E_c/∂x, (y − d) · y(1 − y): under cross-entropy ∂C_c/∂y = (y − d) / y(1 − y), and the logistic's slope y(1 − y) cancels its denominator instead of staying." },
    { wrong: (y, d) => (y - d) / logisticDerivative(y), hint: "that is ∂C_c/∂y; to reach ∂C_c/∂x multiply by the logistic's slope y(1 − y), which cancels the denominator." },
    { wrong: (y, d) => d - y, hint: "check the sign: the error grows as y moves away from d, so ∂C_c/∂x = y − d, not d − y." },
    { wrong: (y, d) => (d - y) * logisticDerivative(y), hint: "that is squared error's ∂E_c/∂x with its sign flipped: under cross-entropy the slope y(1 − y) cancels, and the sign is that of y − d." },
    { wrong: (y, d) => unitCrossEntropy(y, d), hint: "that is the error C_c itself; the exercise asks for its derivative with respect to the net input x." },
  ], "crossEntropyDelta gives y − d");
}

type HiddenArgs = [y: number, dEdxAbove: number[], wAbove: number[]];
const hiddenDelta = (y: number, dEdxAbove: number[], wAbove: number[]) => dEdxOf(hiddenDEdy(dEdxAbove, wAbove), y);

/** Exercise: one case's ∂E_c/∂x for a hidden unit, from the ∂E_c/∂x of the units it feeds and its weights to them. */
export function checkHiddenDelta(student: (y: number, dEdxAbove: number[], wAbove: number[]) => unknown, seed = 7): Verdict {
  const random = makeRandom(seed);
  const draw = () => random() * 2 - 1;
  const cases: HiddenArgs[] = [
    [0.5, [-0.125], [1]],
    [0.8, [0.05, -0.02], [3, -8]],
    ...outputs(seed).map((y): HiddenArgs => [y, [draw(), draw(), draw()], [draw() * 5, draw() * 5, draw() * 5]]),
  ];
  return checkCases("hiddenDelta", ["y", "dEdxAbove", "wAbove"], student, hiddenDelta, cases, [
    { wrong: (_y, dx, w) => hiddenDEdy(dx, w), hint: "that is ∂E_c/∂y of the hidden unit; multiply by its slope y(1 − y) to get ∂E_c/∂x." },
    { wrong: (y, dx, w) => -hiddenDelta(y, dx, w), hint: "check the sign: the error flows back through the weights as they are, Σ_k ∂E_c/∂x_k · w_kj." },
    { wrong: (y, dx, w) => logisticDerivative(y) * dx[0]! * w[0]!, hint: "sum over every unit above, not only the first: each one's error reaches this unit." },
    { wrong: (y, dx, w) => y * hiddenDEdy(dx, w), hint: "the slope is y(1 − y), not y." },
  ], "hiddenDelta gives y(1 − y) · Σ_k ∂E_c/∂x_k w_kj");
}

type WeightArgs = [network: Network, cases: Case[], j: number, i: number];
const weightGradient = (network: Network, cases: Case[], j: number, i: number) => gradient(network, cases).dEdw.layers[0]!.weights[j]![i]!;

/** Exercise: ∂E/∂w_ji for a weight from input i to hidden unit j, over all 64 cases. */
export function checkWeightGradient(student: (network: Network, cases: Case[], j: number, i: number) => unknown, seed = 1): Verdict {
  const cases = symmetryCases();
  const seeds = [seed, seed + 1, seed + 2];
  const networks = seeds.map((s) => initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(s), 2));
  const args = networks.flatMap((network): WeightArgs[] => [[network, cases, 0, 0], [network, cases, 1, 4]]);
  // A case is named by how to rebuild it, not by its 17 weights and 64 cases.
  const show = ([network, cs, j, i]: WeightArgs) =>
    `network = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(${seeds[networks.indexOf(network)]}), 2), cases = all ${cs.length}, j = ${j}, i = ${i}`;
  const sumOverCases = (f: (c: Case, network: Network, j: number, i: number) => number) => (network: Network, cs: Case[], j: number, i: number) =>
    cs.reduce((s, c) => s + f(c, network, j, i), 0);
  return checkCases("weightGradient", ["network", "cases", "j", "i"], student, weightGradient, args, [
    { wrong: (n, cs, j, i) => backwardTrace(n, cs[0]!).dEdw.layers[0]!.weights[j]![i]!, hint: "sum over all the cases: E adds every case's error, and the paper changes weights once per sweep." },
    { wrong: (n, cs, j, i) => weightGradient(n, cs, j, i) / cs.length, hint: "E is a sum over cases, not a mean: do not divide by the number of cases." },
    { wrong: (n, cs, j, i) => -weightGradient(n, cs, j, i), hint: "check the sign: start from ∂E_c/∂y = y − d at the output." },
    { wrong: (n, cs, j, i) => 2 * weightGradient(n, cs, j, i), hint: "a factor 2 too many: the ½ in E cancels the 2 from the square." },
    {
      wrong: sumOverCases((c, n, j, i) => backwardTrace(n, c).dEdy[0]![j]! * c.input[i]!),
      hint: "the hidden unit's slope y(1 − y) is missing: ∂E_c/∂w_ji = ∂E_c/∂x_j · y_i, and ∂E_c/∂x_j = ∂E_c/∂y_j · y_j(1 − y_j).",
    },
  ], "weightGradient matches the backward pass", show);
}

type StepArgs = [w: number, g: number, previousDelta: number, ε: number, α: number];
const momentumDelta = (_w: number, g: number, previousDelta: number, ε: number, α: number) => weightChange(g, previousDelta, ε, α);

/** Exercise: one change Δw(t) = −ε ∂E/∂w + α Δw(t−1). */
export function checkMomentumStep(student: (w: number, g: number, previousDelta: number, ε: number, α: number) => unknown, seed = 11): Verdict {
  const random = makeRandom(seed);
  const cases: StepArgs[] = [
    [1, 0.5, 0.2, 0.1, 0.9],
    [0, 0, 0.3, 0.1, 0.9],
    [-2, 1.5, 0, 0.1, 0],
    ...Array.from({ length: 6 }, (): StepArgs => [random() * 4 - 2, random() * 2 - 1, random() - 0.5, 0.05 + random() * 0.2, random()]),
  ];
  return checkCases("momentumStep", ["w", "g", "previousDelta", "ε", "α"], student, momentumDelta, cases, [
    { wrong: (_w, g, p, ε, α) => ε * g + α * p, hint: "downhill means against the gradient: the ε term needs a minus sign." },
    { wrong: (_w, g, _p, ε) => -ε * g, hint: "the momentum term is missing: add α times the previous change." },
    { wrong: (_w, g, p, ε, α) => -ε * (g + α * p), hint: "α multiplies the previous change on its own; ε scales only the gradient." },
    { wrong: (w, g, p, ε, α) => w + momentumDelta(w, g, p, ε, α), hint: "return the change Δw(t), not the new weight w + Δw(t)." },
    { wrong: (w, g, _p, ε) => w - ε * g, hint: "that is plain gradient descent's new weight, w − ε ∂E/∂w: return the change Δw(t) alone, and add α times the previous change." },
    { wrong: (_w, g, p, ε, α) => -ε * g + (1 - α) * p, hint: "the previous change is kept with weight α, not (1 − α)." },
  ], "momentumStep gives −ε ∂E/∂w + α Δw(t−1)");
}

/** What the student predicts of the trained 6-2-1 weights before seeing them. */
export interface WeightPrediction {
  /** w_j1 + w_j6 (or any mirrored pair's sum) for a hidden unit j after training. */
  mirroredSum: number;
  /** The largest input weight's magnitude over the smallest's, in one hidden unit. */
  ratio: number;
}

/** The notebook's run as a checker names it: its settings, and whether they are the paper's. */
function runName(settings: typeof PAPER_SYMMETRY_SETTINGS): string {
  const { ε, α, seed, sweeps } = settings;
  const paper = (Object.keys(PAPER_SYMMETRY_SETTINGS) as (keyof typeof settings)[]).every((key) => settings[key] === PAPER_SYMMETRY_SETTINGS[key]);
  return `your run (ε = ${ε}, α = ${α}, seed ${seed}, ${sweeps.toLocaleString("en-US")} sweeps${paper ? ": our run at the paper's settings, as the notebooks follow it" : ""})`;
}

/**
 * Exercise: a prediction about the weights a run learns, checked against the reader's own
 * run: the notebook's settings (`useSettings`; the paper's run from seed 588 before any),
 * named in the verdict.
 */
export function checkPrediction(prediction: WeightPrediction): Verdict {
  const { ε, α, seed, sweeps } = { ...PAPER_SYMMETRY_SETTINGS, ...settingsInUse() };
  const run = paperRun(seed, { ε, α }, sweeps);
  const row = run.network.layers[0]!.weights[0]!;
  const mirrored = row[0]! + row[5]!;
  const magnitudes = row.map(Math.abs);
  const ratio = Math.max(...magnitudes) / Math.min(...magnitudes);
  const values = [prediction?.mirroredSum, prediction?.ratio];
  if (values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    return report(false, "✗ prediction needs two finite numbers, { mirroredSum, ratio }: fill them in above.");
  }
  const sumOk = Math.abs(prediction.mirroredSum - mirrored) < 0.5;
  const ratioOk = Math.abs(prediction.ratio - ratio) < 0.5;
  const unsolved = run.solvedAt === null ? ", though that run did not solve the task, so its weights need not show a solution's pattern" : "";
  const named = runName({ ε, α, seed, sweeps });
  if (sumOk && ratioOk) {
    return report(true, `✓ Well predicted: in ${named}, hidden unit L has w1 + w6 = ${(Math.abs(mirrored) < 0.005 ? 0 : mirrored).toFixed(2)} and a largest-to-smallest ratio of ${ratio.toFixed(2)}${unsolved}.`);
  }
  // A miss names which number is off but not the run's value: a student who sees it could copy it in.
  const off = [sumOk ? "" : "w1 + w6", ratioOk ? "" : "the ratio"].filter(Boolean).join(" and ");
  const hints = [
    sumOk ? "" : "think about a palindrome: for both hidden units to stay off, each mirrored pair must cancel.",
    ratioOk ? "" : "think about the three bits above the midpoint: with the smallest weight as the unit, which three whole sizes give all eight patterns different sums at the least total weight?",
  ].filter(Boolean);
  return report(false, `✗ Not quite: in ${named}, ${off} ${off.includes(" and ") ? "are" : "is"} more than 0.5 away from your prediction${unsolved}.\n  Hint: ${hints.join(" ")}`);
}

/** Every signed sum Σ_k u_k m_k with u_k ∈ {−1, 0, 1}, u ≠ 0, whose terms `keep` admits: the sends of the non-palindromes. */
function signedSums(m: readonly number[], keep: (u: number[]) => boolean = () => true): number[] {
  const sums: number[] = [];
  for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) for (let c = -1; c <= 1; c++) if ((a || b || c) && keep([a, b, c])) sums.push(a * m[0]! + b * m[1]! + c * m[2]!);
  return sums;
}

/** Exercise (notebook 06): the separation of pair magnitudes m = (m₁, m₂, m₃), the smallest |Σ_k u_k m_k| over u ≠ 0. */
export function checkSeparation(student: (m: number[]) => unknown, seed = 6): Verdict {
  const random = makeRandom(seed);
  const cases: [number[]][] = [
    [[1, 2, 4]], [[2, 3, 4]], [[1, 2, 3]], [[14.2, 3.6, 7.2]], [[3, 5, 7]], [[0, 2, 5]], [[2, 2, 5]],
    ...Array.from({ length: 6 }, (): [number[]] => [[random() * 10, random() * 10, random() * 10]]),
  ];
  const nearest = (sums: number[]) => Math.min(...sums.map(Math.abs));
  return checkCases("patternSeparation", ["m"], student, separation, cases, [
    { wrong: (m) => Math.min(...m), hint: "that is the smallest magnitude alone; a non-palindrome can differ from its mirror on two or three pairs, in opposite directions, so differences such as m₂ − m₁ can come nearer to 0." },
    { wrong: (m) => Math.max(...signedSums(m).map(Math.abs)), hint: "the separation is the nearest a non-palindrome comes to a palindrome's 0: the smallest size, not the largest." },
    { wrong: () => 0, hint: "leave out u = (0, 0, 0): that is a palindrome, which always sends 0; the separation is over the non-palindromes only." },
    { wrong: (m) => Math.min(...signedSums(m)), hint: "take the size |Σ_k u_k m_k|: a send below 0 lies as far from a palindrome's 0 as one above it." },
    { wrong: (m) => nearest(signedSums(m, (u) => u.some((v) => v === 0))), hint: "sums of all three magnitudes count too, such as m₁ + m₂ − m₃: a non-palindrome may differ from its mirror on every pair." },
  ], "patternSeparation gives the smallest |Σ_k u_k m_k| over u ≠ 0");
}

type TiedArgs = [histories: number[][][], dEdx: number[][][], j: number, i: number];

/** Exercise (notebook 09): ∂E/∂w_ji of an iterative net's shared weight, summed over its copies (time steps) and cases. */
export function checkTiedGradient(student: (histories: number[][][], dEdx: number[][][], j: number, i: number) => unknown, seed = 9): Verdict {
  const cases = shiftRegisterCases(4, 3);
  const seeds = [seed, seed + 1];
  const nets = new Map<number[][][], { net: IterativeNet; seed: number }>();
  const args = seeds.flatMap((s): TiedArgs[] => {
    // Weights within ±2, so that no copy's derivative vanishes beside the others'.
    const net = initIterative(4, 3, makeRandom(s), 2);
    const histories = cases.map((c) => stateHistory(net, c.input));
    const dEdx = cases.map((c) => backwardTrace(unroll(net), c).dEdx);
    nets.set(histories, { net, seed: s });
    return [[histories, dEdx, 1, 0], [histories, dEdx, 2, 2], [histories, dEdx, 0, 3]];
  });
  const truth = (h: number[][][], _d: number[][][], j: number, i: number) => tiedGradient(nets.get(h)!.net, cases).dEdw.weights[j]![i]!;
  const show = ([h, , j, i]: TiedArgs) => `the net initIterative(4, 3, makeRandom(${nets.get(h)!.seed}), 2) on the 16 shift-register cases, j = ${j}, i = ${i}`;
  /** Σ over cases c and copies t of ∂E_c/∂x_j(t + 1) · y_i(t + lag), the copies chosen by `copies`. */
  const summed = (copies: (T: number) => number[], lag = 0) => (h: number[][][], d: number[][][], j: number, i: number) =>
    d.reduce((s, dc, c) => s + copies(dc.length).reduce((sc, t) => sc + dc[t]![j]! * h[c]![t + lag]![i]!, 0), 0);
  const all = (T: number) => [...Array(T).keys()];
  return checkCases("tiedWeightGradient", ["histories", "dEdx", "j", "i"], student, truth, args, [
    { wrong: (h, d, j, i) => truth(h, d, j, i) / 3, hint: "that is the paper's average over the three copies, a third of ∂E/∂w: nudging the one shared weight nudges every copy at once, so their effects add." },
    { wrong: summed((T) => [T - 1]), hint: "that is only the copy between t = 2 and 3, nearest the error: add the copies of every time step." },
    { wrong: summed(() => [0]), hint: "that is only the copy between t = 0 and 1: add the copies of every time step." },
    { wrong: summed(all, 1), hint: "the copy between t and t + 1 multiplies ∂E_c/∂x_j(t + 1), which dEdx[c][t] holds, by the state it read, y_i(t) in histories[c][t], one step earlier." },
    { wrong: (h, d, j, i) => summed(all)(h, d, i, j), hint: "∂E/∂w_ji pairs ∂E_c/∂x of the unit the weight feeds, j, with the state of the unit it comes from, i." },
    { wrong: (h, d, j, i) => summed(all)(h.slice(0, 1), d.slice(0, 1), j, i), hint: "sum over every case as well as every copy: E adds the errors of all the cases." },
    { wrong: (h, d, j, i) => truth(h, d, j, i) / h.length, hint: "E is a sum over cases, not a mean: do not divide by the number of cases." },
  ], "tiedWeightGradient sums ∂E_c/∂x_j(t + 1) · y_i(t) over every copy and every case", show);
}

type MaskedArgs = [network: Network, cases: Case[], j: number, i: number];

/**
 * Exercise (notebook 08a): ∂E/∂w_ji of the family-trees net's first layer, over every
 * question, with the paper's margin, and 0 for a link Figure 3 leaves out (the mask).
 */
export function checkMaskedGradient(student: (network: Network, cases: Case[], j: number, i: number) => unknown, seed = 8): Verdict {
  const { margin } = PAPER_FAMILY_RUN;
  const cases = queries().map(queryCase);
  const seeds = [seed, seed + 1];
  const networks = seeds.map((s) => initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(s), 1));
  // Units 0–5 see the 24 person units (inputs 0–23), units 6–11 the 12 relationship units (inputs 24–35):
  // two links of each kind, and two that the figure leaves out (a relationship into the person group, a person into the relationship group).
  const args = networks.flatMap((network): MaskedArgs[] => [[network, cases, 0, 3], [network, cases, 8, 30], [network, cases, 2, 30], [network, cases, 9, 10]]);
  const truth = (network: Network, cs: Case[], j: number, i: number) => gradient(network, cs, margin).dEdw.layers[0]!.weights[j]![i]!;
  const show = ([network, cs, j, i]: MaskedArgs) =>
    `network = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(${seeds[networks.indexOf(network)]}), 1), cases = all ${cs.length} questions, j = ${j}, i = ${i}`;
  /** Σ_c ∂E_c/∂x_j · y_i over the cases, at the given margin, with or without the mask. */
  const summed = (m: number, masked: boolean) => (network: Network, cs: Case[], j: number, i: number) =>
    masked && network.layers[0]!.connected?.[j]?.[i] === false ? 0 : cs.reduce((s, c) => s + backwardTrace(network, c, m).dEdx[0]![j]! * c.input[i]!, 0);
  return checkCases("maskedWeightGradient", ["network", "cases", "j", "i"], student, truth, args, [
    { wrong: summed(margin, false), hint: "a link Figure 3 leaves out is not part of the network: its weight starts at 0 and must stay there, so it gets no gradient (0 where connected[j][i] is false)." },
    { wrong: summed(0, true), hint: "the family-trees error has a margin: pass margin 0.2 to backwardTrace, so that an output beyond 0.8 (wanted) or below 0.2 (not wanted) adds no error." },
    { wrong: (n, cs, j, i) => truth(n, cs, j, i) / cs.length, hint: "E is a sum over the questions, not a mean: do not divide by their number." },
    { wrong: (n, cs, j, i) => summed(margin, true)(n, cs.slice(0, 1), j, i), hint: "sum over all the questions: ∂E/∂w = Σ_c ∂E_c/∂w." },
    { wrong: (n, cs, j, i) => -truth(n, cs, j, i), hint: "check the sign: ∂E_c/∂w_ji = ∂E_c/∂x_j · y_i, with ∂E/∂y starting from y − d (or its margin form) at the output." },
  ], "maskedWeightGradient sums ∂E_c/∂x_j · y_i over the questions, with the margin, and gives 0 where Figure 3 has no link", show);
}
