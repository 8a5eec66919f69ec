/**
 * Notebook 08's key results, read from its executed copy: the facts it counts, the
 * schedule as printed stalling, the reproduction fitting, and the study's shares adding up.
 */
import { describe, expect, it } from "vitest";
import { CLAIMS_MIME, type Claims, FAMILY_REPRODUCTION, FAMILY_SEED, FAMILY_SPLIT, runFamily } from "../src/index";
import { executedNotebook, outputData } from "./support/notebooks";

async function claims(): Promise<Claims> {
  return Object.assign({}, ...outputData<Claims>(await executedNotebook("08-family-trees"), CLAIMS_MIME)) as Claims;
}

describe("notebook 08, family trees", () => {
  it("counts 112 triples, 104 questions, 8 with two answers", async () => {
    expect(await claims()).toMatchObject({ triples: 112, queries: 104, twoAnswers: 8, firstLayerLinks: 216 });
  });

  it("shows the printed schedule stuck on its plateau and the reproduction fitting all 100", async () => {
    const c = await claims();
    expect(c["fittedPrinted"]).toBe(0);
    expect(c["fittedSlower"]).toBe(0);
    expect(c["outputSpread"]).toBeLessThan(1e-3);
    expect(c["fittedReproduction"]).toBe(100);
  });

  it("judges the single run's held-out questions as the documented seeds do", async () => {
    const c = await claims();
    const run = runFamily({ seed: FAMILY_SEED, split: FAMILY_SPLIT, ...FAMILY_REPRODUCTION });
    expect(c["heldStrict"]).toBe(run.heldOut.filter((j) => j.strict).length);
    expect(c["heldRanked"]).toBe(run.heldOut.filter((j) => j.ranked).length);
  });

  it("states study shares that are whole counts of its 4 answers per run, ranked at least as often as strict", async () => {
    const c = await claims();
    const answers = c["heldAnswers"]!;
    expect(answers).toBe(4 * c["runs"]!);
    for (const key of ["shareStrict", "shareRanked"]) {
      const count = c[key]! * answers;
      expect(Math.abs(count - Math.round(count)), key).toBeLessThan(1e-9);
    }
    expect(c["shareRanked"]).toBeGreaterThanOrEqual(c["shareStrict"]!);
  });

  it("finds nationality and generation units in most runs, and no unit coding person 1's sex", async () => {
    const c = await claims();
    expect(c["nationalityRuns"]).toBeGreaterThan(c["runs"]! / 2);
    expect(c["generationRuns"]).toBeGreaterThan(c["runs"]! / 2);
    expect(c["sexRuns"]).toBe(0);
  });
});
