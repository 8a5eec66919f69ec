/**
 * The JupyterLite side of the browser kernel: a plugin that registers a kernel named as
 * tslab names its own ("tslab"), so the series' notebooks open without a kernel prompt.
 * The kernel is JupyterLite's `BaseKernel` (its messaging), handing each cell to a web
 * worker (lite/worker.ts) that transpiles and runs it; the page stays responsive while a
 * cell trains, Interrupt reaches the worker between a run's chunks, and Restart starts a
 * fresh worker.
 *
 * JupyterLite's classes come from the app's shared modules at load time (see lite/build.ts),
 * so they are described here by the few members this file uses, not imported.
 */

type Bundle = Record<string, unknown>;
type Header = unknown;

interface KernelOptions {
  id: string;
  name: string;
  location: string;
  sendMessage: (msg: unknown) => void;
}

/** The members of @jupyterlite/services 0.8's BaseKernel that the kernel uses. */
declare class BaseKernel {
  constructor(options: KernelOptions);
  get id(): string;
  get executionCount(): number;
  get parentHeader(): Header | undefined;
  dispose(): void;
  protected stream(content: { name: "stdout" | "stderr"; text: string }, parentHeader?: Header): void;
  protected displayData(content: { data: Bundle; metadata: Bundle; transient: Bundle }, parentHeader?: Header): void;
  protected updateDisplayData(content: { data: Bundle; metadata: Bundle; transient: Bundle }, parentHeader?: Header): void;
  protected publishExecuteError(content: { ename: string; evalue: string; traceback: string[] }, parentHeader?: Header): void;
}

export interface Services {
  BaseKernel: typeof BaseKernel;
  IKernelSpecs: object;
  IKernelClient: object;
}

interface KernelSpecs {
  register(options: { spec: Bundle; create: (options: KernelOptions) => Promise<unknown> }): void;
}

interface KernelClient {
  interrupt(id: string): Promise<void>;
}

/** A message from the kernel worker. */
export type WorkerMessage =
  | { type: "stream"; name: "stdout" | "stderr"; text: string }
  | { type: "display"; data: Bundle; metadata: Bundle; transient: Bundle; update: boolean }
  | { type: "done"; id: number; error: { ename: string; evalue: string; shown: string } | null };

/** A message to the kernel worker. */
export type KernelRequest = { type: "execute"; id: number; code: string; count: number } | { type: "interrupt" };

export const KERNEL_NAME = "tslab";

/** The plugins, given JupyterLite's shared services and the URL of the folder holding the worker scripts. */
export function plugins(services: Services, assets: string) {
  class TslabKernel extends services.BaseKernel {
    private readonly worker = new Worker(`${assets}kernel-worker.js`);
    private readonly pending = new Map<number, (error: WorkerMessage & { type: "done" }) => void>();
    private requests = 0;
    /** Output that arrives after its cell returned (a background promise) goes to the last cell run, as tslab does. */
    private parent: Header | undefined;

    constructor(options: KernelOptions) {
      super(options);
      this.worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => this.receive(data);
    }

    private receive(message: WorkerMessage): void {
      if (message.type === "stream") this.stream({ name: message.name, text: message.text }, this.parent);
      else if (message.type === "display") {
        const content = { data: message.data, metadata: message.metadata, transient: message.transient };
        if (message.update) this.updateDisplayData(content, this.parent);
        else this.displayData(content, this.parent);
      } else this.pending.get(message.id)?.(message);
    }

    async kernelInfoRequest() {
      return {
        implementation: "tslab-browser",
        implementation_version: "1.0.0",
        language_info: { name: "typescript", version: "5", mimetype: "text/typescript", file_extension: ".ts", codemirror_mode: { name: "javascript", typescript: true } },
        protocol_version: "5.3",
        status: "ok" as const,
        banner: "TypeScript in the browser: tslab's notebooks, types stripped by sucrase and run in a web worker",
        help_links: [],
      };
    }

    async executeRequest(content: { code: string }) {
      this.parent = this.parentHeader;
      const id = ++this.requests;
      const count = this.executionCount;
      const done = new Promise<WorkerMessage & { type: "done" }>((resolve) => this.pending.set(id, resolve));
      this.worker.postMessage({ type: "execute", id, code: content.code, count } satisfies KernelRequest);
      const { error } = await done;
      this.pending.delete(id);
      if (error === null) return { status: "ok" as const, execution_count: count, user_expressions: {} };
      const traceback = [error.shown];
      this.publishExecuteError({ ename: error.ename, evalue: error.evalue, traceback }, this.parent);
      return { status: "error" as const, execution_count: count, ename: error.ename, evalue: error.evalue, traceback };
    }

    interrupt(): void {
      this.worker.postMessage({ type: "interrupt" } satisfies KernelRequest);
    }

    override dispose(): void {
      this.worker.terminate();
      kernels.delete(this.id);
      super.dispose();
    }

    async completeRequest(content: { cursor_pos: number }) {
      return { matches: [], cursor_start: content.cursor_pos, cursor_end: content.cursor_pos, metadata: {}, status: "ok" as const };
    }

    async inspectRequest() {
      return { status: "ok" as const, found: false, data: {}, metadata: {} };
    }

    async isCompleteRequest() {
      return { status: "unknown" as const };
    }

    async commInfoRequest() {
      return { comms: {}, status: "ok" as const };
    }

    inputReply(): void {}
    async commOpen(): Promise<void> {}
    async commMsg(): Promise<void> {}
    async commClose(): Promise<void> {}
  }

  const kernels = new Map<string, TslabKernel>();
  return [
    {
      id: "backprop-exegesis-kernel:tslab",
      autoStart: true,
      requires: [services.IKernelSpecs, services.IKernelClient],
      activate(_app: unknown, specs: KernelSpecs, client: KernelClient) {
        specs.register({
          spec: {
            name: KERNEL_NAME,
            display_name: "TypeScript",
            language: "typescript",
            argv: [],
            resources: {},
          },
          create: async (options) => {
            const kernel = new TslabKernel(options);
            kernels.set(kernel.id, kernel);
            return kernel;
          },
        });
        // JupyterLite 0.8's Interrupt only cancels the queued cells; tell the running one too.
        const interrupt = client.interrupt.bind(client);
        client.interrupt = async (id) => {
          kernels.get(id)?.interrupt();
          return interrupt(id);
        };
      },
    },
  ];
}
