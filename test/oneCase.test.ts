import { describe, expect, it } from "vitest";
import {
  backwardTrace,
  type Case,
  error,
  FAMILY_TREES_ARCHITECTURE,
  familyRule,
  gradient,
  initNetwork,
  makeRandom,
  type Network,
  PAPER_FAMILY_RUN,
  queries,
  queryCase,
  type Rule,
  ruleAt,
  SYMMETRY_ARCHITECTURE,
  symmetryCases,
  train,
  unitError,
  zerosLike,
} from "../src/index";

const symmetry = symmetryCases();
const family = queries().slice(0, 40).map(queryCase);
const symmetryNet = (seed: number) => initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), 2);
const familyNet = (seed: number) => initNetwork(FAMILY_TREES_ARCHITECTURE, makeRandom(seed), 2);

/** Σ_c of the one-case ∂E/∂w, in case order from 0: the sum the batched pass forms. */
function summedOneCase(network: Network, cases: readonly Case[], margin: number): Network {
  const sum = zerosLike(network);
  for (const c of cases) {
    const { dEdw } = backwardTrace(network, c, margin);
    sum.layers.forEach((layer, l) => {
      layer.weights.forEach((row, j) => row.forEach((_, i) => (row[i]! += dEdw.layers[l]!.weights[j]![i]!)));
      layer.biases.forEach((_, j) => (layer.biases[j]! += dEdw.layers[l]!.biases[j]!));
    });
  }
  return sum;
}

/** E as the batch sums it: output unit by output unit, each over the cases in order. */
function summedE(network: Network, cases: readonly Case[], margin: number): number {
  const traces = cases.map((c) => backwardTrace(network, c, margin));
  const top = network.layers.length - 1;
  let E = 0;
  for (let j = 0; j < cases[0]!.target.length; j++) for (const t of traces) E += unitError(t.dEdy[top]![j]!);
  return E;
}

describe("the batched passes against the one-case reference", () => {
  it.each([1, 2, 42])("give the symmetry gradient and E of the summed one-case passes, bit for bit (seed %i)", (seed) => {
    const network = symmetryNet(seed);
    const batched = gradient(network, symmetry);
    expect(batched.dEdw).toEqual(summedOneCase(network, symmetry, 0));
    expect(batched.E).toBe(summedE(network, symmetry, 0));
    expect(batched.E).toBe(symmetry.reduce((E, c) => E + backwardTrace(network, c).E, 0));
  });

  it.each([0, 0.2])("give the family-trees gradient (masked links, one-hot inputs) of the summed one-case passes, bit for bit, with margin %f", (margin) => {
    const network = familyNet(3);
    const batched = gradient(network, family, margin);
    expect(batched.dEdw).toEqual(summedOneCase(network, family, margin));
    expect(batched.E).toBe(summedE(network, family, margin));
    expect(error(network, family, margin)).toBe(batched.E);
  });
});

/**
 * The paper's procedure written out independently: the one-case gradients summed, then
 * eq. 9 and the decay as plain arithmetic on every weight, sweep by sweep.
 */
function trainByHand(network: Network, cases: readonly Case[], rule: Rule, sweeps: number, margin: number): Network {
  let w = structuredClone(network);
  let previous = zerosLike(network);
  for (let sweep = 1; sweep <= sweeps; sweep++) {
    const g = summedOneCase(w, cases, margin);
    const { ε, α, decay = 0 } = ruleAt(rule, sweep);
    const next = structuredClone(w);
    const delta = zerosLike(w);
    next.layers.forEach((layer, l) => {
      const change = (value: number, grad: number, before: number, set: (d: number, v: number) => void) => {
        const d = -ε * grad + α * before;
        set(d, (value + d) * (1 - decay));
      };
      layer.weights.forEach((row, j) =>
        row.forEach((value, i) =>
          change(value, g.layers[l]!.weights[j]![i]!, previous.layers[l]!.weights[j]![i]!, (d, v) => {
            delta.layers[l]!.weights[j]![i] = d;
            row[i] = v;
          }),
        ),
      );
      layer.biases.forEach((value, j) =>
        change(value, g.layers[l]!.biases[j]!, previous.layers[l]!.biases[j]!, (d, v) => {
          delta.layers[l]!.biases[j] = d;
          layer.biases[j] = v;
        }),
      );
    });
    w = next;
    previous = delta;
  }
  return w;
}

describe("training against the one-case reference", () => {
  it("takes the symmetry run's steps (ε 0.1, α 0.9) bit for bit", () => {
    const network = symmetryNet(5);
    expect(train(network, symmetry, { sweeps: 12, rule: { ε: 0.1, α: 0.9 } }).network).toEqual(trainByHand(network, symmetry, { ε: 0.1, α: 0.9 }, 12, 0));
  });

  it("takes the family-trees schedule's steps (decay after each change, margins, masks, the switch at sweep 21) bit for bit", () => {
    const network = familyNet(6);
    const rule = familyRule(0.1);
    const { margin } = PAPER_FAMILY_RUN;
    const some = family.slice(0, 8);
    expect(train(network, some, { sweeps: 22, rule, margin }).network).toEqual(trainByHand(network, some, rule, 22, margin));
  });
});
