/**
 * Key results of notebook 07, read from its executed copy and checked against truths
 * worked out independently: the vertex argument for the least-norm patterns, direct
 * training runs with the core, and the counts that must add up.
 */
import { describe, expect, it } from "vitest";
import { CLAIMS_MIME, CLAIMS_STUDY, type Claims, initNetwork, makeRandom, PLOTLY_MIME, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";
import { executedNotebook, outputData } from "./support/notebooks";

async function claims(): Promise<Claims> {
  return Object.assign({}, ...outputData<Claims>(await executedNotebook("07-claims-on-trial"), CLAIMS_MIME));
}

const rule = { ε: 0.1, α: 0.9 };

describe("notebook 07: the blog's claims on trial", () => {
  it("trains 1,000 runs, and a third of them solve by the paper's 1,425 sweeps, as the seed search of scripts/pick-seed.ts found", async () => {
    const c = await claims();
    expect(c.runs).toBe(1000);
    expect(c.solvedBy1425).toBe(0.326);
    expect(c.solvedBy1425).toBeLessThan(c.solvedBy5000!);
    expect(c.solvedBy5000).toBeLessThan(c.solvedByCap!);
  });

  it("its late solver solves at the sweep a direct run of the core gives", async () => {
    const c = await claims();
    const run = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(c.lateSeed!)), symmetryCases(), { sweeps: 10_000, rule, stopWhenSolved: true });
    expect(run.solvedAt).toBe(c.lateSolvedAt);
    expect(run.solvedAt).toBeGreaterThan(5000);
  });

  it("its grid cell at the paper's settings agrees with direct runs of seeds 0–127", async () => {
    const c = await claims();
    let solved = 0;
    for (let seed = 0; seed < 128; seed++) {
      const run = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed)), symmetryCases(), { sweeps: CLAIMS_STUDY.grid.cap, rule, stopWhenSolved: true });
      if (run.solvedAt !== null) solved++;
    }
    expect(c.paperShare).toBe(solved / 128);
  });

  it("every unsolved run is a plateau that answers no to everything, and the sampled ones all escape", async () => {
    const c = await claims();
    expect(c.saturated! + c.average! + c.partial!).toBe(c.unsolved);
    expect(c.noToAll).toBe(c.unsolved);
    expect(c.unsolved! / c.runs!).toBeCloseTo(1 - c.solvedByCap!, 12);
    expect(c.escaped).toBe(c.continued);
  });

  it("every solved run is antisymmetric and settles on 1:2:4 or on 2:3:4", async () => {
    const c = await claims();
    expect(c.antisymmetric).toBe(c.solvedRuns);
    expect(c.oneTwoFour! + c.twoThreeFour!).toBe(c.solvedRuns);
    expect(c.oneTwoFour).toBeGreaterThan(c.twoThreeFour!);
    expect(c.twoThreeFour).toBeGreaterThan(0);
  });

  it("finds by brute force the least-norm patterns the vertex argument gives: 1:2:4 at √21, 2:3:4 at √29", async () => {
    const c = await claims();
    expect([c.binaryS1, c.binaryS2]).toEqual([0.25, 0.5]);
    expect([c.balancedS1, c.balancedS2]).toEqual([0.5, 0.75]);
    expect(c.leastBinary).toBeCloseTo(Math.sqrt(21), 9);
    expect(c.leastBalanced).toBeCloseTo(Math.sqrt(29), 9);
    expect(c.settledBinary! / c.leastBinary!).toBeLessThan(1.05);
    expect(c.settledBalanced! / c.leastBalanced!).toBeLessThan(1.05);
  });

  it("shows a progress bar that reached the total, and its charts", async () => {
    const notebook = await executedNotebook("07-claims-on-trial");
    // Jupyter may store a text output as a list of lines.
    const bars = outputData<string | string[]>(notebook, "text/html")
      .map((html) => [html].flat().join(""))
      .filter((html) => html.includes("training runs"));
    const { seeds, grid, hidden } = CLAIMS_STUDY;
    const total = (seeds * (1 + hidden.units.length) + grid.εs.length * grid.αs.length * grid.seeds).toLocaleString("en-US");
    expect(bars.at(-1)).toContain(`${total} / ${total}`);
    // six charts of the study, one of the sixth claim (more hidden units)
    expect(outputData(notebook, PLOTLY_MIME).length).toBe(7);
  });
});
