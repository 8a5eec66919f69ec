/**
 * node:worker_threads for the browser, as much as the pool (src/parallel/seedPool.ts) and its
 * worker (src/parallel/seedWorker.ts) use: web workers behind Node's `on`/`postMessage`/`terminate`.
 */
type Handler = (value: never) => void;

export class Worker {
  private readonly worker: globalThis.Worker;

  constructor(url: string) {
    this.worker = new globalThis.Worker(url);
  }

  on(event: "message" | "error", handler: Handler): this {
    if (event === "message") this.worker.addEventListener("message", (e) => handler(e.data as never));
    else this.worker.addEventListener("error", (e) => handler(new Error(`a pool worker failed: ${e.message}`) as never));
    return this;
  }

  postMessage(message: unknown): void {
    this.worker.postMessage(message);
  }

  terminate(): Promise<number> {
    this.worker.terminate();
    return Promise.resolve(0);
  }
}

/** In a pool worker, the page that started it. */
export const parentPort = {
  on(event: "message", handler: Handler) {
    globalThis.addEventListener(event, (e) => handler((e as MessageEvent).data as never));
  },
  postMessage(message: unknown) {
    globalThis.postMessage(message);
  },
};
