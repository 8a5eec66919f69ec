/**
 * The kernel's web worker: the series' core (the same source as dist/index, bundled for the
 * browser), tslab's display API, TensorFlow.js on demand, and the runtime that transpiles and runs each cell. It
 * answers lite/extension.ts's requests; every output goes to the cell being run.
 */
import "./shims/globals";
import * as core from "../src/index";
import { type KernelRequest, type WorkerMessage } from "./extension";
import { createRuntime, format } from "./runtime";
import { setDisplayWriter } from "./shims/tslabJupyter";
import { tfjsModule } from "./tfjsLoad";
import { TFJS_MODULES } from "./tfjsNames";
import { type DisplayWriter, tslabModule } from "./tslab";

const post = (message: WorkerMessage) => (globalThis as unknown as { postMessage(m: WorkerMessage): void }).postMessage(message);

const write: DisplayWriter = ({ data, metadata, transient }, update) => post({ type: "display", data, metadata, transient, update });
setDisplayWriter(write);

const stream = (name: "stdout" | "stderr") => (...args: unknown[]) => post({ type: "stream", name, text: `${format(...args)}\n` });
console.log = console.info = stream("stdout");
console.error = console.warn = stream("stderr");

const sink = { stream: (name: "stdout" | "stderr", text: string) => post({ type: "stream", name, text }), display: (data: Record<string, unknown>, id: string | undefined, update: boolean) => write({ data, metadata: {}, transient: id === undefined ? {} : { display_id: id } }, update) };
const runtime = createRuntime({
  // The notebooks import the core as ../dist/index, from notebooks/ in a clone; the site's notebooks sit at the root of the lab's files.
  modules: { "../dist/index": () => core, tslab: () => tslabModule(() => write), ...Object.fromEntries(TFJS_MODULES.map((name) => [name, () => tfjsModule(name)])) },
  sink,
});

// As tslab's own SIGINT handler: the core's (src/notebook/interrupt.ts) goes in front of it and calls it when no run is listening.
process.on("SIGINT", () => runtime.interrupt());

// A cell's forgotten promise that fails later still says so, under the last cell run.
globalThis.addEventListener("unhandledrejection", (event) => console.error((event as PromiseRejectionEvent).reason));

let queue = Promise.resolve();
globalThis.addEventListener("message", (event) => {
  const request = (event as MessageEvent<KernelRequest>).data;
  if (request.type === "interrupt") {
    process.emit("SIGINT");
    return;
  }
  queue = queue.then(async () => post({ type: "done", id: request.id, error: await runtime.execute(request.code, request.count) }));
});
