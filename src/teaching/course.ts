/**
 * A notebook with exercises as an nbgrader assignment. Each exercise cell becomes a
 * solution cell, its `// BEGIN SOLUTION` region left for nbgrader to replace with the
 * student edition's stub; the checker cell after it becomes a locked autograder test worth
 * its exercise's points, which runs the checker through `mustPass` (a failure errors, and
 * nbgrader scores an erroring test as zero) and checks again, in a hidden region the
 * release leaves out, on cases drawn from a seed the student never sees. Each test carries
 * its exercise's name, the heading the student read, for the feedback's list of scores. The
 * prose is the student edition's; the notebook imports the copy of dist/ that sits beside it.
 * It starts from the notebook with its answers shown (`answersShown`), as the editions do.
 */
import { type Cell, type Notebook, joined } from "../notebook/nbformat";
import { answersShown, isSolution, studentProse } from "./editions";

/** Each checker's points, and whether it draws random cases (then a hidden test draws others). */
export const GRADING: Readonly<Record<string, { points: number; hidden: boolean }>> = {
  checkSigmoidDerivative: { points: 1, hidden: true },
  checkOutputDelta: { points: 2, hidden: true },
  checkHiddenDelta: { points: 2, hidden: true },
  checkWeightGradient: { points: 3, hidden: true },
  checkMomentumStep: { points: 2, hidden: true },
  checkCrossEntropyDelta: { points: 1, hidden: true },
  checkPrediction: { points: 1, hidden: false },
  checkSeparation: { points: 2, hidden: true },
  checkTiedGradient: { points: 3, hidden: true },
  checkMaskedGradient: { points: 2, hidden: true },
};

const CHECK = /^(check\w+)\((\w+)\);?$/;
const IMPORT = /(import \{\s*)([^}]*\} from )"\.\.\/dist\/index"/;

/** nbgrader's metadata for a cell (schema 3). */
const nbgrader = (fields: { grade: boolean; solution: boolean; locked: boolean; grade_id: string; points?: number }) => ({ nbgrader: { ...fields, schema_version: 3 } });

/** The checker cell after an exercise, `checkX(f);`, read: which checker, the answer's name, its grading. */
function checkerCall(cell: Cell | undefined, name: string) {
  const call = CHECK.exec(joined(cell?.source).trim());
  const grading = call ? GRADING[call[1]!] : undefined;
  if (!call || !grading) throw new Error(`${name}: the cell after an exercise should call one of ${Object.keys(GRADING).join(", ")}, as checkX(f); — found: ${joined(cell?.source)}`);
  return { checker: call[1]!, answer: call[2]!, ...grading };
}

/** An exercise's name: the last heading before its cell ("Exercise 1 · The logistic's slope, from its output"). */
function exerciseName(cells: readonly Cell[], k: number): string | undefined {
  const headings = cells
    .slice(0, k)
    .filter((c) => c.cell_type === "markdown")
    .flatMap((c) => [...joined(c.source).matchAll(/^#+\s+(.+)$/gm)].map((m) => m[1]!.trim()));
  return headings.at(-1);
}

/** The autograder test for a checker cell, named for the feedback by its exercise's name. */
function testCell(cell: Cell, name: string, hiddenSeed: number, exercise: string | undefined): Cell {
  const { checker, answer, points, hidden } = checkerCall(cell, name);
  // Compiled without a check of the answer's name, so that a missing one reaches mustPass.
  const lines = [`// @ts-ignore: if ${answer} did not compile, mustPass says so`, `mustPass(() => ${checker}(${answer}));`];
  if (hidden) lines.push("// BEGIN HIDDEN TESTS", "// @ts-ignore", `mustPass(() => ${checker}(${answer}, ${hiddenSeed}));`, "// END HIDDEN TESTS");
  return {
    ...cell,
    source: lines.join("\n"),
    metadata: { ...cell.metadata, exercise: exercise ?? answer, ...nbgrader({ grade: true, solution: false, locked: true, grade_id: `test_${answer}`, points }) },
  };
}

/** The notebook as an nbgrader source notebook, its hidden tests drawing their cases from `hiddenSeed`. */
export function courseNotebook(folded: Notebook, name: string, hiddenSeed: number): Notebook {
  const notebook = answersShown(folded);
  if (!notebook.cells.some((c) => c.cell_type === "code" && IMPORT.test(joined(c.source)))) {
    throw new Error(`${name}: no code cell imports { … } from "../dist/index", which the course's copy of dist/ replaces`);
  }
  const cells = notebook.cells.map((cell, k): Cell => {
    const source = joined(cell.source);
    if (cell.cell_type === "markdown") return { ...cell, source: studentProse(source) };
    if (cell.cell_type !== "code") return { ...cell, source };
    const code: Cell = { ...cell, source: source.replace(IMPORT, '$1mustPass, $2"./dist/index"'), outputs: [], execution_count: null };
    if (isSolution(cell)) {
      const { answer } = checkerCall(notebook.cells[k + 1], name);
      return { ...code, metadata: { ...cell.metadata, ...nbgrader({ grade: false, solution: true, locked: false, grade_id: answer }) } };
    }
    return k > 0 && isSolution(notebook.cells[k - 1]!) ? testCell(code, name, hiddenSeed, exerciseName(notebook.cells, k - 1)) : code;
  });
  return { ...notebook, cells };
}
