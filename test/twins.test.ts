import { describe, expect, it } from "vitest";
import { initNetwork, makeRandom, type Network, predict, SYMMETRY_ARCHITECTURE, symmetryCases, train, twinGap, twinHiddenUnits } from "../src/index";

const cases = symmetryCases();
const w0 = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(588), 0.3);
const rule = { ε: 0.1, α: 0.9 };

describe("twin hidden units", () => {
  const twins = twinHiddenUnits(w0);

  it("copies the first hidden unit's weights in, bias and weight out to the others, and leaves the original alone", () => {
    expect(twins.layers[0]!.weights[1]).toEqual(w0.layers[0]!.weights[0]);
    expect(twins.layers[0]!.biases[1]).toBe(w0.layers[0]!.biases[0]);
    expect(twins.layers[1]!.weights[0]![1]).toBe(w0.layers[1]!.weights[0]![0]);
    expect(twins.layers[1]!.biases).toEqual(w0.layers[1]!.biases);
    expect([twinGap(twins), twinGap(w0) > 0.1]).toEqual([0, true]);
  });

  it("measures a difference in any weight in, bias or weight out", () => {
    for (const [l, change] of [[0, (n: Network) => (n.layers[0]!.weights[1]![5]! += 0.25)], [0, (n: Network) => (n.layers[0]!.biases[1]! -= 0.25)], [1, (n: Network) => (n.layers[1]!.weights[0]![1]! += 0.25)]] as const) {
      const moved = twinHiddenUnits(w0);
      change(moved);
      expect(twinGap(moved), `layer ${l}`).toBeCloseTo(0.25, 12);
    }
  });

  it("stay twins through training, bit for bit, and never solve: in effect a 6-1-1 net", () => {
    const run = train(twins, cases, { sweeps: 5000, rule, snapshotEvery: 500 });
    expect(run.snapshots.map((s) => twinGap(s.network))).toEqual(run.snapshots.map(() => 0));
    expect(run.solvedAt).toBeNull();
    // The output reads one hidden unit through a weight twice as large.
    const [hidden, output] = run.network.layers as [Network["layers"][0], Network["layers"][0]];
    const single: Network = { layers: [{ weights: [hidden.weights[0]!], biases: [hidden.biases[0]!] }, { weights: [[2 * output.weights[0]![0]!]], biases: output.biases }] };
    for (const c of cases) expect(predict(run.network, c.input)[0]).toBeCloseTo(predict(single, c.input)[0]!, 12);
  });

  it("come apart from different starts", () => {
    expect(twinGap(train(w0, cases, { sweeps: 100, rule }).network)).toBeGreaterThan(0.1);
  });
});
