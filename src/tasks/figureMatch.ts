import { type Network } from "../core/network";
import { trainTwoOnKernel } from "../kernel/trainRun";
import { FIGURE_1, PAPER_SYMMETRY_RUN, paperStart } from "./symmetry";

/** Every weight and bias of a network in one list, layer by layer, each unit's weights then its bias. */
export function flatten(network: Network): number[] {
  return network.layers.flatMap((layer) => layer.weights.flatMap((row, j) => [...row, layer.biases[j]!]));
}

/** The symmetry net with its two hidden units swapped: the same function, the other labelling. */
export function swapHidden(network: Network): Network {
  const [hidden, output] = network.layers as [Network["layers"][0], Network["layers"][0]];
  return {
    layers: [
      { weights: [hidden.weights[1]!, hidden.weights[0]!], biases: [hidden.biases[1]!, hidden.biases[0]!] },
      { weights: [[output.weights[0]![1]!, output.weights[0]![0]!]], biases: output.biases.slice() },
    ],
  };
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, k) => {
    ab += x * b[k]!;
    aa += x * x;
    bb += b[k]! * b[k]!;
  });
  return ab / Math.sqrt(aa * bb);
}

/**
 * How closely a symmetry net's weights point the way Figure 1's do: the cosine between
 * the two 17-number weight vectors, after labelling the hidden units whichever way
 * matches better. 1 is the figure's pattern at any scale.
 */
export function figureMatch(network: Network): { cosine: number; aligned: Network } {
  const figure = flatten(FIGURE_1);
  const asIs = cosine(flatten(network), figure);
  const swapped = swapHidden(network);
  const other = cosine(flatten(swapped), figure);
  return asIs >= other ? { cosine: asIs, aligned: network } : { cosine: other, aligned: swapped };
}

/** The outcome of the seed pick: the chosen seed and its match, and how many seeds passed. */
export interface SeedPick {
  seed: number;
  cosine: number;
  solvedAt: number;
  /** How many of the seeds tried pass the stopping test within the paper's sweeps. */
  solved: number;
}

/**
 * How the reproduction seed was chosen: train seeds 0 … count − 1 with the paper's settings
 * for its 1,425 sweeps; of those that pass the stopping test by then, keep the one whose
 * weights point most nearly the way Figure 1's do.
 */
export function pickReproductionSeed(count: number): SeedPick {
  let best = { seed: -1, cosine: -Infinity, solvedAt: 0 };
  let solved = 0;
  const { ε, α, sweeps } = PAPER_SYMMETRY_RUN;
  // Two seeds a call in the kernel's lanes: `paperRun`'s runs bit for bit (test/kernel.test.ts), a thousand in seconds.
  for (let seed = 0; seed < count; seed += 2) {
    const pair = trainTwoOnKernel(paperStart(seed), paperStart(Math.min(seed + 1, count - 1)), { sweeps, rule: { ε, α } });
    pair.slice(0, Math.min(2, count - seed)).forEach((run, k) => {
      if (run.solvedAt === null || run.stopped !== "sweeps") return;
      solved++;
      const { cosine } = figureMatch(run.network);
      if (cosine > best.cosine) best = { seed: seed + k, cosine, solvedAt: run.solvedAt };
    });
  }
  return { ...best, solved };
}
