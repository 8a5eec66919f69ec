/**
 * The browser kernel's evaluator (lite/runtime.ts), in Node: cells transpiled and run in
 * order as tslab runs them, against the core's own source. The browser around it (the
 * worker, JupyterLite) is tested end to end in test/lite-e2e.test.ts.
 */
import { createRequire } from "node:module";
import { inspect } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import * as core from "../src/index";
import { type MimeBundle, createRuntime } from "../lite/runtime";
import { liteConfig } from "../lite/build";
import { compileCell } from "../lite/transpile";
import { type DisplayWriter, tslabModule } from "../lite/tslab";

type Output = { stream: string; text: string } | { display: MimeBundle; id: string | undefined; update: boolean };

// The core's display module writes through tslab's writer for the running cell, as in a tslab kernel.
const tslabJupyter = createRequire(__filename)("tslab/dist/jupyter") as { lastWriteDisplayData: DisplayWriter | null };

let outputs: Output[];
let runtime: ReturnType<typeof createRuntime>;
let count: number;

beforeEach(() => {
  outputs = [];
  count = 0;
  const write: DisplayWriter = ({ data, transient }, update) => outputs.push({ display: data, id: transient.display_id, update });
  tslabJupyter.lastWriteDisplayData = write;
  runtime = createRuntime({
    modules: { "../dist/index": () => core, tslab: () => tslabModule(() => write) },
    sink: { stream: (stream, text) => outputs.push({ stream, text }), display: (data, id, update) => write({ data, metadata: {}, transient: id === undefined ? {} : { display_id: id } }, update) },
  });
});

/** Runs cells in order; the printed text of the last one, or its error's one line. */
async function run(...cells: string[]): Promise<string> {
  let last = "";
  for (const cell of cells) {
    outputs = [];
    const error = await runtime.execute(cell, ++count);
    if (error) return `error: ${error.shown}`;
    last = outputs.map((o) => ("text" in o ? o.text : "")).join("");
  }
  return last;
}

describe("the browser kernel's cells", () => {
  it("strips TypeScript's types and prints the last value as tslab does (Node's inspect)", async () => {
    const cell = `interface P { ε: number }\nconst p: P = { ε: 0.1 } as P;\nenum Side { Left, Right }\n({ p, side: Side.Right, list: [1, "two"] satisfies unknown[] })`;
    expect(await run(cell)).toBe(`${inspect({ p: { ε: 0.1 }, side: 1, list: [1, "two"] })}\n`);
  });

  it("prints nothing for a statement, null or undefined", async () => {
    expect(await run("const x = 1;")).toBe("");
    expect(await run("undefined")).toBe("");
    expect(await run("null")).toBe("");
  });

  it("keeps what a cell declares for later cells, and lets a cell run again declare it again", async () => {
    expect(await run("const a = 2;\nfunction twice(x: number): number { return x * a; }\nclass Box { constructor(readonly v: number) {} }", "twice(new Box(3).v)")).toBe("6\n");
    // Rerunning with a new value: const may be declared again, and the function sees the new one.
    expect(await run("const a = 5;", "twice(3)")).toBe("15\n");
    expect(await run("let { left, right: [r] } = { left: 1, right: [2] };", "left + r")).toBe("3\n");
  });

  it("calls a function declared below its use in the same cell", async () => {
    expect(await run("const y = later(); function later() { return 4; }\ny")).toBe("4\n");
  });

  it("awaits at the top level", async () => {
    expect(await run("const v = await new Promise<number>((done) => setTimeout(() => done(7), 5));", "v * 6")).toBe("42\n");
  });

  it("imports the core as the notebooks write it, and keeps the names for later cells", async () => {
    expect(await run(`import { logistic, type Network } from "../dist/index";`, "logistic(0)")).toBe("0.5\n");
  });

  it("refuses any other import in one line that names it and the cell's line", async () => {
    expect(await run(`const x = 1;\nimport * as tf from "@tensorflow/tfjs";`)).toBe(
      'error: Error: cannot import "@tensorflow/tfjs" here: the browser kernel ships only "../dist/index" and "tslab", and fetches nothing from the network (line 2)',
    );
  });

  it("gives tslab's display API: one output per call, and a display whose later calls update it in place", async () => {
    await run(`import * as tslab from "tslab";\ntslab.display.html("<b>once</b>");\nconst d = tslab.newDisplay();\nd.text("first");\nd.text("second");`);
    expect(outputs).toEqual([
      { display: { "text/html": "<b>once</b>" }, id: undefined, update: false },
      { display: { "text/plain": "first" }, id: expect.stringMatching(/^[0-9a-f]{16}$/), update: false },
      { display: { "text/plain": "second" }, id: (outputs[1] as { id: string }).id, update: true },
    ]);
  });

  it("draws the core's live figure with display updates, as under tslab", async () => {
    await run(`import { liveFigure } from "../dist/index";\nconst f = liveFigure();\nf.draw({ data: [], layout: { title: { text: "one" } } });\nf.draw({ data: [], layout: { title: { text: "two" } } });`);
    // First an output that holds the chart's height (no id), then the chart, redrawn in place.
    expect((outputs[0] as { display: MimeBundle; id?: string }).id).toBeUndefined();
    expect((outputs[0] as { display: MimeBundle }).display[core.LAYOUT_MIME]).toEqual({ height: 360 });
    const chart = outputs.slice(1);
    expect(new Set(chart.map((o) => ("id" in o ? o.id : undefined))).size).toBe(1);
    expect(chart.map((o) => ("update" in o ? o.update : null))).toEqual([false, true, true]);
    expect((chart[2] as { display: MimeBundle }).display[core.PLOTLY_MIME]).toMatchObject({ layout: { title: { text: "two" }, height: 360 } });
  });

  it("shows a runtime error as one line with the cell's line", async () => {
    expect(await run("const n = 1;\nconst m = (n as any).missing.field;")).toBe("error: TypeError: Cannot read properties of undefined (reading 'field') (line 2)");
  });

  it("shows a syntax error with its position, and keeps the state of earlier cells", async () => {
    expect(await run("const kept = 3;", "const = 4;")).toBe("error: SyntaxError: Unexpected token (line 1)");
    expect(await run("kept")).toBe("3\n");
  });

  it("shows a checker's failing verdict in its own words (its inspect text), as tslab prints it", async () => {
    expect(await run(`import { mustPass, report } from "../dist/index";\nmustPass(() => report(false, "✗ wrong\\n  Hint: look again"))`)).toBe("error: ✗ wrong\n  Hint: look again");
  });

  it("stops an awaited cell on interrupt, with one line, and runs the next cell", async () => {
    const pending = runtime.execute("await new Promise(() => {});", ++count);
    setTimeout(() => runtime.interrupt(), 10);
    expect((await pending)?.shown).toBe("interrupted");
    expect(await run("1 + 1")).toBe("2\n");
  });

  it("keeps each cell's lines where they were, so an error's line is the cell's own", () => {
    const cell = `import {\n  a,\n  b,\n} from "../dist/index";\nconst x: number =\n  1;\nx`;
    const { source } = compileCell(cell, 1);
    const body = source.slice(0, source.lastIndexOf("\n})();"));
    expect(body.split("\n")).toHaveLength(cell.split("\n").length);
  });
});

describe("the lab's storage of a reader's edits", () => {
  const notebook = (source: string, outputs: unknown[] = []) => ({
    cells: [{ cell_type: "code" as const, source, metadata: outputs.length > 0 ? { execution: { "iopub.execute_input": new Date().toISOString() } } : {}, outputs, execution_count: outputs.length > 0 ? 1 : null }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
  const storage = (source: string, outputs: unknown[] = []) => liteConfig([{ name: "05-training", notebook: notebook(source, outputs) as never }])["jupyter-config-data"].contentsStorageName;

  it("is named after the notebooks as published: a changed notebook opens afresh, a rebuild of the same one (rerun or not) keeps the edits", () => {
    expect(storage("1 + 1")).toBe(storage("1 + 1", [{ output_type: "stream", name: "stdout", text: "2\n" }]));
    expect(storage("1 + 2")).not.toBe(storage("1 + 1"));
  });
});
