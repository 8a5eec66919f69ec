import { initNetwork } from "../core/network";
import { makeRandom } from "../core/random";
import { type SeedOutcome } from "../analysis/seedRun";
import { PAPER_SYMMETRY_RUN } from "../tasks/symmetry";
import { kernelInstance } from "./instance";
import { KERNEL_MAX_HIDDEN, paramCount, readParams, symmetryArchitecture, writeParams } from "./params";

/** Many seeds of the symmetry study with one step rule, for the kernel: `runSeed`'s job, many seeds at once. */
export interface KernelStudyJob {
  /** Hidden units: 2 is the paper's net. */
  H: number;
  seeds: number[];
  ε: number;
  α: number;
  cap: number;
  settle: number;
  /** Keep the state of each run still unsolved after this many sweeps: what the same run with this cap would have ended in (see `atCap`). */
  checkpoint?: number;
}

/**
 * `runSeed` for each seed, in the kernel's two SIMD lanes: seed k's run starts from
 * `initNetwork` of the 6-H-1 net with seed k and U(−0.3, 0.3), trains until solved or
 * `cap` sweeps, and a solved run trains `settle` sweeps more. Outcome k is seed k's, bit
 * for bit as `runSeed` (for H = 2) would give it, with the state kept at `checkpoint` if any.
 */
export function studyOnKernel(job: KernelStudyJob): SeedOutcome[] {
  const { H, seeds, ε, α, cap, settle, checkpoint = -1 } = job;
  if (!Number.isInteger(H) || H < 1 || H > KERNEL_MAX_HIDDEN) throw new RangeError(`hidden units must be a whole number from 1 to ${KERNEL_MAX_HIDDEN}, got ${H}`);
  if (checkpoint !== -1 && !(Number.isInteger(checkpoint) && checkpoint >= 0)) throw new RangeError(`checkpoint must be a whole number of sweeps, got ${checkpoint}`);
  const P = paramCount(H);
  const record = 5 + 3 * P;
  const doubles = seeds.length * (P + record);
  const { kernel, start } = kernelInstance(8 * doubles);
  const memory = new Float64Array(kernel.memory.buffer, start, doubles);
  seeds.forEach((seed, r) => writeParams(initNetwork(symmetryArchitecture(H), makeRandom(seed), PAPER_SYMMETRY_RUN.range), memory, r * P));
  const out = seeds.length * P;
  kernel.study(H, seeds.length, start, ε, α, cap, settle, checkpoint, start + 8 * out);
  return seeds.map((seed, r) => {
    const rec = out + r * record;
    const solvedAt = memory[rec]!;
    return {
      seed,
      ε,
      α,
      cap,
      settle,
      solvedAt: solvedAt < 0 ? null : solvedAt,
      sweeps: memory[rec + 1]!,
      E: memory[rec + 2]!,
      network: readParams(memory, rec + 4, H),
      settled: memory[rec + 3] === 1 ? readParams(memory, rec + 4 + P, H) : null,
      ...(Number.isNaN(memory[rec + 4 + 2 * P]) ? {} : { checkpoint: { sweep: checkpoint, E: memory[rec + 4 + 2 * P]!, network: readParams(memory, rec + 5 + 2 * P, H) } }),
    };
  });
}
