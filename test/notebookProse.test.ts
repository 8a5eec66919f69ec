/**
 * What a reader meets in the notebooks' text: prose about the network, the data and the
 * maths, never about the machinery that computes it (that is the README's), and in the walk
 * (01–06) code cells short enough to read at a glance, their logic in named functions of src/.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { slug } from "../src/site/markdown";
import { NOTEBOOKS, notebookNames, readNotebook, sourceOf } from "./support/notebooks";

/**
 * Words that belong to how the computation is made fast or checked: the kernels and their
 * functions, threads, vector lanes, test files, timings, npm, the compiled core's folders.
 * "a second" counts as a time only when punctuation or the end follows it ("ten times a
 * second."), not as an ordinal ("a second reason", "a second, smaller step", "a second ε").
 */
const MACHINERY =
  /WebAssembly|\bwasm\b|\bSIMD\b|\bworkers?\b|\bthreads?\b|\.test\.ts\b|\bvitest\b|\btests\b|\bbenchmarks?\b|\bbench\b|\bnpm\b|\btimings?\b|\b(?:milli)?seconds\b|\bmilliseconds?\b|\b(?:a|per) second\b(?=\s*(?:[.;:!?)]|$))|\bkernels?\b|\w+Kernel\b|\bdist\/|\bsrc\//giu;

const MAX_CODE_LINES = 15;

/** Each machinery word of a markdown text, with the words around it. */
function machineryWords(markdown: string): string[] {
  return [...markdown.matchAll(MACHINERY)].map((m) => {
    const at = m.index ?? 0;
    return `${m[0]} in "${markdown.slice(Math.max(0, at - 40), at + m[0].length + 40).replace(/\s+/g, " ")}"`;
  });
}

describe("machineryWords", () => {
  it("finds the kernel, its threads, its lanes, test files, timings and npm", () => {
    const text = "Runs go to two worker threads, in a WebAssembly kernel's SIMD lanes (`trainOnKernel`, `test/kernel.test.ts`), in a fraction of a second; `npm run bench` times them.";
    expect(machineryWords(text).map((w) => w.split(" in ")[0])).toEqual(["worker", "threads", "WebAssembly", "kernel", "SIMD", "trainOnKernel", "kernel", ".test.ts", "a second", "npm", "bench"]);
  });

  it("leaves the maths and the data alone: the second half, a stopping test, a sweep", () => {
    expect(machineryWords("The second half mirrors the first; a second reason; a second, smaller step; a second $\\varepsilon$; the stopping test holds after one sweep.")).toEqual([]);
  });
});

describe.each(notebookNames())("notebook %s", (name) => {
  const cells = readNotebook(join(NOTEBOOKS, `${name}.ipynb`)).cells;

  it("speaks of the network, the data and the maths, not of the machinery", () => {
    const markdown = cells.filter((c) => c.cell_type === "markdown").map(sourceOf);
    expect(markdown.flatMap(machineryWords)).toEqual([]);
  });

  it("links only to notebooks of the series that exist, and to headings they have", () => {
    const markdown = cells.filter((c) => c.cell_type === "markdown").map(sourceOf).join("\n");
    const broken = [...markdown.matchAll(/\]\(([\w.-]+)\.ipynb(?:#([^)]*))?\)/g)].flatMap(([link, target, anchor]) => {
      const path = join(NOTEBOOKS, `${target}.ipynb`);
      if (!existsSync(path)) return [`${link}: no such notebook`];
      const headings = readNotebook(path).cells.filter((c) => c.cell_type === "markdown").flatMap((c) => [...sourceOf(c).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
      return anchor === undefined || headings.includes(anchor) ? [] : [`${link}: no heading #${anchor}`];
    });
    expect(broken).toEqual([]);
  });

  it.skipIf(!/^0[1-6]-/.test(name))(`has no code cell over ${MAX_CODE_LINES} lines`, () => {
    const long = cells
      .filter((c) => c.cell_type === "code")
      .map((c) => sourceOf(c).trimEnd().split("\n"))
      .filter((lines) => lines.length > MAX_CODE_LINES)
      .map((lines) => `${lines.length} lines: ${lines[0]}`);
    expect(long).toEqual([]);
  });
});
