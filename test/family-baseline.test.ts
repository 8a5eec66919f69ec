/** The family-trees baselines: the counterpart rule and the sex-and-tree guess, against facts read off the trees. */
import { describe, expect, it } from "vitest";
import { counterpart, counterpartAnswer, counterpartRight, FACTS, queries, sexAndTreeChance } from "../src/index";

const ask = (person1: string, relationship: string) => queries().find((q) => q.person1 === person1 && q.relationship === relationship)!;

describe("the counterpart rule", () => {
  it("pairs each person with the one at the same place in the other tree, both ways", () => {
    expect(counterpart("Colin")).toBe("Alfonso");
    expect(counterpart("Alfonso")).toBe("Colin");
    expect(counterpart("Christopher")).toBe("Roberto");
    expect(counterpart("Angela")).toBe("Jennifer");
  });

  it("copies Alfonso's two aunts back as Colin's, and is right on every question when nothing is held out", () => {
    expect(counterpartAnswer(ask("Colin", "aunt"), [])!.sort()).toEqual(["Jennifer", "Margaret"]);
    for (const q of queries()) expect(counterpartRight(q, []), `${q.person1} ${q.relationship}`).toBe(true);
    // Every one of the 112 triples is recovered from the other tree's.
    const copied = queries().flatMap((q) => counterpartAnswer(q, [])!.map((person2) => `${q.person1} ${q.relationship} ${person2}`));
    expect(new Set(copied)).toEqual(new Set(FACTS.map((f) => `${f.person1} ${f.relationship} ${f.person2}`)));
  });

  it("has nothing to copy when the counterpart's question is held out too", () => {
    const held = [ask("Colin", "sister"), ask("Alfonso", "sister")];
    expect(counterpartAnswer(held[0]!, held)).toBeNull();
    expect(counterpartRight(held[0]!, held)).toBe(false);
    expect(counterpartRight(held[0]!, [held[0]!])).toBe(true);
  });
});

describe("the sex-and-tree guess", () => {
  it("names one of six people of the answer's sex for one answer, the right pair of fifteen for two", () => {
    expect(sexAndTreeChance(ask("Victoria", "daughter"))).toBeCloseTo(1 / 6, 15);
    expect(sexAndTreeChance(ask("Colin", "aunt"))).toBeCloseTo(1 / 15, 15);
  });
});
