import { describe, expect, it } from "vitest";
import {
  atCap, equalisedε, FIGURE_1, forward, hiddenRoles, hiddenRow, initNetwork, makeRandom, type Network, plateauOf, type SeedOutcome, studyOnKernel, symmetryArchitecture,
  symmetryCases, train,
} from "../src/index";

describe("the 6-H-1 runs", () => {
  it("find the saturated plateau with any number of hidden units", () => {
    // Hidden units that tell no case apart and an output bias far below 0: "no" to all, output < 0.01.
    const flat = (H: number): Network => ({
      layers: [
        { weights: Array.from({ length: H }, () => Array(6).fill(0.01)), biases: Array(H).fill(0) },
        { weights: [Array(H).fill(0.1)], biases: [-8] },
      ],
    });
    for (const H of [2, 3, 4]) {
      const plateau = plateauOf(flat(H));
      expect(plateau.kind).toBe("saturated");
      expect(plateau.hiddenRange).toHaveLength(H);
    }
  });
});

describe("a row of the study", () => {
  const outcome = (seed: number, solvedAt: number | null, network: Network = FIGURE_1): SeedOutcome => ({ seed, ε: 0.1, α: 0.9, cap: 10_000, settle: 0, solvedAt, sweeps: solvedAt ?? 10_000, E: 0, network, settled: null });
  const saturated: Network = { layers: [FIGURE_1.layers[0]!, { weights: [[-0.1, -0.1]], biases: [-9] }] };

  it("counts shares by 1,425 and by the cap, saturated runs, and medians, as worked by hand", () => {
    const row = hiddenRow(2, [outcome(0, 300), outcome(1, 1425), outcome(2, 1426), outcome(3, null, saturated)], 10_000);
    expect(row).toEqual({ hidden: 2, runs: 4, solvedBy1425: 0.5, solvedByCap: 0.75, saturated: 0.25, median: 1425.5, medianOfSolved: 1425 });
  });
});

describe("a study read at another cap", () => {
  // 24 seeds at the paper's settings: by 1,500 sweeps some have solved, some not (both asserted below)
  const job = { H: 2, seeds: Array.from({ length: 24 }, (_, k) => k), ε: 0.1, α: 0.9, settle: 50 };
  const long = studyOnKernel({ ...job, cap: 4000, checkpoint: 1500 });

  it("is the study run afresh with that cap, bit for bit, for solved and unsolved runs alike", () => {
    const read = atCap(long, 1500);
    const fresh = studyOnKernel({ ...job, cap: 1500 });
    expect(read.filter((o) => o.solvedAt === null).length).toBeGreaterThan(0);
    expect(read.filter((o) => o.solvedAt !== null).length).toBeGreaterThan(0);
    expect(read).toEqual(fresh);
  });

  it("keeps the state only of runs unsolved at the checkpoint, and refuses a cap whose state was not kept", () => {
    expect(long.filter((o) => o.checkpoint !== undefined).map((o) => o.seed)).toEqual(long.filter((o) => o.solvedAt === null || o.solvedAt > 1500).map((o) => o.seed));
    expect(() => atCap(long, 1000)).toThrow(/unsolved at 1000 sweeps but its state there was not kept/);
  });
});

describe("the hidden units' roles", () => {
  it("find Figure 1's left and right units a needed mirror pair that split the non-palindromes", () => {
    const roles = hiddenRoles(FIGURE_1);
    expect(roles.antisymmetric).toBe(2);
    expect(roles.mostOpposed).toBeLessThan(-0.9999);
    expect(roles.needed).toBe(2);
    expect(roles.meanOnForOthers).toBe(1); // each non-palindrome turns on exactly one of the two
    expect(roles.mostOnForPalindromes).toBe(0);
  });

  it("see a copy of the left unit as a duplicate, and not needed when the output ignores it", () => {
    const [left, right] = FIGURE_1.layers[0]!.weights as [number[], number[]];
    const copy: Network = {
      layers: [
        { weights: [left, right, left.slice()], biases: [-1.1, -1.1, -1.1] },
        { weights: [[-8.8, -8.8, 0]], biases: [6.4] },
      ],
    };
    const roles = hiddenRoles(copy);
    expect(roles.mostAlike).toBe(1);
    expect(roles.largestCorrelation).toBeCloseTo(1, 12);
    expect(roles.needed).toBe(2);
  });
});

describe("equalisedε", () => {
  const cases = symmetryCases();
  const netInput = (net: Network, input: readonly number[]) => {
    const hidden = forward(net, input)[1]!;
    return net.layers[1]!.biases[0]! + net.layers[1]!.weights[0]!.reduce((sum, w, j) => sum + w * hidden[j]!, 0);
  };
  /** The first sweep's change of the output's net input, averaged over the cases, per unit of −ε Σ_c ∂E/∂x_o. */
  const push = (H: number, seed: number, ε: number) => {
    const net = initNetwork(symmetryArchitecture(H), makeRandom(seed), 0.3);
    const dEdxo = cases.reduce((sum, c) => {
      const y = forward(net, c.input)[2]![0]!;
      return sum + (y - c.target[0]!) * y * (1 - y);
    }, 0);
    const after = train(net, cases, { sweeps: 1, rule: { ε, α: 0.9 } }).network;
    const change = cases.reduce((sum, c) => sum + netInput(after, c.input) - netInput(net, c.input), 0) / cases.length;
    return change / (-ε * dEdxo);
  };

  it("is 6/(4 + H) of ε: the 6-2-1 net's own step, 0.0857 for three hidden units, 0.075 for four", () => {
    expect(equalisedε(0.1, 2)).toBeCloseTo(0.1, 15);
    expect(equalisedε(0.1, 3)).toBeCloseTo(0.6 / 7, 15);
    expect(equalisedε(0.1, 4)).toBeCloseTo(0.075, 15);
  });

  it("gives a fresh 6-H-1 net's first sweep the push on the output's net input that the 6-2-1 net gets at ε", () => {
    const seeds = Array.from({ length: 10 }, (_, seed) => seed);
    // Per unit of ε, a wider net pushes harder: about 1 + H/4 times the bias's push (hidden outputs are near ½, not at it)...
    for (const seed of seeds) for (const H of [2, 3, 4]) expect(Math.abs(push(H, seed, 0.1) / (1 + H / 4) - 1), `H ${H}, seed ${seed}`).toBeLessThan(0.15);
    // ...so over many starts, at equalisedε every width pushes as the 6-2-1 net does at ε; at ε itself, a third more with four units.
    const mean = (H: number, ε: number) => seeds.reduce((sum, seed) => sum + ε * push(H, seed, ε), 0) / seeds.length;
    for (const H of [3, 4]) expect(Math.abs(mean(H, equalisedε(0.1, H)) / mean(2, 0.1) - 1), `H ${H}`).toBeLessThan(0.03);
    expect(mean(4, 0.1) / mean(2, 0.1)).toBeGreaterThan(1.25);
  });
});
