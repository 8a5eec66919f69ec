/**
 * Our core against TensorFlow.js (CPU backend, float32) on the paper's symmetry run: the
 * same 6-2-1 net from the same initial weights (seed 588), the same rule (ε 0.1, α 0.9,
 * full sweeps). Prints how far the two gradients differ and the speed ratio over all 1,425 sweeps.
 */
import { FIGURE_1, gradient, initNetwork, makeRandom, maxDifference, PAPER_SYMMETRY_RUN, REPRODUCTION_SEED, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";
import { tfjsGradient, tfjsTrain } from "../test/support/tfjsSymmetry";

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

export async function benchTfjs(): Promise<void> {
  const cases = symmetryCases();
  const { ε, α, sweeps } = PAPER_SYMMETRY_RUN;
  const initial = initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(REPRODUCTION_SEED));

  let worst = 0;
  for (const network of [initial, FIGURE_1]) worst = Math.max(worst, maxDifference(gradient(network, cases).dEdw, (await tfjsGradient(network, cases)).dEdw));
  console.log(`TF.js gradient vs ours (seed ${REPRODUCTION_SEED}'s initial weights and Figure 1): largest difference ${worst.toExponential(2)}  [float32 rounding]`);

  const oursTimes: number[] = [];
  let ours = train(initial, cases, { sweeps, rule: { ε, α } });
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now();
    ours = train(initial, cases, { sweeps, rule: { ε, α } });
    oursTimes.push(performance.now() - t0);
  }
  const theirsTimes: number[] = [];
  let theirs = await tfjsTrain(initial, cases, sweeps, { ε, α });
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    theirs = await tfjsTrain(initial, cases, sweeps, { ε, α });
    theirsTimes.push(performance.now() - t0);
  }
  const [a, b] = [median(oursTimes), median(theirsTimes)];
  console.log(`full ${sweeps.toLocaleString("en-US")}-sweep run: ours ${a.toFixed(1)} ms, TF.js ${b.toFixed(0)} ms (medians of ${oursTimes.length} and ${theirsTimes.length} warm runs): ours is ${(b / a).toFixed(0)}× faster`);
  console.log(`  after the run: E ours ${ours.losses[sweeps]!.toFixed(6)}, TF.js ${theirs.E.toFixed(6)}; largest weight difference ${maxDifference(ours.network, theirs.network).toExponential(2)}`);
}
