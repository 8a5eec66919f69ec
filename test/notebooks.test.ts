/**
 * What every notebook of the series must do: run top to bottom from a fresh tslab kernel
 * without an error, write every figure of its prose either as computed by a code cell
 * above or as declared given (src/notebook/claims.ts), and be committed stripped of outputs.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAIMS_MIME, type ClaimMark, type Claims, markAgrees, proseNumbers } from "../src/index";
import { type Notebook, NOTEBOOKS, executedNotebook, notebookNames, readNotebook, sourceOf } from "./support/notebooks";

/**
 * Each checked number in the prose with the value the notebook computed for its key: a
 * computed mark takes the claims shown by the code cells above it; a named given figure,
 * a setting the code may show further down, takes every claim of the notebook.
 */
function marksWithClaims(notebook: Notebook) {
  const shown: Claims = {};
  const computed: { mark: ClaimMark; value: number | undefined }[] = [];
  const given: ClaimMark[] = [];
  for (const cell of notebook.cells) {
    if (cell.cell_type === "markdown") {
      const found = proseNumbers(sourceOf(cell));
      for (const mark of found.computed) computed.push({ mark, value: shown[mark.key] });
      for (const { mark } of found.given) if (mark) given.push(mark);
    }
    for (const output of cell.outputs ?? []) Object.assign(shown, output.data?.[CLAIMS_MIME] as Claims | undefined);
  }
  return [...computed, ...given.map((mark) => ({ mark, value: shown[mark.key] }))];
}

const names = notebookNames();

describe.each(names)("notebook %s", (name) => {
  const committed = readNotebook(join(NOTEBOOKS, `${name}.ipynb`));

  it("is committed stripped: no outputs, no execution counts", () => {
    for (const cell of committed.cells.filter((c) => c.cell_type === "code")) {
      expect(cell.outputs, sourceOf(cell).slice(0, 80)).toEqual([]);
      expect(cell.execution_count, sourceOf(cell).slice(0, 80)).toBeNull();
    }
  });

  it("runs on the tslab kernel", () => {
    expect(committed.metadata.kernelspec?.name).toBe("tslab");
  });

  it("executes top to bottom from a fresh kernel with no error output", async () => {
    const executed = await executedNotebook(name);
    const errors = executed.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error" || (o.output_type === "stream" && (o as { name?: string }).name === "stderr")));
    expect(errors).toEqual([]);
  });

  it("saves charts as Plotly JSON, never with plotly.js embedded", async () => {
    const executed = await executedNotebook(name);
    for (const output of executed.cells.flatMap((c) => c.outputs ?? [])) {
      expect(JSON.stringify(output.data ?? {})).not.toMatch(/plotly\.min\.js|Plotly\.newPlot|define\("plotly"/);
    }
  });

  it("marks every figure of its prose as computed or given, each mark after its figure with no space", () => {
    const markdown = committed.cells.filter((c) => c.cell_type === "markdown").map(sourceOf);
    expect(markdown.flatMap((text) => proseNumbers(text).unmarked), "figures with no mark").toEqual([]);
    expect(markdown.flatMap((text) => proseNumbers(text).faults), "malformed marks").toEqual([]);
  });

  it("quotes in prose only numbers it computed (above, unless a named given figure), as the computation rounds them", async () => {
    const executed = await executedNotebook(name);
    for (const { mark, value } of marksWithClaims(executed)) {
      expect(value, `${mark.text}<!--${mark.key}--> has no claim shown above it`).toBeDefined();
      expect(markAgrees(mark, value!), `${mark.text}<!--${mark.key}--> but the notebook computed ${value}`).toBe(true);
    }
  });
});

describe("the series", () => {
  it("has notebooks", () => {
    expect(names.length).toBeGreaterThan(0);
  });
});
