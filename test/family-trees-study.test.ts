/**
 * The family-trees study and fit map: intervals against hand-worked and published values,
 * outcomes independent of the number of workers, and map cells against direct runs.
 */
import { describe, expect, it } from "vitest";
import {
  FAMILY_TREES_ARCHITECTURE,
  familyJobs,
  familyRule,
  fitFamilies,
  fitFamily,
  fitMapChart,
  fitMapCells,
  departure,
  smallestReliable,
  fitMapJobs,
  heldOutShare,
  holdOut,
  initNetwork,
  judge,
  makeRandom,
  PAPER_FAMILY_RUN,
  queries,
  queryCase,
  runFamilies,
  runFamily,
  runLevelInterval,
  train,
  wilsonInterval,
} from "../src/index";

describe("Wilson's interval", () => {
  it("matches Newcombe's (1998) published score intervals", () => {
    // Newcombe, Statistics in Medicine 17:857, Table I, method 3, to four decimals.
    const published: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [hits, n, low, high] of published) {
      const w = wilsonInterval(hits, n);
      expect(w.low, `${hits}/${n}`).toBeCloseTo(low, 4);
      expect(w.high, `${hits}/${n}`).toBeCloseTo(high, 4);
    }
  });

  it("gives all of 10 a lower end of 10/(10 + z²), not a point", () => {
    const z2 = 1.959963984540054 ** 2;
    const w = wilsonInterval(10, 10);
    expect(w.high).toBe(1);
    expect(w.low).toBeCloseTo(10 / (10 + z2), 12);
  });

  it("refuses counts that are not a share", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(/5 is not a whole number of hits out of 4/);
    expect(() => wilsonInterval(0, 0)).toThrow(/at least 1 outcome/);
  });
});

describe("the run-level interval", () => {
  it("matches a case worked by hand", () => {
    // Hits 4, 0, 2, 2 of 4: p̂ = 8/16 = ½; deviations from ½·4 are 2, −2, 0, 0, squares sum to 8;
    // se² = 4/3 · 8 / 16² = 1/24; if the 16 answers were independent, p̂(1 − p̂)/16 = 1/64.
    const r = runLevelInterval([4, 0, 2, 2].map((hits) => ({ hits, of: 4 })));
    expect(r.share).toBe(0.5);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 24), 14);
    expect(r.high - r.share).toBeCloseTo(1.959963984540054 * Math.sqrt(1 / 24), 14);
    expect(r.designEffect).toBeCloseTo(64 / 24, 12);
  });

  it("is narrower than Wilson's on answers when runs agree with each other, wider when a run's answers go together", () => {
    const even = runLevelInterval([2, 2, 2, 2, 2, 2].map((hits) => ({ hits, of: 4 })));
    expect(even.se).toBe(0);
    const together = runLevelInterval([4, 0, 4, 0, 4, 0].map((hits) => ({ hits, of: 4 })));
    const byAnswer = wilsonInterval(12, 24);
    expect(together.high - together.low).toBeGreaterThan(byAnswer.high - byAnswer.low);
    expect(together.designEffect).toBeCloseTo(4 * 6 / 5, 12); // all four answers alike: the effect is the run size, times K/(K − 1)
  });

  it("needs two runs to see a spread", () => {
    expect(() => runLevelInterval([{ hits: 1, of: 4 }])).toThrow(/at least 2 runs/);
  });
});

describe("the study's runs", () => {
  it("each have their own weight seed and split, from streams that never coincide", () => {
    const jobs = familyJobs(3, { ε: 0.1, range: 1 });
    expect(jobs.map((j) => [j.seed, j.split])).toEqual([[1, 1001], [2, 1002], [3, 1003]]);
  });

  it("give the core's outcomes, and so its shares, through the kernel on one, two or three workers", async () => {
    const jobs = familyJobs(5, { ε: 0.1, range: 2 }).map((j) => ({ ...j, sweeps: 60 }));
    const here = jobs.map(runFamily);
    for (const workers of [1, 2, 3]) {
      const pooled = await runFamilies(jobs, { workers });
      expect(pooled, `${workers} workers`).toEqual(here);
      expect(heldOutShare(pooled, "strict")).toEqual(heldOutShare(here, "strict"));
    }
  });

  it("count a held-out share over every answer of every run", () => {
    const study = familyJobs(3, { ε: 0.1, range: 2 }).map((j) => runFamily({ ...j, sweeps: 30 }));
    const right = study.flatMap((o) => o.heldOut).filter((j) => j.ranked).length;
    expect(heldOutShare(study, "ranked").byRun.share).toBe(right / 12);
  });
});

describe("the fit map", () => {
  const map = { ranges: [0.3, 1], εs: [0.01, 0.1], runs: 2 };

  it("stops a run at the sweep it fits, which is the full run's first fitting sweep", () => {
    const job = { ...familyJobs(1, { ε: 0.1, range: 1 })[0]!, sweeps: 600 };
    const fit = fitFamily(job);
    expect(fit.fittedAt).not.toBeNull();
    expect(fit.fittedAt).toBe(runFamily(job).fittedAt);
  });

  it("has cells that agree with direct runs of the paper's schedule, fitted or not, on two workers", async () => {
    const fits = await fitFamilies(fitMapJobs(map), { workers: 2 });
    const cells = fitMapCells(map, fits);
    expect(cells.map((row) => row.map((c) => [c.range, c.ε, c.runs]))).toEqual([
      [[0.3, 0.01, 2], [0.3, 0.1, 2]],
      [[1, 0.01, 2], [1, 0.1, 2]],
    ]);
    // Directly: the split's 100 training queries, the seed's weights, trained with the printed
    // schedule but ε; fitted after k sweeps means every training query strictly right, judged one by one.
    const direct = (seed: number, split: number, ε: number, range: number, sweeps: number) => {
      const trainQueries = holdOut(queries(), 4, makeRandom(split)).train;
      const initial = initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(seed), range);
      const net = train(initial, trainQueries.map(queryCase), { sweeps, rule: familyRule(ε), margin: PAPER_FAMILY_RUN.margin }).network;
      return trainQueries.every((q) => judge(net, q).strict);
    };
    const [seedA, seedB] = [1, 2];
    const fitted = fits.filter((f) => f.range === 1 && f.ε === 0.1);
    expect(cells[1]![1]!.fitted).toBe(fitted.filter((f) => f.fittedAt !== null).length);
    for (const [k, f] of fitted.entries()) {
      expect(f.seed).toBe([seedA, seedB][k]);
      if (f.fittedAt === null) continue;
      expect(direct(f.seed, f.split, 0.1, 1, f.fittedAt)).toBe(true);
      expect(direct(f.seed, f.split, 0.1, 1, f.fittedAt - 1)).toBe(false);
    }
    // The printed corner: nothing fits, and the first run is not fitted after all 1,500 sweeps.
    expect(cells[0]![0]!.fitted).toBe(0);
    expect(direct(1, 1001, 0.01, 0.3, PAPER_FAMILY_RUN.sweeps)).toBe(false);
  });

  it("is charted with the printed corner top left, each cell's count as its label and its interval on hover", () => {
    const fits = fitMapJobs(map).map((j) => ({ ...j, fittedAt: j.ε === 0.1 && (j.range === 1 || j.seed === 1) ? 300 : null }));
    const figure = fitMapChart(fitMapCells(map, fits), "map");
    const trace = figure.data[0]!;
    expect(trace["x"]).toEqual(["0.01", "0.1"]);
    // The axes say what they vary: the ε from sweep 21 on (the first 20 sweeps keep the printed 0.005), and the initial range.
    expect(figure.layout["xaxis"]).toMatchObject({ title: { text: "later ε (from sweep 21)" } });
    expect(figure.layout["yaxis"]).toMatchObject({ title: { text: "initial range ±r" } });
    expect(trace["y"]).toEqual(["±0.3", "±1"]);
    expect(trace["z"]).toEqual([[0, 0.5], [0, 1]]);
    expect(trace["text"]).toEqual([["0/2", "1/2"], ["0/2", "2/2"]]);
    // 2 of 2: Wilson's lower end is 2/(2 + z²) = 34%.
    expect((trace["customdata"] as string[][])[1]![1]).toBe("±1, ε 0.1: 2 of 2 runs fit<br>95% Wilson interval 34%–100%");
  });

  it("refuses outcomes that do not fill every cell", () => {
    expect(() => fitMapCells(map, [])).toThrow(/has 0 runs, not 2/);
  });

  it("measures a departure by the factors on the printed ε and the ±0.3 range, and picks the least that fits reliably", () => {
    expect(departure({ ε: 0.01, range: 0.3 })).toBeCloseTo(1, 12);
    expect(departure({ ε: 0.1, range: 1 })).toBeCloseTo(100 / 3, 12); // 10 × 3⅓
    expect(departure({ ε: 0.07, range: 2 })).toBeCloseTo(140 / 3, 12); // 7 × 6⅔
    const cell = (range: number, ε: number, fitted: number) => ({ range, ε, fitted, runs: 32, interval: wilsonInterval(fitted, 32) });
    // 29/32 at the smaller ε but the larger departure loses to 28/32; 27/32 (84%) is not reliable
    const cells = [[cell(1, 0.07, 27), cell(1, 0.1, 28)], [cell(2, 0.07, 29), cell(2, 0.1, 32)]];
    expect(smallestReliable(cells)).toMatchObject({ range: 1, ε: 0.1 });
    expect(smallestReliable(cells, 0.9)).toMatchObject({ range: 2, ε: 0.07 });
    expect(smallestReliable(cells, 1.01)).toBeNull();
  });
});
