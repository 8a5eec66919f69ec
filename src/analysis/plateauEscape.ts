/**
 * Why the saturated plateau is squared error's: at an output that is confidently wrong,
 * squared error's ∂E/∂x_o = (y − d) y(1 − y) all but vanishes, while cross-entropy's is
 * y − d. A run stuck on that plateau is given more sweeps with each error, the step rule
 * otherwise the same, so the error is the only thing that differs.
 */
import { gradient } from "../core/backward";
import { type Loss } from "../core/loss";
import { initNetwork } from "../core/network";
import { makeRandom } from "../core/random";
import { train } from "../core/train";
import { PAPER_SYMMETRY_RUN, SYMMETRY_ARCHITECTURE, symmetryCases } from "../tasks/symmetry";
import { type PlateauKind, plateauOf } from "./plateau";

export interface GoingOn {
  loss: Loss;
  α: number;
  /** Sweeps after the switch until every case was on the right side of 0.5, or null within `more`. */
  solvedAfter: number | null;
  kind: PlateauKind | "solved";
  /** Where it ended, read as a plateau (its E there is squared error's). */
  ended: ReturnType<typeof plateauOf>;
  /** E at the end, under the error it was trained with. */
  E: number;
}

export interface PlateauEscape {
  /** The paper's run of the seed, where it stood after `sweeps`. */
  plateau: ReturnType<typeof plateauOf>;
  /** Σ ∂E_c/∂x_o over the 8 palindromes there, the push that would raise their answers, with each error. */
  palindromeSignal: Record<"squared" | "crossEntropy", number>;
  goingOn: GoingOn[];
}

/**
 * The paper's run of `seed` for `sweeps`, then `more` sweeps from where it stands (Δw reset
 * to 0) at the same ε: squared error and cross-entropy with plain descent (α = 0), and
 * cross-entropy with the paper's momentum.
 */
export function plateauEscape(seed: number, { sweeps = PAPER_SYMMETRY_RUN.sweeps, more = 5000 } = {}): PlateauEscape {
  const cases = symmetryCases();
  const { ε, α } = PAPER_SYMMETRY_RUN;
  const stuck = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(seed), PAPER_SYMMETRY_RUN.range), cases, { sweeps, rule: { ε, α } }).network;
  const palindromes = cases.filter((c) => c.target[0] === 1);
  const signal = (loss: Loss) => gradient(stuck, palindromes, 0, loss).dEdw.layers[1]!.biases[0]!;
  const goOn = (loss: Loss, α: number): GoingOn => {
    const run = train(stuck, cases, { sweeps: more, rule: { ε, α }, loss, stopWhenSolved: true });
    const ended = plateauOf(run.network);
    return { loss, α, solvedAfter: run.solvedAt, kind: run.solvedAt === null ? ended.kind : "solved", ended, E: run.losses.at(-1)! };
  };
  return {
    plateau: plateauOf(stuck),
    palindromeSignal: { squared: signal("squared"), crossEntropy: signal("crossEntropy") },
    goingOn: [goOn("squared", 0), goOn("crossEntropy", 0), goOn("crossEntropy", α)],
  };
}
