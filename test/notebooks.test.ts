/**
 * What every notebook of the series must do: run top to bottom from a fresh tslab kernel
 * without an error, write every figure of its prose either as computed by a code cell
 * above or as declared given (src/notebook/claims.ts), and be committed stripped of outputs.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAIMS_MIME, type ClaimMark, type Claims, markAgrees, proseNumbers } from "../src/index";
import { type Notebook, NOTEBOOKS, executedNotebook, notebookNames, readNotebook, sourceOf } from "./support/notebooks";

/** Each checked number in the prose (computed, or given with a key), with the claims shown by the code cells above it. */
function marksWithClaims(notebook: Notebook) {
  const shown: Claims = {};
  const marks: { mark: ClaimMark; computed: number | undefined }[] = [];
  for (const cell of notebook.cells) {
    if (cell.cell_type === "markdown") {
      const { computed, given } = proseNumbers(sourceOf(cell));
      const checked = [...computed, ...given.flatMap((g) => (g.mark ? [g.mark] : []))];
      for (const mark of checked) marks.push({ mark, computed: shown[mark.key] });
    }
    for (const output of cell.outputs ?? []) Object.assign(shown, output.data?.[CLAIMS_MIME] as Claims | undefined);
  }
  return marks;
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

  it("quotes in prose only numbers computed above, as the computation rounds them", async () => {
    const executed = await executedNotebook(name);
    for (const { mark, computed } of marksWithClaims(executed)) {
      expect(computed, `${mark.text}<!--${mark.key}--> has no claim shown above it`).toBeDefined();
      expect(markAgrees(mark, computed!), `${mark.text}<!--${mark.key}--> but the notebook computed ${computed}`).toBe(true);
    }
  });
});

describe("the series", () => {
  it("has notebooks", () => {
    expect(names.length).toBeGreaterThan(0);
  });
});
