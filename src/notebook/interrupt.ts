/**
 * Kernel → Interrupt, for notebook runs. Jupyter interrupts the tslab kernel with SIGINT.
 * tslab's own handler makes the awaited cell give up at once (its promise keeps running in
 * the background, so a chunked run carried on training) and prints a stack trace; a
 * synchronous cell is cut short by Node (`vm` with `breakOnSigint`) and prints one too.
 * Here, while a run holds a signal from `whileInterruptible`, SIGINT aborts that signal
 * instead, and the run stops itself cleanly at its next chunk; and a cut-short cell prints
 * one line. Outside a tslab kernel (tests, scripts) nothing is changed: Ctrl-C ends the process.
 */
import { inspect } from "node:util";

/** Thrown by a run stopped by its signal: prints as its one-line message, in a notebook too. */
export class RunInterrupted extends Error {
  constructor(readonly sweep: number) {
    super(`interrupted at sweep ${sweep.toLocaleString("en-US")}`);
    this.name = "RunInterrupted";
  }

  /** tslab prints a failed cell's error with `console.error`: one line, no stack. */
  [inspect.custom](): string {
    return this.message;
  }
}

/** The aborters of the runs going on now; SIGINT aborts them rather than the cell. */
const running = new Set<AbortController>();
let installed = false;

function inKernel(): boolean {
  return typeof (globalThis as { __tslab__?: unknown }).__tslab__ === "object";
}

/** What tslab prints for a cell cut short by SIGINT: Node's error for a synchronous one, tslab's own for an awaited one. */
const INTERRUPT_TRACE = /^Error(?: \[ERR_SCRIPT_EXECUTION_INTERRUPTED\])?: (?:Script execution was interrupted by `SIGINT`|Interrupted asynchronously)/;

/**
 * tslab sets `process.stderr.write` afresh for each cell (to send to that cell); an
 * accessor keeps our filter around each writer it sets, so an interrupt's stack trace
 * reaches the reader as one line.
 */
function oneLineInterrupts(stream: NodeJS.WriteStream): void {
  type Write = NodeJS.WriteStream["write"];
  const filtered = (write: Write): Write =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      const text = typeof chunk === "string" && INTERRUPT_TRACE.test(chunk) ? "interrupted\n" : chunk;
      return (write as (...args: unknown[]) => boolean).call(this, text, ...rest);
    } as Write;
  let write = filtered(stream.write);
  Object.defineProperty(stream, "write", {
    configurable: true,
    get: () => write,
    set: (next: Write) => (write = filtered(next)),
  });
}

/** Puts our SIGINT handler in front of tslab's: it interrupts our runs when there are any, else does what tslab does. */
function install(): void {
  if (installed || !inKernel()) return;
  installed = true;
  const tslabs = process.listeners("SIGINT");
  process.removeAllListeners("SIGINT");
  process.on("SIGINT", (signal) => {
    if (running.size === 0) for (const listener of tslabs) listener(signal);
    for (const run of running) run.abort();
    // A run cut short in its synchronous start never reaches its `finally`: forget them all.
    running.clear();
  });
  oneLineInterrupts(process.stderr);
}

// A notebook imports the core in its first cell. While a cell's synchronous part runs, Node's
// `vm` holds the SIGINT listeners aside (and puts them back after), so install once it is done.
setImmediate(install);

/** Runs `run` with a signal that Kernel → Interrupt aborts (in a tslab kernel; elsewhere it never aborts). */
export async function whileInterruptible<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const aborter = new AbortController();
  running.add(aborter);
  try {
    return await run(aborter.signal);
  } finally {
    running.delete(aborter);
  }
}
