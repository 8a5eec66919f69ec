/**
 * The README's figures are the computation's: its seed paragraph marks each figure with a
 * claim key (`326<!--seedsSolved-->`), and this test reruns the seed pick that produced
 * them, `scripts/pick-seed.ts` (1,000 runs of 1,425 sweeps in the kernel, as a user runs
 * the script).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { type Claims, PAPER_SYMMETRY_RUN, REPRODUCTION_SEED, figureMatch, markAgrees, pairMagnitudes, paperRun, proseNumbers } from "../src/index";
import { ROOT } from "./support/notebooks";

/** What `scripts/pick-seed.ts` prints: how many seeds solved, and the pick with its cosine. */
async function seedPick(): Promise<{ solved: number; seed: number; cosine: number }> {
  const { stdout } = await promisify(execFile)(join(ROOT, "node_modules/.bin/tsx"), ["scripts/pick-seed.ts"], { cwd: ROOT });
  const printed = /^(\d+) of 1000 seeds solved by sweep 1,425; best match: seed (\d+), cosine ([\d.]+)/.exec(stdout);
  if (!printed) throw new Error(`pick-seed printed something unexpected: ${stdout}`);
  return { solved: Number(printed[1]), seed: Number(printed[2]), cosine: Number(printed[3]) };
}

describe("the README", () => {
  it("states the seed pick's figures and the paper's settings as the code has them, and the pick gives seed 588", async () => {
    const pick = await seedPick();
    expect(pick.seed).toBe(REPRODUCTION_SEED);
    const learned = figureMatch(paperRun(pick.seed).network).aligned;
    const [outer, middle, inner] = pairMagnitudes(learned.layers[0]!.weights[0]!);
    const computed: Claims = { seed: pick.seed, seedsSolved: pick.solved, seedCosine: pick.cosine, outer, middle, inner };
    const readme = proseNumbers(readFileSync(join(ROOT, "README.md"), "utf8"));
    expect(new Set(readme.computed.map((m) => m.key))).toEqual(new Set(Object.keys(computed)));
    const given = readme.given.flatMap((g) => (g.mark ? [g.mark] : []));
    expect(given.map((m) => m.key).sort()).toEqual(["range", "sweeps", "α", "ε"]);
    const values: Claims = { ...computed, ...PAPER_SYMMETRY_RUN };
    for (const mark of [...readme.computed, ...given]) {
      expect(markAgrees(mark, values[mark.key]!), `README ${mark.text}<!--${mark.key}--> but the code has ${values[mark.key]}`).toBe(true);
    }
  }, 600_000);

  it("marks every figure of the reproduction seed's paragraph", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("### The reproduction seed");
    const section = readme.slice(start, readme.indexOf("\n## ", start));
    expect(section.length).toBeGreaterThan(100);
    expect(proseNumbers(section).unmarked).toEqual([]);
    expect(proseNumbers(section).faults).toEqual([]);
  });
});
