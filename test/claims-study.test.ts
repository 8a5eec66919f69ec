/**
 * Key results of notebooks 07a and 07b, read from their executed copies and checked against
 * truths worked out independently: the vertex argument for the least-norm patterns, direct
 * training runs with the core, the equalised steps, and the counts that must add up.
 */
import { describe, expect, it } from "vitest";
import {
  CLAIMS_MIME, CLAIMS_STUDY, type Claims, hiddenArms, initNetwork, makeRandom, PLOTLY_MIME, SYMMETRY_ARCHITECTURE, symmetryCases, train,
} from "../src/index";
import { executedNotebook, outputData } from "./support/notebooks";

const [RUN_LENGTHS, WEIGHTS] = ["07a-claims-run-lengths", "07b-claims-weights"];

async function claims(name: string): Promise<Claims> {
  return Object.assign({}, ...outputData<Claims>(await executedNotebook(name), CLAIMS_MIME));
}

/** The progress bars' last count and the number of charts a notebook drew. */
async function barsAndCharts(name: string): Promise<{ last: string | undefined; charts: number }> {
  const notebook = await executedNotebook(name);
  // Jupyter may store a text output as a list of lines.
  const bars = outputData<string | string[]>(notebook, "text/html")
    .map((html) => [html].flat().join(""))
    .filter((html) => html.includes("training runs"));
  return { last: bars.at(-1), charts: outputData(notebook, PLOTLY_MIME).length };
}

const rule = { ε: 0.1, α: 0.9 };
const { seeds, grid } = CLAIMS_STUDY;
const count = (n: number) => n.toLocaleString("en-US");

describe("notebook 07a: how long a run takes, and where it stalls", () => {
  it("trains 1,000 runs, and a third of them solve by the paper's 1,425 sweeps, as the seed search of scripts/pick-seed.ts found", async () => {
    const c = await claims(RUN_LENGTHS);
    expect(c.runs).toBe(1000);
    expect(c.solvedBy1425).toBe(0.326);
    expect(c.solvedBy1425).toBeLessThan(c.solvedBy5000!);
    expect(c.solvedBy5000).toBeLessThan(c.solvedByCap!);
  });

  it("its late solver solves at the sweep a direct run of the core gives, after a stretch at E = 4", async () => {
    const c = await claims(RUN_LENGTHS);
    const run = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(c.lateSeed!)), symmetryCases(), { sweeps: 10_000, rule, stopWhenSolved: true });
    expect(run.solvedAt).toBe(c.lateSolvedAt);
    expect(run.solvedAt).toBeGreaterThan(5000);
    expect(Math.abs(run.losses[c.lateLeavesFour!]! - 4)).toBeLessThan(0.05);
    expect(c.lateLeavesFour! - c.lateAtFour!).toBeGreaterThan(1000);
  });

  it("its grid cell at the paper's settings agrees with direct runs of seeds 0–127", async () => {
    const c = await claims(RUN_LENGTHS);
    let solved = 0;
    for (let seed = 0; seed < 128; seed++) {
      const run = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed)), symmetryCases(), { sweeps: grid.cap, rule, stopWhenSolved: true });
      if (run.solvedAt !== null) solved++;
    }
    expect(c.paperShare).toBe(solved / 128);
  });

  it("counts every grid cell with a long-run step of 1 or more among the long steps, 0.05/(1 − 0.95) included", async () => {
    const c = await claims(RUN_LENGTHS);
    const long = grid.εs.flatMap((ε) => grid.αs.filter((α) => ε / (1 - α) > 0.999)).length;
    expect(long).toBe(9);
    expect(c.longSteps).toBe(long * grid.seeds);
  });

  it("every unsolved run is a plateau that answers no to everything, and they all escape", async () => {
    const c = await claims(RUN_LENGTHS);
    expect(c.saturated! + c.average! + c.partial!).toBe(c.unsolved);
    expect(c.noToAll).toBe(c.unsolved);
    expect(c.unsolved! / c.runs!).toBeCloseTo(1 - c.solvedByCap!, 12);
    expect(c.escaped).toBe(c.continued);
  });

  it("shows a progress bar that reached the total, and its four charts", async () => {
    const { last, charts } = await barsAndCharts(RUN_LENGTHS);
    const total = count(seeds + grid.εs.length * grid.αs.length * grid.seeds);
    expect(last).toContain(`${total} / ${total}`);
    // runs solved within s sweeps, seed 0's error, the grid's two heat maps
    expect(charts).toBe(4);
  });
});

describe("notebook 07b: the weights the runs end with", () => {
  it("trains the same 1,000 runs as 07a, with the same outcomes", async () => {
    const [a, b] = [await claims(RUN_LENGTHS), await claims(WEIGHTS)];
    expect(b.runs).toBe(a.runs);
    expect(b.unsolvedShare).toBe(a.unsolvedShare);
    expect(b.solvedRuns).toBe(a.runs! - a.unsolved!);
  });

  it("every solved run is antisymmetric and settles on 1:2:4 or on 2:3:4, on the side of the ridge where it solved", async () => {
    const c = await claims(WEIGHTS);
    expect(c.antisymmetric).toBe(c.solvedRuns);
    expect(c.oneTwoFour! + c.twoThreeFour!).toBe(c.solvedRuns);
    expect(c.oneTwoFour).toBeGreaterThan(c.twoThreeFour!);
    expect(c.twoThreeFour).toBeGreaterThan(0);
    expect(c.units).toBe(2 * c.solvedRuns!);
    expect(c.keptKind).toBeLessThanOrEqual(c.units!);
  });

  it("finds by brute force the least-norm patterns the vertex argument gives: 1:2:4 at √21, 2:3:4 at √29", async () => {
    const c = await claims(WEIGHTS);
    expect([c.binaryM1, c.binaryM2]).toEqual([0.25, 0.5]);
    expect([c.balancedM1, c.balancedM2]).toEqual([0.5, 0.75]);
    expect(c.leastBinary).toBeCloseTo(Math.sqrt(21), 9);
    expect(c.leastBalanced).toBeCloseTo(Math.sqrt(29), 9);
    expect(c.settledBinary! / c.leastBinary!).toBeLessThan(1.05);
    expect(c.settledBalanced! / c.leastBalanced!).toBeLessThan(1.05);
  });

  it("runs the wider nets at 6/(4 + H) of the 6-2-1 net's step, from the paper's ε and from the second one", async () => {
    const c = await claims(WEIGHTS);
    expect([c.eq3, c.eq4, c.eqSecond3, c.eqSecond4].map((ε) => Number(ε!.toFixed(4)))).toEqual([0.0857, 0.075, 0.0429, 0.0375]);
    const arms = hiddenArms().filter((arm) => arm.equalised && arm.H > 2);
    expect(arms.map((arm) => arm.ε)).toEqual([c.eq3, c.eq4, c.eqSecond3, c.eqSecond4]);
    expect(arms.map((arm) => arm.base)).toEqual([0.1, 0.1, CLAIMS_STUDY.hidden.secondε, CLAIMS_STUDY.hidden.secondε]);
  });

  it("shows a progress bar that reached the total, and its three charts", async () => {
    const { last, charts } = await barsAndCharts(WEIGHTS);
    const total = count(seeds * (1 + hiddenArms().length));
    expect(last).toContain(`${total} / ${total}`);
    // the ratio plane, the six orders, the wider nets' solved-share curves
    expect(charts).toBe(3);
  });
});
