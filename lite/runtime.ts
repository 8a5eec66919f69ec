/**
 * The browser kernel's evaluator, free of any browser or Jupyter API so that Node can test
 * it: cells run in order against one scope, a cell's value and `console.log` print as tslab
 * prints them (Node's util.inspect, here node-inspect-extracted), imports resolve to the
 * modules the site ships, and a failed cell becomes one line that names its position.
 */
import { formatWithOptions } from "node-inspect-extracted";
import { CellSyntaxError, cellFile, compileCell } from "./transpile";

export type MimeBundle = Record<string, unknown>;

/** Where a cell's output goes: the worker sends it to the notebook; a test collects it. */
export interface Sink {
  stream(name: "stdout" | "stderr", text: string): void;
  display(data: MimeBundle, displayId: string | undefined, update: boolean): void;
}

/** A cell that failed, as Jupyter shows it: the error's name and one line. */
export interface CellError {
  ename: string;
  evalue: string;
  /** The one line the reader sees. */
  shown: string;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What tslab prints for `console.log(...args)`. */
export const format = (...args: unknown[]) => formatWithOptions({}, ...args);

/** The error a cell raised as one line: its own inspect text if it has one (a verdict, an interrupted run), else name and message, with the cell's line. */
export function describeError(err: unknown, count: number): CellError {
  const named = (ename: string, evalue: string) => ({ ename, evalue, shown: `${ename}: ${evalue}` });
  if (err instanceof CellSyntaxError) return named(err.name, err.message);
  if (!(err instanceof Error)) return named("Error", `the cell threw ${format(err)}`);
  const custom = (err as unknown as Record<symbol, unknown>)[INSPECT];
  if (typeof custom === "function") {
    const text = String(custom.call(err));
    return { ename: err.name, evalue: text, shown: text };
  }
  if (err instanceof Interrupted) return { ename: err.name, evalue: err.message, shown: err.message };
  const at = new RegExp(`${cellFile(count).replace(".", "\\.")}:(\\d+):\\d+`).exec(err.stack ?? "");
  const where = at ? ` (line ${at[1]})` : "";
  return named(err.name, `${err.message.split("\n")[0]}${where}`);
}

/** Thrown into an awaited cell by Kernel → Interrupt when no run of the core is listening for it. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "Interrupted";
  }
}

export interface RuntimeOptions {
  /** The modules a cell may import, by the specifier the notebooks write: each loaded by the first import that names it. */
  modules: Record<string, () => unknown>;
  /** Sends output to the running cell. */
  sink: Sink;
}

export interface Runtime {
  /** Runs a cell; resolves with its error, or null when it ran. */
  execute(code: string, count: number): Promise<CellError | null>;
  /** Makes the awaited cell give up, as tslab's SIGINT handler does. */
  interrupt(): void;
}

export function createRuntime({ modules, sink }: RuntimeOptions): Runtime {
  // No prototype: a cell's `constructor` or `toString` must not find Object's through the scope.
  const scope: Record<string, unknown> = Object.create(null);
  const known = Object.keys(modules).map((k) => `"${k}"`);
  const loaded = new Map<string, unknown>();
  const require = (specifier: string): unknown => {
    if (!Object.hasOwn(modules, specifier)) throw new Error(`cannot import "${specifier}" here: the browser kernel ships only ${known.slice(0, -1).join(", ")} and ${known.at(-1)}, and fetches nothing from the network`);
    if (!loaded.has(specifier)) loaded.set(specifier, modules[specifier]!());
    return loaded.get(specifier);
  };
  let cancel: (err: Error) => void = () => undefined;

  return {
    async execute(code, count) {
      try {
        const { source, names } = compileCell(code, count);
        const run = (0, eval)(source) as (scope: object, require: (s: string) => unknown) => Promise<unknown>;
        for (const name of names) if (!(name in scope)) scope[name] = undefined;
        const interrupted = new Promise<never>((_, reject) => (cancel = reject));
        const value = await Promise.race([run(scope, require), interrupted]);
        // tslab prints a cell's value with console.log, unless it is null or undefined.
        if (value != null) sink.stream("stdout", `${format(value)}\n`);
        return null;
      } catch (err) {
        return describeError(err, count);
      } finally {
        cancel = () => undefined;
      }
    },
    interrupt() {
      cancel(new Interrupted());
    },
  };
}
