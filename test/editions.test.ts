import { describe, expect, it } from "vitest";
import { type Notebook } from "../src/notebook/nbformat";
import { STUB_NOTE, answersCollapsed, answersShown, foldAnswers, isSolution, isStub, solutionSource, solutionsEdition, stubSource, studentEdition, studentProse } from "../src/teaching/editions";
import { joined } from "../src/notebook/nbformat";
import { notebooksWithExercises } from "./support/exercises";

const solution = [
  "function sigmoidDerivative(y: number): number {",
  "  // BEGIN SOLUTION",
  "  return y * (1 - y);",
  "  // END SOLUTION",
  "}",
].join("\n");

describe("editions", () => {
  it("replace a solution region by a throwing stub in the student's copy", () => {
    expect(stubSource(solution)).toBe(
      ["function sigmoidDerivative(y: number): number {", '  throw new Error("Exercise: your code goes here");', "}"].join("\n"),
    );
  });

  it("use the region's own STUB lines when it has them", () => {
    const prediction = ["const prediction = {", "  // BEGIN SOLUTION", "  // STUB mirroredSum: NaN, // your guess", "  mirroredSum: 0,", "  // END SOLUTION", "};"].join("\n");
    expect(stubSource(prediction)).toBe(["const prediction = {", "  mirroredSum: NaN, // your guess", "};"].join("\n"));
    expect(solutionSource(prediction)).toBe(["const prediction = {", "  mirroredSum: 0,", "};"].join("\n"));
  });

  it("leave out of the student's prose what is true only where the answers are shown", () => {
    const prose = "Fill them in.\n\n<!-- BEGIN SOLUTION -->\n\nHere each holds one `possible` solution.\n\n<!-- END SOLUTION -->\n\n### Exercise 1";
    expect(studentProse(prose)).toBe("Fill them in.\n\n### Exercise 1");
    const notebook: Notebook = { metadata: {}, cells: [{ cell_type: "markdown", source: prose, metadata: {} }] };
    expect(solutionsEdition(notebook).cells[0]!.source).toBe("Fill them in.\n\nHere each holds one `possible` solution.\n\n### Exercise 1");
  });

  it("refuse unbalanced markers", () => {
    expect(() => stubSource("// BEGIN SOLUTION\nx")).toThrow(/no END SOLUTION/);
    expect(() => stubSource("x\n// END SOLUTION")).toThrow(/no BEGIN SOLUTION/);
  });

  it("rewrite only cells tagged solution, and clear every output", () => {
    const notebook: Notebook = {
      metadata: {},
      cells: [
        { cell_type: "code", source: solution, metadata: { tags: ["solution"] }, outputs: [{ output_type: "stream" }], execution_count: 3 },
        { cell_type: "code", source: "// BEGIN SOLUTION\nkept\n// END SOLUTION", metadata: {}, outputs: [{ output_type: "stream" }], execution_count: 4 },
        { cell_type: "markdown", source: ["Some ", "prose"], metadata: {} },
      ],
    };
    const student = studentEdition(notebook);
    expect(student.cells[0]!.source).toMatch(/Exercise: your code goes here/);
    expect(student.cells[1]!.source).toMatch(/kept/);
    expect(student.cells[2]!.source).toBe("Some prose");
    expect(student.cells.filter((c) => c.cell_type === "code").every((c) => c.outputs!.length === 0 && c.execution_count === null)).toBe(true);
    expect(solutionsEdition(notebook).cells[0]!.source).not.toMatch(/SOLUTION/);
  });
});

describe("answers folded for the reader", () => {
  const author: Notebook = {
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "Write it.\n\n<!-- BEGIN SOLUTION -->\n\nHere is one.\n\n<!-- END SOLUTION -->\n\n### Exercise 1", metadata: {} },
      { cell_type: "code", id: "ex01", source: solution, metadata: { slideshow: { slide_type: "skip" }, tags: ["solution"] }, outputs: [], execution_count: null },
      { cell_type: "code", source: "checkSigmoidDerivative(sigmoidDerivative);", metadata: {}, outputs: [], execution_count: null },
    ],
  };
  const folded = foldAnswers(author);

  it("collapse each solution, put the student's stub after it with a line saying where the solution is, and hide solution prose in a comment", () => {
    expect(folded.cells.map((c) => c.cell_type)).toEqual(["markdown", "code", "code", "code"]);
    expect(folded.cells[0]!.source).toBe("Write it.\n\n<!-- BEGIN SOLUTION\n\nHere is one.\n\nEND SOLUTION -->\n\n### Exercise 1");
    expect(folded.cells[1]!.metadata).toEqual({ jupyter: { source_hidden: true }, slideshow: { slide_type: "skip" }, tags: ["solution"] });
    expect(folded.cells[1]!.source).toBe(solution);
    expect(folded.cells[2]).toMatchObject({ id: "ex01-stub", metadata: { slideshow: { slide_type: "skip" }, tags: ["stub"] }, source: `${STUB_NOTE}\n${stubSource(solution)}` });
    expect(folded.cells[3]!.source).toBe("checkSigmoidDerivative(sigmoidDerivative);");
  });

  it("unfold exactly, so the editions are those of the notebook as its author wrote it; folding twice changes nothing", () => {
    expect(answersShown(folded)).toEqual(author);
    expect(foldAnswers(folded)).toEqual(folded);
    expect(studentEdition(folded)).toEqual(studentEdition(author));
    expect(solutionsEdition(folded)).toEqual(solutionsEdition(author));
  });

  it("collapse each answer without a stub for the in-browser lab, whose Run All then checks the answers", () => {
    const collapsed = answersCollapsed(folded);
    expect(collapsed.cells.some(isStub)).toBe(false);
    expect(collapsed.cells[1]!.metadata).toEqual({ jupyter: { source_hidden: true }, slideshow: { slide_type: "skip" }, tags: ["solution"] });
    expect(collapsed.cells.map((c) => c.source)).toEqual(author.cells.map((c) => c.source));
  });
});

describe.each(notebooksWithExercises())("the reader's $name", ({ notebook }) => {
  it("holds no answer in sight: each solution collapsed, the stub after it where the reader writes, solution prose in a comment", () => {
    expect(foldAnswers(notebook).cells.map((c) => ({ ...c, source: joined(c.source) }))).toEqual(notebook.cells.map((c) => ({ ...c, source: joined(c.source) })));
    notebook.cells.forEach((cell, k) => {
      if (!isSolution(cell)) return;
      expect(cell.metadata?.["jupyter"]).toEqual({ source_hidden: true });
      expect(isStub(notebook.cells[k + 1]!)).toBe(true);
    });
    const markdown = notebook.cells.filter((c) => c.cell_type === "markdown").map((c) => joined(c.source)).join("\n");
    expect(markdown).not.toMatch(/<!-- (?:BEGIN|END) SOLUTION -->/);
  });
});
