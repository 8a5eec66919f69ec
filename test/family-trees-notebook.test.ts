/**
 * Notebooks 08a's and 08b's key results, read from their executed copies: the facts 08a
 * counts, the schedule as printed stalling, 08b's fit map choosing the reproduction's
 * setting, and its study's shares adding up, with intervals ±3 points or narrower that
 * match their counts.
 */
import { describe, expect, it } from "vitest";
import {
  CLAIMS_MIME, type Claims, FAMILY_FIT_MAP, FAMILY_REPRODUCTION, FITS_RELIABLY, FAMILY_SEED, FAMILY_SPLIT, familyJobs, fitFamily, runFamily, wilsonInterval,
} from "../src/index";
import { executedNotebook, outputData } from "./support/notebooks";

async function claimsOf(name: string): Promise<Claims> {
  return Object.assign({}, ...outputData<Claims>(await executedNotebook(name), CLAIMS_MIME)) as Claims;
}

/** The claims of both notebooks, 08a's then 08b's (they agree on every key they share: a test below checks). */
async function claims(): Promise<Claims> {
  return { ...(await claimsOf("08a-family-trees")), ...(await claimsOf("08b-family-trees-study")) };
}

describe("notebooks 08a and 08b, family trees", () => {
  it("agree on the settings both show", async () => {
    const [task, study] = [await claimsOf("08a-family-trees"), await claimsOf("08b-family-trees-study")];
    const shared = Object.keys(study).filter((key) => key in task);
    expect(shared).toEqual(expect.arrayContaining(["reproductionε", "reproductionRange", "sweeps"]));
    for (const key of shared) expect(study[key], key).toBe(task[key]);
  });

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

  it("shows the printed step stuck within the paper's sweeps with decay and without, and only the run without decay leaving later", async () => {
    const c = await claims();
    expect([c["fittedNoDecay1500"], c["fittedDecay5000"]]).toEqual([0, 0]);
    expect(c["fittedNoDecay5000"]).toBeGreaterThan(50);
    expect(c["ENoDecay5000"]).toBeLessThan(c["EDecay5000"]! / 2);
    // The output weight's per-case parts cancel in their sum: the plateau's flatness is the sum over cases.
    expect(c["partsSum"]).toBeGreaterThan(10 * c["summed"]!);
  });

  it("judges the single run's held-out questions as the documented seeds do", async () => {
    const c = await claims();
    const run = runFamily({ seed: FAMILY_SEED, split: FAMILY_SPLIT, ...FAMILY_REPRODUCTION });
    expect(c["heldStrict"]).toBe(run.heldOut.filter((j) => j.strict).length);
    expect(c["heldRanked"]).toBe(run.heldOut.filter((j) => j.ranked).length);
  });

  it("trains the reproduction at the map's least departure that fits reliably, and the printed column never fits", async () => {
    const c = await claims();
    expect({ ε: c["choiceε"], range: c["choiceRange"] }).toEqual(FAMILY_REPRODUCTION);
    expect(c["choiceFitted"]! / FAMILY_FIT_MAP.runs).toBeGreaterThanOrEqual(FITS_RELIABLY);
    expect(c["printedFitted"]).toBe(0);
    // Every cell that multiplies the printed ε (0.01) and range (±0.3) by less, together, fits less reliably.
    const chosen = (FAMILY_REPRODUCTION.ε / 0.01) * (FAMILY_REPRODUCTION.range / 0.3);
    for (const range of FAMILY_FIT_MAP.ranges) {
      for (const ε of FAMILY_FIT_MAP.εs.filter((e) => (e / 0.01) * (range / 0.3) < chosen)) {
        expect(c[`fit_${range}_${ε}`.replace(/\./g, "p")]! / FAMILY_FIT_MAP.runs, `±${range}, ε ${ε}`).toBeLessThan(FITS_RELIABLY);
      }
    }
    expect(c["choiceDeparture"]).toBeCloseTo(chosen, 12);
    // Per start, not over the printed column's 128 runs: those are the same 32 starts at four scales.
    expect(c["printedHigh"]).toBeCloseTo(wilsonInterval(0, c["mapRuns"]!).high, 12);
  });

  it("has the map's cell for the chosen setting agree with its first run done directly", async () => {
    const c = await claims();
    const first = fitFamily(familyJobs(1, FAMILY_REPRODUCTION)[0]!);
    expect(first.fittedAt).not.toBeNull();
    expect(first.fittedAt).toBe(c["choiceFirstFitAt"]);
    expect(first.fittedAt).toBeLessThanOrEqual(1500);
  });

  it("gives each held-out share a 95% interval of ±3 points or less, and the fit share Wilson's interval on its count", async () => {
    const c = await claims();
    for (const key of ["strict", "ranked"]) {
      const [share, low, high, half] = [c[key === "strict" ? "shareStrict" : "shareRanked"]!, c[`${key}Low`]!, c[`${key}High`]!, c[`${key}Half`]!];
      expect(half, key).toBeLessThanOrEqual(0.03);
      expect(high - low).toBeCloseTo(2 * half, 12);
      expect((low + high) / 2).toBeCloseTo(share, 12);
    }
    const fit = wilsonInterval(c["fittedRuns"]!, c["runs"]!);
    expect([c["fitLow"], c["fitHigh"]]).toEqual([fit.low, fit.high]);
    expect(c["runs"]).toBe(c["studyRuns"]);
    expect(c["unseenRuns"]).toBe(c["runs"]! - c["mapRuns"]!);
  });

  it("brackets the network's held-out share between the sex-and-tree guess and the counterpart rule", async () => {
    const c = await claims();
    expect(c["sexTreeChance"]).toBeGreaterThan(1 / 6 - 0.02); // 1/6 for one answer, 1/15 for the few with two
    expect(c["sexTreeChance"]).toBeLessThan(c["shareStrict"]!);
    expect(c["shareStrict"]).toBeLessThan(c["counterpartShare"]!);
    expect(c["randomChance"]).toBeCloseTo(1 / 24, 12);
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
