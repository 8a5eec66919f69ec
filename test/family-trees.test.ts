import { describe, expect, it } from "vitest";
import {
  bestOfPermutation,
  bestPersonUnits,
  chanceEtaSquared,
  ENGLISH_TREE,
  etaSquared,
  FACTS,
  FAMILY_SETTING_RANGES,
  FAMILY_SETTINGS,
  FAMILY_STUDY_SETTINGS,
  FAMILY_TREES_ARCHITECTURE,
  familyRule,
  familySchedule,
  finiteDifferenceGradient,
  gradient,
  holdOut,
  initNetwork,
  ITALIAN_TREE,
  judge,
  makeRandom,
  outputErrorFromTarget,
  predict,
  maxDifference,
  type Network,
  PAPER_FAMILY_RUN,
  PAPER_FAMILY_SCHEDULE,
  PEOPLE,
  permutationP,
  personHinton,
  personUnitCodes,
  queries,
  queryCase,
  RELATIONSHIPS,
  settingProblem,
  train,
  treeAgreement,
  treeFacts,
} from "../src/index";

const answersTo = (person1: string, relationship: string) =>
  FACTS.filter((f) => f.person1 === person1 && f.relationship === relationship)
    .map((f) => f.person2)
    .sort();

describe("the facts derived from the trees", () => {
  it("count 112 triples, by relationship as the figure gives them", () => {
    // Counted by hand from Figure 2, per tree: 6 children with parents, 5 couples, 3 sibling
    // pairs, 2 grandchildren with 2 uncles and 2 aunts each, 4 aunts and uncles with 2 nieces/nephews.
    const perTree = { father: 6, mother: 6, husband: 5, wife: 5, son: 6, daughter: 6, uncle: 4, aunt: 4, brother: 3, sister: 3, nephew: 4, niece: 4 };
    for (const r of RELATIONSHIPS) expect(FACTS.filter((f) => f.relationship === r).length, r).toBe(2 * perTree[r]);
    expect(FACTS.length).toBe(112);
  });

  it("give 104 queries, the eight with two answers being the grandchildren's uncles and aunts", () => {
    const all = queries();
    expect(all.length).toBe(104);
    const double = all.filter((q) => q.answers.length === 2).map((q) => `${q.person1} ${q.relationship}`);
    expect(double.sort()).toEqual(
      ["Alfonso aunt", "Alfonso uncle", "Charlotte aunt", "Charlotte uncle", "Colin aunt", "Colin uncle", "Sophia aunt", "Sophia uncle"],
    );
    expect(all.every((q) => q.answers.length <= 2)).toBe(true);
  });

  it("include uncles and aunts by marriage, as the paper's Colin-has-two-aunts example needs", () => {
    expect(answersTo("Colin", "aunt")).toEqual(["Jennifer", "Margaret"]);
    expect(answersTo("Colin", "uncle")).toEqual(["Arthur", "Charles"]);
    expect(answersTo("Margaret", "nephew")).toEqual(["Colin"]);
    expect(answersTo("Charlotte", "father")).toEqual(["James"]);
  });

  it("come with their converses: every relationship read backwards is also a fact", () => {
    const converse: Record<string, [string, string]> = {
      father: ["son", "daughter"], mother: ["son", "daughter"], son: ["father", "mother"], daughter: ["father", "mother"],
      husband: ["wife", "wife"], wife: ["husband", "husband"], brother: ["brother", "sister"], sister: ["brother", "sister"],
      uncle: ["nephew", "niece"], aunt: ["nephew", "niece"], nephew: ["uncle", "aunt"], niece: ["uncle", "aunt"],
    };
    const sex = new Map(PEOPLE.map((p) => [p.name, p.sex]));
    const known = new Set(FACTS.map((f) => `${f.person1}|${f.relationship}|${f.person2}`));
    for (const f of FACTS) {
      const [ofMale, ofFemale] = converse[f.relationship]!;
      const back = sex.get(f.person1) === "male" ? ofMale : ofFemale;
      expect(known.has(`${f.person2}|${back}|${f.person1}`), `${f.person1} ${f.relationship} ${f.person2}`).toBe(true);
    }
  });

  it("are the same for both trees, person for person", () => {
    const counterpart = new Map(ENGLISH_TREE.people.map((p, k) => [p.name, ITALIAN_TREE.people[k]!.name]));
    const mapped = treeFacts(ENGLISH_TREE).map((f) => `${counterpart.get(f.person1)}|${f.relationship}|${counterpart.get(f.person2)}`);
    const italian = treeFacts(ITALIAN_TREE).map((f) => `${f.person1}|${f.relationship}|${f.person2}`);
    expect(mapped.sort()).toEqual(italian.sort());
  });

  it("place each person in a generation and branch of the tree", () => {
    const of = (name: string) => PEOPLE.find((p) => p.name === name)!;
    expect(of("Penelope")).toMatchObject({ generation: 1, branch: "left", nationality: "English" });
    expect(of("Charles")).toMatchObject({ generation: 2, branch: "right" });
    expect(of("Margaret")).toMatchObject({ generation: 2, branch: "left" });
    expect(of("Sophia")).toMatchObject({ generation: 3, branch: "both", nationality: "Italian", sex: "female" });
    expect(PEOPLE.filter((p) => p.generation === 1).length).toBe(8);
  });

  it("turn into cases with one person and one relationship on, and every answer on in the target", () => {
    const c = queryCase({ person1: "Colin", relationship: "aunt", answers: ["Jennifer", "Margaret"] });
    expect(c.input.length).toBe(36);
    expect(c.input.reduce((s, v) => s + v, 0)).toBe(2);
    expect(c.input[10]).toBe(1); // Colin is the 11th English person
    expect(c.input[24 + 7]).toBe(1); // aunt is the 8th relationship
    expect(c.target.reduce((s, v) => s + v, 0)).toBe(2);
    expect(c.target[8]! + c.target[4]!).toBe(2); // Jennifer and Margaret
  });
});

describe("the network of Figure 3", () => {
  it("links people to encoding units 1–6 only and relationships to units 7–12 only", () => {
    const network = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(1));
    const first = network.layers[0]!.weights;
    const live = (j: number, i: number) => first[j]![i] !== 0;
    let links = 0;
    first.forEach((row, j) => row.forEach((_, i) => (links += live(j, i) ? 1 : 0)));
    expect(links).toBe(24 * 6 + 12 * 6);
    for (let j = 0; j < 12; j++) for (let i = 0; i < 36; i++) if (live(j, i)) expect(j < 6).toBe(i < 24);
    expect(network.layers.map((l) => [l.weights.length, l.weights[0]!.length])).toEqual([[12, 36], [12, 12], [6, 12], [24, 6]]);
  });

  it("keeps the links it leaves out at exactly 0 through training with decay", () => {
    const cases = queries().slice(0, 20).map(queryCase);
    const run = train(initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(2), 1), cases, { sweeps: 50, rule: familyRule(0.1), margin: 0.2 });
    const first = run.network.layers[0]!.weights;
    for (let j = 0; j < 12; j++) for (let i = 0; i < 36; i++) if ((j < 6) !== (i < 24)) expect(first[j]![i]).toBe(0);
  });

  it("has a backward pass that matches finite differences, with the 0.2 margin", () => {
    // Weights up to ±1 so that units work away from their linear middle; a dozen queries keep it quick.
    const network = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(3), 1);
    const cases = queries().filter((_, k) => k % 9 === 0).map(queryCase);
    const { dEdw } = gradient(network, cases, PAPER_FAMILY_RUN.margin);
    expect(maxDifference(dEdw, finiteDifferenceGradient(network, cases, PAPER_FAMILY_RUN.margin))).toBeLessThan(1e-7);
  });

  it("reads the margin the rival way too: 0 within it, y − d outside, with a backward pass that matches finite differences", () => {
    expect([outputErrorFromTarget(0.85, 1, 0.2), outputErrorFromTarget(0.7, 1, 0.2), outputErrorFromTarget(0.15, 0, 0.2), outputErrorFromTarget(0.3, 0, 0.2)]).toEqual([0, 0.7 - 1, 0, 0.3]);
    const network = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(3), 1);
    const cases = queries().filter((_, k) => k % 9 === 0).map(queryCase);
    // No output sits within 1e-6 of a margin's edge here, where this error jumps: the slopes are those of smooth pieces.
    const outputs = cases.flatMap((c) => predict(network, c.input));
    expect(Math.min(...outputs.map((y) => Math.min(Math.abs(y - 0.2), Math.abs(y - 0.8))))).toBeGreaterThan(1e-4);
    const { dEdw } = gradient(network, cases, 0.2, "squaredFromTarget");
    expect(maxDifference(dEdw, finiteDifferenceGradient(network, cases, 0.2, 1e-6, "squaredFromTarget"))).toBeLessThan(1e-7);
    expect(maxDifference(dEdw, gradient(network, cases, 0.2).dEdw)).toBeGreaterThan(1e-3);
  });
});

/** A network whose outputs ignore the input: output k is logistic(bias k). */
function constantOutputs(biases: number[]): Network {
  const zeros = (m: number, n: number) => Array.from({ length: m }, () => new Array<number>(n).fill(0));
  return {
    layers: [
      { weights: zeros(12, 36), biases: new Array(12).fill(0) },
      { weights: zeros(12, 12), biases: new Array(12).fill(0) },
      { weights: zeros(6, 12), biases: new Array(6).fill(0) },
      { weights: zeros(24, 6), biases },
    ],
  };
}

describe("judging an answer", () => {
  const colinsAunts = { person1: "Colin", relationship: "aunt" as const, answers: ["Jennifer", "Margaret"] };
  const bias = (on: Record<number, number>) => Array.from({ length: 24 }, (_, k) => on[k] ?? -3);

  it("is strict when exactly the right people are above 0.5", () => {
    const j = judge(constantOutputs(bias({ 8: 3, 4: 3 })), colinsAunts);
    expect(j).toMatchObject({ strict: true, ranked: true, active: ["Margaret", "Jennifer"] });
  });

  it("is ranked but not strict when a right answer is most active yet below 0.5", () => {
    const j = judge(constantOutputs(bias({ 8: 3, 4: -0.5 })), colinsAunts);
    expect(j).toMatchObject({ strict: false, ranked: true, active: ["Jennifer"] });
  });

  it("is neither when someone else outranks a right answer", () => {
    const j = judge(constantOutputs(bias({ 8: 3, 4: 1, 0: 2 })), colinsAunts);
    expect(j).toMatchObject({ strict: false, ranked: false });
  });
});

describe("holding out queries", () => {
  it("splits the 104 into 100 and 4, the same way for the same seed", () => {
    const all = queries();
    const a = holdOut(all, 4, makeRandom(5));
    expect(a.train.length).toBe(100);
    expect(a.test.length).toBe(4);
    expect(new Set([...a.train, ...a.test]).size).toBe(104);
    expect(holdOut(all, 4, makeRandom(5))).toEqual(a);
    expect(holdOut(all, 4, makeRandom(6)).test).not.toEqual(a.test);
  });

  it("refuses to hold out more queries than there are", () => {
    expect(() => holdOut(queries(), 105, makeRandom(1))).toThrow(/cannot hold out 105 of 104/);
  });
});

describe("η², the share of spread a grouping explains", () => {
  it("is 1 for a grouping constant within groups, 0 for one that tells nothing", () => {
    expect(etaSquared([1, 1, 3, 3], ["a", "a", "b", "b"])).toBe(1);
    expect(etaSquared([1, 3, 1, 3], ["a", "a", "b", "b"])).toBe(0);
  });

  it("matches a case worked by hand, leaving out unlabelled items", () => {
    // Mean 1.5; group means 1 and 2: between 4 × 0.25 = 1; total 2.25 + 0.25 + 0.25 + 2.25 = 5.
    expect(etaSquared([0, 2, 1, 3, 100], ["a", "a", "b", "b", null])).toBeCloseTo(0.2, 12);
    expect(chanceEtaSquared(["a", "a", "b", "b", null])).toBeCloseTo(1 / 3, 12);
  });

  it("gives a small p-value to a real separation and a large one to noise", () => {
    const groups = Array.from({ length: 24 }, (_, k) => (k < 12 ? "a" : "b"));
    const separated = groups.map((g, k) => (g === "a" ? 1 : -1) + 0.01 * k);
    expect(permutationP(separated, groups, makeRandom(1))).toBeLessThan(0.01);
    const alternating = groups.map((_, k) => (k % 2 === 0 ? 1 : -1));
    expect(permutationP(alternating, groups, makeRandom(1))).toBeGreaterThan(0.5);
  });

  it("tests the best of several noise rows as picked after looking: a higher chance level and p than one row alone", () => {
    const random = makeRandom(7);
    const groups = Array.from({ length: 24 }, (_, k) => (k % 3 === 0 ? "a" : k % 3 === 1 ? "b" : "c"));
    const rows = Array.from({ length: 6 }, () => groups.map(() => random() - 0.5));
    const η2s = rows.map((w) => etaSquared(w, groups));
    const best = rows[η2s.indexOf(Math.max(...η2s))]!;
    const once = permutationP(best, groups, makeRandom(1));
    const ofSix = bestOfPermutation(rows, groups, makeRandom(1));
    expect(ofSix.p).toBeGreaterThan(once);
    expect(ofSix.chance).toBeGreaterThan(chanceEtaSquared(groups));
    // One row: the ordinary permutation test, shuffle for shuffle.
    expect(bestOfPermutation([best], groups, makeRandom(1)).p).toBe(once);
  });

  it("finds the unit that was built to code generation, and agreement across trees", () => {
    const network = constantOutputs(new Array(24).fill(0));
    const generationUnit = network.layers[0]!.weights[1]!;
    PEOPLE.forEach((p, i) => (generationUnit[i] = p.generation));
    const nationalityUnit = network.layers[0]!.weights[0]!;
    PEOPLE.forEach((p, i) => (nationalityUnit[i] = p.nationality === "English" ? 1 : -1));
    const codes = personUnitCodes(network, makeRandom(1));
    expect(codes.find((c) => c.unit === 2 && c.feature === "generation")!.η2).toBeCloseTo(1, 12);
    expect(codes.find((c) => c.unit === 2 && c.feature === "nationality")!.η2).toBeCloseTo(0, 12);
    expect(codes.find((c) => c.unit === 1 && c.feature === "nationality")!.η2).toBeCloseTo(1, 12);
    expect(treeAgreement(network)[1]).toBeCloseTo(1, 12);
    const best = bestPersonUnits(network, makeRandom(1));
    expect(best.find((c) => c.feature === "generation")).toMatchObject({ unit: 2, p: 0.001 });
    expect(best.find((c) => c.feature === "nationality")).toMatchObject({ unit: 1, p: 0.001 });
  });
});

describe("the family-trees settings", () => {
  it("takes notebook 08a's and 08b's settings as their prose describes them, and names a setting out of its range in one line", () => {
    expect(settingProblem(FAMILY_SETTINGS, FAMILY_SETTING_RANGES)).toBeNull();
    expect(settingProblem(FAMILY_STUDY_SETTINGS, FAMILY_SETTING_RANGES)).toBeNull();
    expect(settingProblem({ ...FAMILY_SETTINGS, laterα: 1 }, FAMILY_SETTING_RANGES)).toBe("laterα = 1 is out of range: laterα is a momentum, a number from 0 up to (not including) 1.");
    expect(settingProblem({ ...FAMILY_STUDY_SETTINGS, mapRuns: 0 }, FAMILY_SETTING_RANGES)).toMatch(/^mapRuns = 0 is out of range: mapRuns is a whole number from 1 to 64\.$/);
    expect(settingProblem({ ...FAMILY_SETTINGS, margin: 0.5 }, FAMILY_SETTING_RANGES)).toMatch(/^margin = 0\.5 is out of range/);
  });
});

describe("the family-trees schedule", () => {
  it("builds the paper's two phases from its named settings", () => {
    expect(familySchedule(PAPER_FAMILY_SCHEDULE)).toEqual(PAPER_FAMILY_RUN.rule);
    expect(familySchedule({ ...PAPER_FAMILY_SCHEDULE, earlySweeps: 5, laterε: 0.1 })[1]).toEqual({ fromSweep: 6, ε: 0.1, α: 0.9, decay: 0.002 });
  });
});

describe("Figure 4's layout", () => {
  it("puts each unit's weight from an English person beside the one from their Italian counterpart", () => {
    const network = constantOutputs(new Array(24).fill(0));
    network.layers[0]!.weights[1]![0] = 1.5; // unit 2 ← Christopher
    network.layers[0]!.weights[1]![12] = -2; // unit 2 ← Roberto
    const figure = personHinton(network);
    const text = figure.data[0]!["text"] as string[];
    const shapes = figure.layout["shapes"] as { fillcolor: string; x0: number; x1: number }[];
    const columns = 17; // 6 pairs and 5 blanks between them
    expect(shapes.length).toBe(12 * columns);
    expect(text[3]).toBe("unit 2 ← Christopher: 1.50");
    expect(text[4]).toBe("unit 2 ← Roberto: −2.00");
    expect(shapes[4]!.fillcolor).toBe("black");
    // Area ∝ |w|: side ∝ √|w|.
    expect((shapes[3]!.x1 - shapes[3]!.x0) / (shapes[4]!.x1 - shapes[4]!.x0)).toBeCloseTo(Math.sqrt(1.5 / 2), 12);
  });
});
