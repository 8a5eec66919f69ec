import { describe, expect, it } from "vitest";
import { type Notebook } from "../src/notebook/nbformat";
import { solutionSource, solutionsEdition, stubSource, studentEdition, studentProse } from "../src/teaching/editions";

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
