import { type Case } from "../core/loss";
import { type Network } from "../core/network";
import { type Phase, type Rule, type StepRule } from "../core/stepRule";
import { type TrainResult, type TrainState, startFrom } from "../core/train";
import { FAMILY_TREES_ARCHITECTURE, PERSON_UNITS, RELATIONSHIP_UNITS } from "../tasks/familyTrees";
import { familyKernelInstance } from "./instance";
import { numbersAt, writeParams } from "./params";

/** One run for the family-trees kernel: where it starts, which of the cases it trains on, and how. */
export interface FamilyKernelRun {
  from: Network | TrainState;
  /** `trains[c]`: whether the run trains on case c of the list (every case when absent). */
  trains?: readonly boolean[];
  sweeps: number;
  rule: Rule;
  stopWhenSolved?: boolean;
}

// The kernel's layout (family.ts): its most cases, a job and a record per run, the parameters in writeParams's order.
const MAX_CASES = 128;
const MAX_PHASES = 4;
const PARAMS = 12 * 36 + 12 + 12 * 12 + 12 + 6 * 12 + 6 + 24 * 6 + 24;
const JOB = 4 + 4 * MAX_PHASES;
const RECORD = 4 + 2 * PARAMS;
const OUTPUTS = 24;
const STOPPED = ["sweeps", "solved", "non-finite"] as const;

/** The unit of a group that is on: exactly one, at 1, and every other 0, or null. */
function onlyOne(values: readonly number[]): number | null {
  const on = values.flatMap((v, k) => (v === 1 ? [k] : v === 0 ? [] : [-1]));
  return on.length === 1 && on[0]! >= 0 ? on[0]! : null;
}

/** Case c's person unit and relationship unit, or a RangeError naming the case the kernel cannot train. */
function caseUnits(c: Case, k: number): [number, number] {
  const person = c.input.length === PERSON_UNITS + RELATIONSHIP_UNITS ? onlyOne(c.input.slice(0, PERSON_UNITS)) : null;
  const relationship = onlyOne(c.input.slice(PERSON_UNITS));
  if (person === null || relationship === null || c.target.length !== OUTPUTS) {
    throw new RangeError(`case ${k} is not a family-trees query: the kernel needs one of 24 person units and one of 12 relationship units on, at 1, and 24 targets`);
  }
  return [person, relationship];
}

/** Whether a run's weights and Δw have Figure 3's shape, with its left-out links 0 in both. */
function isFamilyNet({ network, delta }: TrainState): boolean {
  const { inputs, layers } = FAMILY_TREES_ARCHITECTURE;
  if (network.layers.length !== layers.length || delta.layers.length !== layers.length) return false;
  return layers.every((spec, l) => {
    const below = layers[l - 1]?.units ?? inputs;
    const [layer, change] = [network.layers[l]!, delta.layers[l]!];
    const linked = (j: number, i: number) => spec.connected?.[j]?.[i] !== false;
    return (
      (layer.connected === undefined) === (spec.connected === undefined) &&
      [layer, change].every(({ weights, biases }) => biases.length === spec.units && weights.length === spec.units && weights.every((row) => row.length === below)) &&
      layer.weights.every((row, j) => row.every((w, i) => linked(j, i) || (w === 0 && change.weights[j]![i] === 0)))
    );
  });
}

/** The phases of a rule as the kernel reads them: a fixed rule is one phase from sweep 0. */
function phasesOf(rule: Rule): readonly Phase[] {
  const phases = Array.isArray(rule) ? (rule as readonly Phase[]) : [{ ...(rule as StepRule), fromSweep: 0 }];
  if (phases.length < 1 || phases.length > MAX_PHASES) throw new RangeError(`the kernel takes a rule of 1 to ${MAX_PHASES} phases, got ${phases.length}`);
  return phases;
}

/** A network of `like`'s shape (and its links) from the flat order at `at`. */
function readNetwork(from: Float64Array, at: number, like: Network, connected: boolean): Network {
  let k = at;
  const take = (n: number) => {
    const numbers = numbersAt(from, k, n);
    k += n;
    return numbers;
  };
  return {
    layers: like.layers.map((layer) => {
      const weights = layer.weights.map((row) => take(row.length));
      const biases = take(layer.biases.length);
      return connected && layer.connected ? { weights, biases, connected: layer.connected } : { weights, biases };
    }),
  };
}

/**
 * The core's `train` for many runs of Figure 3's net on one list of cases, two at a time in
 * the SIMD lanes of the WebAssembly kernel, each run on its own subset of the cases, with its
 * own rule and sweeps: result k is what `train(run.from, the cases run k trains on, …)` gives,
 * losses, weights, Δw and solving sweep bit for bit (snapshots aside).
 */
export function trainFamiliesOnKernel(cases: readonly Case[], runs: readonly FamilyKernelRun[], margin = 0): TrainResult[] {
  if (runs.length === 0) return [];
  const states = runs.map(({ from }) => ("layers" in from ? startFrom(from) : from));
  states.forEach((state, r) => {
    if (!isFamilyNet(state)) throw new RangeError(`run ${r}'s network is not Figure 3's 36-12-12-6-24 net with its first layer's links left out`);
  });
  if (cases.length < 1 || cases.length > MAX_CASES) throw new RangeError(`the kernel trains on 1 to ${MAX_CASES} cases, got ${cases.length}`);
  const units = cases.map(caseUnits);
  runs.forEach(({ trains, sweeps }, r) => {
    if (trains !== undefined && trains.length !== cases.length) throw new RangeError(`run ${r} marks ${trains.length} cases to train on, not ${cases.length}`);
    if (!Number.isInteger(sweeps) || sweeps < 0) throw new RangeError(`sweeps must be a whole number of at least 0, got ${sweeps}`);
  });
  const n = runs.length;
  const stride = Math.max(...runs.map((r) => r.sweeps)) + 1;
  // f64 regions, one after another: the cases, the jobs, the initial weights and Δw, the records, the losses; then the masks' bytes
  const caseData = 0;
  const jobs = caseData + cases.length * (2 + OUTPUTS);
  const nets = jobs + JOB * n;
  const deltas = nets + PARAMS * n;
  const out = deltas + PARAMS * n;
  const losses = out + RECORD * n;
  const doubles = losses + stride * n;
  const { kernel, start } = familyKernelInstance(8 * doubles + MAX_CASES * n);
  const memory = new Float64Array(kernel.memory.buffer, start, doubles);
  const masks = new Uint8Array(kernel.memory.buffer, start + 8 * doubles, MAX_CASES * n);
  cases.forEach((c, k) => memory.set([...units[k]!, ...c.target], caseData + k * (2 + OUTPUTS)));
  runs.forEach((run, r) => {
    const phases = phasesOf(run.rule);
    const job = [states[r]!.sweep, run.sweeps, run.stopWhenSolved ? 1 : 0, phases.length, ...phases.flatMap((p) => [p.fromSweep, p.ε, p.α, p.decay ?? 0])];
    memory.set(job, jobs + JOB * r);
    writeParams(states[r]!.network, memory, nets + PARAMS * r);
    writeParams(states[r]!.delta, memory, deltas + PARAMS * r);
    cases.forEach((_, c) => (masks[MAX_CASES * r + c] = run.trains === undefined || run.trains[c] ? 1 : 0));
  });
  const at = (k: number) => start + 8 * k;
  kernel.setCases(cases.length, at(caseData), margin);
  kernel.train(n, at(jobs), at(nets), at(deltas), start + 8 * doubles, at(out), at(losses), stride);
  return states.map((state, r): TrainResult => {
    const rec = out + RECORD * r;
    const [done, solvedAt] = [memory[rec]!, memory[rec + 1]!];
    const stopped = STOPPED[memory[rec + 2]!]!;
    // a run that overflowed measured no E after its last step
    const measured = stopped === "non-finite" ? done : done + 1;
    return {
      network: readNetwork(memory, rec + 4, state.network, true),
      delta: readNetwork(memory, rec + 4 + PARAMS, state.network, false),
      sweep: state.sweep + done,
      losses: numbersAt(memory, losses + stride * r, measured),
      snapshots: [],
      solvedAt: solvedAt < 0 ? null : state.sweep + solvedAt,
      stopped,
    };
  });
}
