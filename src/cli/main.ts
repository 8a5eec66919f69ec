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
import { type Flags, numberFlag, parseFlags } from "./args";
import { reproduceReport } from "./reproduce";

const USAGE = `usage: cli <command> [options]   (--name value or --name=value; --help for this text)
  init --seed S                                   the initial symmetry network for seed S
  train (--net FILE|- | --seed S) --sweeps N [--lr ε] [--momentum α]
                                                  train it; prints {"network", "losses"}
  grad --net FILE|-                               {"loss": E, "gradient": ∂E/∂w} over all 64 cases
  study --seeds N --cap C [--lr ε] [--momentum α] [--workers W] [--hidden H]
                                                  seeds 0…N−1 until solved or C sweeps; prints
                                                  {"solvedAt": [first solving sweep or null, …]}
  reproduce                                       the paper's run beside its Figure 1
--lr and --momentum default to the paper's ε 0.1 and α 0.9.`;

/** The paper's step rule, for a run that names none. */
const PAPER_RULE = { lr: "0.1", momentum: "0.9" };

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

/** ε and α from --lr and --momentum, each the paper's where not given, which a line on stderr says. */
function stepRule(flags: Map<string, string>, err: (s: string) => void): { ε: number; α: number } {
  const missing = Object.entries(PAPER_RULE).filter(([name]) => !flags.has(name));
  for (const [name, value] of missing) flags.set(name, value);
  if (missing.length > 0) err(`using the paper's ${missing.map(([name, value]) => `--${name} ${value}`).join(" and ")} (not given)`);
  return { ε: numberFlag(flags, "lr", 0, Number.MAX_VALUE), α: numberFlag(flags, "momentum", 0, 1) };
}

/** Seeds 0…N−1 of the 6-H-1 net, each until solved or capped, on worker threads (every core unless told). */
function study(flags: Map<string, string>, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const seeds = numberFlag(flags, "seeds", 1, MAX_STUDY_SEEDS, true);
  const cap = numberFlag(flags, "cap", 0, MAX_SWEEPS, true);
  const workers = flags.has("workers") ? numberFlag(flags, "workers", 1, 256, true) : availableParallelism();
  const H = flags.has("hidden") ? numberFlag(flags, "hidden", 1, KERNEL_MAX_HIDDEN, true) : 2;
  const { ε, α } = stepRule(flags, err);
  const job = { H, seeds: Array.from({ length: seeds }, (_, seed) => seed), ε, α, cap, settle: 0 };
  return runKernelStudy(job, { workers }).then((outcomes) => {
    out(JSON.stringify({ solvedAt: outcomes.map((o) => o.solvedAt) }));
    return 0;
  });
}

/** Runs one command; returns the exit code (a promise of it for `study`, which waits for its workers). */
export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  const [command, ...rest] = argv;
  /** The command's flags; null when it asked for --help, which prints the usage. */
  const flagsOf = (allowed: readonly string[]): Map<string, string> | null => {
    const { values, help }: Flags = parseFlags(rest, allowed);
    return help ? null : values;
  };
  const usage = () => (out(USAGE), 0);
  try {
    switch (command) {
      case "init": {
        const flags = flagsOf(["seed"]);
        if (!flags) return usage();
        out(JSON.stringify(seedNetwork(flags)));
        return 0;
      }
      case "train": {
        const flags = flagsOf(["net", "seed", "sweeps", "lr", "momentum"]);
        if (!flags) return usage();
        const network = startingNetwork(flags);
        const sweeps = numberFlag(flags, "sweeps", 0, MAX_SWEEPS, true);
        const result = trainOnKernel(network, { sweeps, rule: stepRule(flags, err) });
        if (result.stopped === "non-finite") {
          err(`training stopped at sweep ${result.sweep}: the weights became non-finite (E was ${result.losses.at(-1)} just before); try a smaller --lr`);
          return 1;
        }
        out(JSON.stringify({ network: result.network, losses: result.losses }));
        return 0;
      }
      case "grad": {
        const flags = flagsOf(["net"]);
        if (!flags) return usage();
        if (!flags.has("net")) throw new InputError("--net FILE (or - for stdin) is required");
        const { E, dEdw } = gradient(readNetwork(flags.get("net")!), symmetryCases());
        out(JSON.stringify({ loss: E, gradient: dEdw }));
        return 0;
      }
      case "study": {
        const flags = flagsOf(["seeds", "cap", "lr", "momentum", "workers", "hidden"]);
        return flags ? study(flags, out, err) : usage();
      }
      case "reproduce":
        if (!flagsOf([])) return usage();
        out(reproduceReport());
        return 0;
      case "help":
      case "--help":
        return usage();
      case undefined:
        // Nothing asked: the usage goes where errors go, and the exit code says nothing ran.
        err(USAGE);
        return 2;
      default:
        throw new InputError(`unknown command ${JSON.stringify(command)}; expected init, train, grad, study or reproduce (or --help)`);
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
