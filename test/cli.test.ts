import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main";
import { error, FIGURE_1, gradient, initNetwork, makeRandom, SYMMETRY_ARCHITECTURE, symmetryCases, train } from "../src/index";

/** Runs the CLI in-process: exit code, stdout and stderr lines. */
function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err };
}

/** The same for a command that works on worker threads (study), once it has finished. */
async function cliAsync(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err };
}

const dir = mkdtempSync(join(tmpdir(), "cli-test-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const figure1 = file("figure1.json", JSON.stringify(FIGURE_1));

describe("the command line", () => {
  it("init prints the seed's initial network", () => {
    const { code, out } = cli("init", "--seed", "7");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(7)));
  });

  it("train prints the network and N + 1 losses, the same from --seed as from its init file", () => {
    const fromSeed = cli("train", "--seed", "7", "--sweeps", "20", "--lr", "0.1", "--momentum", "0.9");
    const init = file("init7.json", cli("init", "--seed", "7").out);
    const fromFile = cli("train", "--net", init, "--sweeps", "20", "--lr", "0.1", "--momentum", "0.9");
    expect(fromSeed.code).toBe(0);
    expect(fromFile.out).toBe(fromSeed.out);
    const { network, losses } = JSON.parse(fromSeed.out);
    expect(losses).toHaveLength(21);
    const direct = train(initNetwork(SYMMETRY_ARCHITECTURE, makeRandom(7)), symmetryCases(), { sweeps: 20, rule: { ε: 0.1, α: 0.9 } });
    expect(network).toEqual(direct.network);
    expect(losses[20]).toBe(error(network, symmetryCases()));
  });

  it("grad prints E and the gradient over all 64 cases", () => {
    const { code, out } = cli("grad", "--net", figure1);
    expect(code).toBe(0);
    const { loss, gradient: g } = JSON.parse(out);
    const expected = gradient(FIGURE_1, symmetryCases());
    expect(loss).toBe(expected.E);
    expect(g).toEqual(expected.dEdw);
  });

  it("reproduce lays the run out beside Figure 1's numbers", () => {
    const { code, out } = cli("reproduce");
    expect(code).toBe(0);
    expect(out).toMatch(/seed 588/);
    expect(out).toMatch(/input 1 → hidden\s+9\.53\s+-9\.23\s+14\.20\s+-14\.20/);
    expect(out).toMatch(/64\/64/);
  });

  const badInputs: [string, string[], RegExp][] = [
    ["malformed JSON", ["grad", "--net", file("bad.json", "{layers: [")], /malformed JSON/],
    ["a missing file", ["grad", "--net", join(dir, "nope.json")], /no such file/],
    ["a wrong layer count", ["grad", "--net", file("one.json", '{"layers":[{"weights":[[1]],"biases":[0]}]}')], /"layers" must have 2 entries, got 1/],
    [
      "a wrong weight shape",
      ["grad", "--net", file("shape.json", JSON.stringify({ layers: [{ weights: [[1, 2, 3, 4, 5, 6]], biases: [0, 0] }, FIGURE_1.layers[1]] }))],
      /layer 0 "weights" must be 2×6/,
    ],
    [
      "a non-number weight",
      ["grad", "--net", file("str.json", JSON.stringify(FIGURE_1).replace("14.2", '"x"'))],
      /weight \[0\]\[0\] must be a number/,
    ],
    ["an out-of-range weight", ["grad", "--net", file("huge.json", JSON.stringify(FIGURE_1).replace("14.2", "1e999"))], /not finite|outside/],
    ["a negative learning rate", ["train", "--seed", "1", "--sweeps", "5", "--lr", "-1", "--momentum", "0.9"], /--lr must be at least 0/],
    ["a non-numeric momentum", ["train", "--seed", "1", "--sweeps", "5", "--lr", "0.1", "--momentum", "abc"], /--momentum must be a finite number/],
    ["fractional sweeps", ["train", "--seed", "1", "--sweeps", "2.5", "--lr", "0.1", "--momentum", "0.9"], /--sweeps must be a whole number/],
    ["a seed out of range", ["init", "--seed", "-3"], /--seed must be from 0/],
    ["an unknown option", ["init", "--sed", "3"], /unknown option "--sed"/],
    ["a missing value", ["init", "--seed"], /--seed needs a value/],
    ["an unknown command", ["fly"], /unknown command "fly"/],
    ["a study with no seeds", ["study", "--seeds", "0", "--cap", "100", "--lr", "0.1", "--momentum", "0.9"], /--seeds must be from 1/],
    ["a study's fractional cap", ["study", "--seeds", "3", "--cap", "1.5", "--lr", "0.1", "--momentum", "0.9"], /--cap must be a whole number/],
    ["a study with no workers", ["study", "--seeds", "3", "--cap", "10", "--lr", "0.1", "--momentum", "0.9", "--workers", "0"], /--workers must be from 1/],
    ["a study's hidden layer too large", ["study", "--seeds", "3", "--cap", "10", "--lr", "0.1", "--momentum", "0.9", "--hidden", "9"], /--hidden must be from 1 to 8/],
    ["a stray argument", ["init", "7"], /^error: stray argument "7": every value follows its option \(--seed\)$/],
    ["a value for --help", ["init", "--help=yes"], /--help takes no value/],
    ["a flag given twice", ["init", "--seed", "1", "--seed=2"], /--seed is given twice/],
    ["both --net and --seed", ["train", "--net", figure1, "--seed", "1", "--sweeps", "1", "--lr", "0.1", "--momentum", "0"], /not both/],
  ];
  for (const [what, argv, message] of badInputs) {
    it(`rejects ${what} with one line on stderr and exit code 2`, () => {
      const { code, out, err } = cli(...argv);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
    });
  }

  it("takes --name=value as it takes --name value", () => {
    const spaced = cli("train", "--seed", "7", "--sweeps", "20", "--lr", "0.3", "--momentum", "0.5");
    expect(cli("train", "--seed=7", "--sweeps=20", "--lr=0.3", "--momentum=0.5")).toEqual(spaced);
    expect(spaced.out).not.toBe(cli("train", "--seed", "7", "--sweeps", "20").out);
  });

  it("trains with the paper's ε 0.1 and α 0.9 where --lr and --momentum are not given, and says so on stderr", () => {
    const given = cli("train", "--seed", "7", "--sweeps", "20", "--lr", "0.1", "--momentum", "0.9");
    const defaulted = cli("train", "--seed", "7", "--sweeps", "20");
    expect(defaulted.code).toBe(0);
    expect(defaulted.out).toBe(given.out);
    expect(given.err).toEqual([]);
    expect(defaulted.err).toEqual(["using the paper's --lr 0.1 and --momentum 0.9 (not given)"]);
    expect(cli("train", "--seed", "7", "--sweeps", "20", "--lr", "0.1").err).toEqual(["using the paper's --momentum 0.9 (not given)"]);
  });

  it("prints its usage for --help, before a command or after one, and exits 0; with no arguments, on stderr with exit 2", () => {
    for (const argv of [["--help"], ["help"], ["train", "--help"], ["study", "--seeds", "3", "--help"], ["reproduce", "--help"]]) {
      const { code, out, err } = cli(...argv);
      expect({ argv, code, err }).toEqual({ argv, code: 0, err: [] });
      expect(out).toMatch(/^usage: cli <command> \[options\][\s\S]*train \(--net FILE\|- \| --seed S\) --sweeps N \[--lr ε\] \[--momentum α\]/);
    }
    const bare = cli();
    expect(bare.code).toBe(2);
    expect(bare.out).toBe("");
    expect(bare.err.join("\n")).toBe(cli("--help").out);
  });

  it("study prints, per seed, the first sweep at which init --seed k's net has every case right (or null by the cap), for any number of workers", async () => {
    const argv = ["study", "--seeds", "12", "--cap", "2000", "--lr", "0.1", "--momentum", "0.9"];
    const one = await cliAsync(...argv, "--workers", "1");
    const three = await cliAsync(...argv, "--workers", "3");
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    const { solvedAt } = JSON.parse(one.out);
    expect(three.out).toBe(one.out);
    const expected = Array.from({ length: 12 }, (_, k) => {
      const net = JSON.parse(cli("init", "--seed", String(k)).out);
      return train(net, symmetryCases(), { sweeps: 2000, rule: { ε: 0.1, α: 0.9 }, stopWhenSolved: true }).solvedAt;
    });
    expect(solvedAt).toEqual(expected);
    expect(expected).toContain(null);
    expect(expected.some((s) => s !== null)).toBe(true);
  });

  it("study trains nets with H hidden units when asked (--hidden)", async () => {
    const { code, out } = await cliAsync("study", "--seeds", "4", "--cap", "1000", "--lr", "0.2", "--momentum", "0.9", "--hidden", "3");
    expect(code).toBe(0);
    const expected = [0, 1, 2, 3].map(
      (k) => train(initNetwork({ inputs: 6, layers: [{ units: 3 }, { units: 1 }] }, makeRandom(k)), symmetryCases(), { sweeps: 1000, rule: { ε: 0.2, α: 0.9 }, stopWhenSolved: true }).solvedAt,
    );
    expect(JSON.parse(out).solvedAt).toEqual(expected);
  });

  it("says so and exits 1 when the weights become non-finite", () => {
    const { code, out, err } = cli("train", "--seed", "1", "--sweeps", "50", "--lr", "1e308", "--momentum", "0.9");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err[0]).toMatch(/non-finite/);
  });

  it("works through npm as documented, reading the network from stdin", () => {
    const npm = (args: string[], input?: string) =>
      spawnSync("npm", ["run", "--silent", "cli", "--", ...args], { input, encoding: "utf8", cwd: join(__dirname, "..") });
    const ok = npm(["grad", "--net", "-"], JSON.stringify(FIGURE_1));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).loss).toBe(gradient(FIGURE_1, symmetryCases()).E);
    const bad = npm(["grad", "--net", "-"], "not json");
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/stdin: malformed JSON/);
  });
});
