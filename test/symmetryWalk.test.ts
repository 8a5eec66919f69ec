/**
 * The key results of the symmetry walk (notebooks 01–06), read from the executed notebooks:
 * what each one must show a reader, whatever its prose says.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMS_MIME, type Claims, type Figure, formatWeight, PLOTLY_MIME } from "../src/index";
import { type Notebook, NOTEBOOKS, ROOT, executedAfresh, executedNotebook, outputData, outputsOf, readNotebook, sourceOf } from "./support/notebooks";

const claims = (nb: Notebook): Claims => Object.assign({}, ...outputData<Claims>(nb, CLAIMS_MIME));
const charts = (nb: Notebook): Figure[] => outputData<Figure>(nb, PLOTLY_MIME);
const WALK = ["01-architecture", "02-dataset", "03-loss", "04-gradient", "05-training", "06-weights"];

describe("every notebook of the walk", () => {
  it.each(WALK)("%s imports the compiled core and draws at least one chart", async (name) => {
    const nb = await executedNotebook(name);
    const imports = nb.cells.filter((c) => c.cell_type === "code").flatMap((c) => [...sourceOf(c).matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(imports)).toEqual(new Set(["../dist/index"]));
    expect(charts(nb).length).toBeGreaterThan(0);
    for (const figure of charts(nb)) expect(figure.data.length).toBeGreaterThan(0);
  });
});

describe("determinism", () => {
  it("05 gives the same outputs, to the last digit, when run again from a fresh kernel", async () => {
    const [first, again] = await Promise.all([executedNotebook("05-training"), executedAfresh("05-training")]);
    expect(outputsOf(again)).toEqual(outputsOf(first));
  });
});

describe("the walk's results", () => {
  it("01 draws all 17 starting weights, each within the U(−0.3, 0.3) range", async () => {
    const nb = await executedNotebook("01-architecture");
    const [drawing] = charts(nb);
    expect((drawing!.layout["annotations"] as unknown[]).length).toBe(14);
    expect(claims(nb)["largestWeight"]).toBeLessThanOrEqual(0.3);
  });

  it("02 finds 8 palindromes, one in each row of its grid", async () => {
    const nb = await executedNotebook("02-dataset");
    expect(claims(nb)["palindromes"]).toBe(8);
    const z = charts(nb)[0]!.data[0]!["z"] as number[][];
    expect(z.map((row) => row.reduce((a, b) => a + b))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("02 puts 4 of its 8 palindromes on the grid's diagonal, as its prose counts them", async () => {
    const nb = await executedNotebook("02-dataset");
    const z = charts(nb)[0]!.data[0]!["z"] as number[][];
    expect(z.filter((row, k) => row[k] === 1).length).toBe(4);
    expect(claims(nb)["onDiagonal"]).toBe(4);
  });

  it("03 scores the all-zeros guess at 4 and the best constant at 3.5", async () => {
    const c = claims(await executedNotebook("03-loss"));
    expect(c["sayZero"]).toBe(4);
    expect(c["bestAnswer"]).toBe(0.125);
    expect(c["bestE"]).toBeCloseTo(3.5, 12);
  });

  it("04 agrees with finite differences on the full gradient", async () => {
    expect(claims(await executedNotebook("04-gradient"))["allCasesDigits"]).toBeGreaterThanOrEqual(7);
  });

  it("04's finite differences trade truncation (shrinking as h²) against rounding, and h = 10⁻⁶ keeps 7 significant digits", async () => {
    const c = claims(await executedNotebook("04-gradient"));
    expect(c["truncationFall"]).toBeCloseTo(100, 0);
    expect(c["digitsBest"]).toBeGreaterThan(c["digitsSmallest"]!);
    expect(c["digitsOurs"]).toBeGreaterThanOrEqual(7);
  });

  it("04's chain written out as numbers multiplies to the library's ∂E_c/∂w_L1, and its picture is that case's backward pass", async () => {
    const nb = await executedNotebook("04-gradient");
    const c = claims(nb);
    expect(c["chain_dEdx_o"]! * c["chain_w_oL"]! * c["chain_yL"]! * c["chain_1_yL"]!).toBeCloseTo(c["chain_dEdw_L1"]!, 15);
    const picture = charts(nb).find((f) => (f.layout["title"] as { text: string }).text.startsWith("One case's backward pass"))!;
    expect((picture.data.at(-1) as { text: string[] }).text.at(-1)).toBe(formatWeight(c["chain_dEdx_o"]!, 3));
  });

  it("05's twin hidden units, started alike, stay alike to the last bit and never solve, while its random start tells them apart", async () => {
    const c = claims(await executedNotebook("05-training"));
    expect(c["startGap"]).toBeGreaterThan(0.1);
    expect([c["twinGapMax"], c["twinSolved"], c["twinPalindromesRight"]]).toEqual([0, 0, 0]);
    expect(c["twinSweeps"]).toBe(10 * 1425);
  });

  it("05's plateau seed escapes with cross-entropy and not with squared error under the same plain descent", async () => {
    const c = claims(await executedNotebook("05-training"));
    expect([c["squaredSolved"], c["crossMomentumSolved"]]).toEqual([0, 0]);
    expect(c["crossSolvedAfter"]).toBeGreaterThan(0);
    expect(c["crossSignal"]).toBeCloseTo(-8, 3);
    expect(c["signalRatioThousands"]).toBeGreaterThan(100);
  });

  it("04 shows the one-case backward pass exactly as the library writes it", () => {
    const nb = readNotebook(join(NOTEBOOKS, "04-gradient.ipynb"));
    const fences = nb.cells.filter((c) => c.cell_type === "markdown").flatMap((c) => [...sourceOf(c).matchAll(/```ts\n([\s\S]*?)\n```/g)].map((m) => m[1]!));
    const library = readFileSync(join(ROOT, "src/core/oneCase.ts"), "utf8").split("\n").filter((line) => !line.includes("// Stryker")).join("\n");
    expect(fences.some((code) => code.includes("export function backwardTrace("))).toBe(true);
    for (const code of fences) for (const part of code.split("\n\n")) expect(library, part.split("\n")[1]).toContain(part);
  });

  it("04's per-case signals sum to ∂E/∂b_o, the palindromes' share against the others'", async () => {
    const c = claims(await executedNotebook("04-gradient"));
    expect(c["palindromeSignal"]).toBeLessThan(0);
    expect(c["otherSignal"]).toBeGreaterThan(0);
    expect(c["palindromeSignal"]! + c["otherSignal"]!).toBeCloseTo(c["dEdb_o"]!, 12);
  });

  it("05 trains the paper's 1,425 sweeps to a solved net, and its live chart ends on the whole run", async () => {
    const nb = await executedNotebook("05-training");
    const c = claims(nb);
    expect(c["solvedAt"]).toBeLessThanOrEqual(1425);
    expect(c["finalE"]).toBeLessThan(0.5);
    const loss = charts(nb).find((f) => (f.layout["title"] as { text: string }).text.startsWith("E after"))!;
    expect(loss.data[0]!["y"] as number[]).toHaveLength(1426);
    const slider = charts(nb).find((f) => f.layout["sliders"] !== undefined)!;
    expect((slider.layout["sliders"] as { steps: unknown[] }[])[0]!.steps).toHaveLength(1425 / 25 + 1);
  });

  it("06 finds antisymmetric hidden units with pair sizes in ratio 1:2:4, and Figure 1 solving all 64", async () => {
    const c = claims(await executedNotebook("06-weights"));
    expect(c["asymmetryL"]).toBeLessThan(0.01);
    expect(c["asymmetryR"]).toBeLessThan(0.01);
    for (const key of ["twice", "twiceR"]) expect(Math.abs(c[key]! - 2)).toBeLessThan(0.2);
    for (const key of ["fourTimes", "fourTimesR"]) expect(Math.abs(c[key]! - 4)).toBeLessThan(0.4);
    expect([c["bL"]! < 0, c["bR"]! < 0, c["bo"]! > 0]).toEqual([true, true, true]);
    expect([c["right"], c["figureRight"]]).toEqual([64, 64]);
    expect(c["loudestPalindrome"]).toBeLessThan(0);
    expect(c["quietestVeto"]).toBeGreaterThan(0);
  });

  it("06 measures each unit's separation above its bias's size, and compares patterns at L's length: 1:2:4 at √21 per unit of separation, 1:2:3 at none", async () => {
    const c = claims(await executedNotebook("06-weights"));
    expect(c["ourSeparation"]).toBeGreaterThan(c["biasL"]!);
    expect(c["separationR"]).toBeGreaterThan(c["biasR"]!);
    expect([c["biasL"], c["biasR"]]).toEqual([-c["bL"]!, -c["bR"]!]);
    expect(c["binary"]).toBeCloseTo(c["length"]! / Math.sqrt(21), 12);
    expect(c["balanced"]).toBeCloseTo(c["length"]! / Math.sqrt(29), 12);
    expect(c["cancelling"]).toBe(0);
    expect(c["negationMiss"]).toBeGreaterThan(c["asymmetryR"]!);
    expect(c["negationMiss"]).toBeLessThan(0.05);
  });
});
