#!/usr/bin/env node
/**
 * The command line: `init`, `train`, `grad`, `study` and `reproduce` on the symmetry network.
 * Bad input prints one line naming the problem to stderr and exits 2. Runs as the
 * compiled bundle dist/cli.js, training in the WebAssembly kernel.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { gradient } from "../core/backward";
import { type Network, initNetwork } from "../core/network";
import { MAX_SEED, makeRandom } from "../core/random";
import { InputError, parseNetwork } from "../io/networkJson";
import { KERNEL_MAX_HIDDEN } from "../kernel/params";
import { trainOnKernel } from "../kernel/trainRun";
import { runKernelStudy } from "../parallel/kernelStudy";
import { SYMMETRY_ARCHITECTURE, symmetryCases } from "../tasks/symmetry";
import { numberFlag, parseFlags } from "./args";
import { reproduceReport } from "./reproduce";

const USAGE = `usage: cli <command> [options]
  init --seed S                                   the initial symmetry network for seed S
  train (--net FILE|- | --seed S) --sweeps N --lr E --momentum A
                                                  train it; prints {"network", "losses"}
  grad --net FILE|-                               {"loss": E, "gradient": ∂E/∂w} over all 64 cases
  study --seeds N --cap C --lr E --momentum A [--workers W] [--hidden H]
                                                  seeds 0…N−1 until solved or C sweeps; prints
                                                  {"solvedAt": [first solving sweep or null, …]}
  reproduce                                       the paper's run beside its Figure 1`;

const MAX_SWEEPS = 10_000_000;
const MAX_STUDY_SEEDS = 1_000_000;

function readNetwork(path: string): Network {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path === "-" ? "stdin" : path}: ${(e as Error).message}`);
  }
  return parseNetwork(text, SYMMETRY_ARCHITECTURE, path === "-" ? "stdin" : path);
}

function seedNetwork(flags: Map<string, string>): Network {
  return initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(numberFlag(flags, "seed", 0, MAX_SEED, true)));
}

function startingNetwork(flags: Map<string, string>): Network {
  const net = flags.get("net");
  if (net !== undefined && flags.has("seed")) throw new InputError("give --net or --seed, not both");
  if (net !== undefined) return readNetwork(net);
  if (flags.has("seed")) return seedNetwork(flags);
  throw new InputError("give --net FILE (or - for stdin) or --seed S");
}

/** Seeds 0…N−1 of the 6-H-1 net, each until solved or capped, on worker threads (every core unless told). */
function study(flags: Map<string, string>, out: (s: string) => void): Promise<number> {
  const seeds = numberFlag(flags, "seeds", 1, MAX_STUDY_SEEDS, true);
  const cap = numberFlag(flags, "cap", 0, MAX_SWEEPS, true);
  const ε = numberFlag(flags, "lr", 0, Number.MAX_VALUE);
  const α = numberFlag(flags, "momentum", 0, 1);
  const workers = flags.has("workers") ? numberFlag(flags, "workers", 1, 256, true) : availableParallelism();
  const H = flags.has("hidden") ? numberFlag(flags, "hidden", 1, KERNEL_MAX_HIDDEN, true) : 2;
  const job = { H, seeds: Array.from({ length: seeds }, (_, seed) => seed), ε, α, cap, settle: 0 };
  return runKernelStudy(job, { workers }).then((outcomes) => {
    out(JSON.stringify({ solvedAt: outcomes.map((o) => o.solvedAt) }));
    return 0;
  });
}

/** Runs one command; returns the exit code (a promise of it for `study`, which waits for its workers). */
export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "init":
        out(JSON.stringify(seedNetwork(parseFlags(rest, ["seed"]))));
        return 0;
      case "train": {
        const flags = parseFlags(rest, ["net", "seed", "sweeps", "lr", "momentum"]);
        const network = startingNetwork(flags);
        const sweeps = numberFlag(flags, "sweeps", 0, MAX_SWEEPS, true);
        const ε = numberFlag(flags, "lr", 0, Number.MAX_VALUE);
        const α = numberFlag(flags, "momentum", 0, 1);
        const result = trainOnKernel(network, { sweeps, rule: { ε, α } });
        if (result.stopped === "non-finite") {
          err(`training stopped at sweep ${result.sweep}: the weights became non-finite (E was ${result.losses.at(-1)} just before); try a smaller --lr`);
          return 1;
        }
        out(JSON.stringify({ network: result.network, losses: result.losses }));
        return 0;
      }
      case "grad": {
        const flags = parseFlags(rest, ["net"]);
        if (!flags.has("net")) throw new InputError("--net FILE (or - for stdin) is required");
        const { E, dEdw } = gradient(readNetwork(flags.get("net")!), symmetryCases());
        out(JSON.stringify({ loss: E, gradient: dEdw }));
        return 0;
      }
      case "study":
        return study(parseFlags(rest, ["seeds", "cap", "lr", "momentum", "workers", "hidden"]), out);
      case "reproduce":
        parseFlags(rest, []);
        out(reproduceReport());
        return 0;
      case undefined:
      case "help":
      case "--help":
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new InputError(`unknown command ${JSON.stringify(command)}; expected init, train, grad, study or reproduce`);
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof RangeError) {
      err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  void Promise.resolve(run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`))).then((code) => (process.exitCode = code));
}
