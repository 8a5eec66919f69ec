/**
 * What the core expects of Node and of tslab at its first import, for a web worker: the
 * `process` it listens to for SIGINT (src/notebook/interrupt.ts, which the kernel's
 * Interrupt emits), `setImmediate` (a macrotask, so an interrupt message gets in between a
 * chunked run's chunks), and tslab's `__tslab__` marker, which tells the core it is in a kernel.
 * `process.cpuUsage`, which a notebook times its studies with, counts the clock's time as
 * user time: no browser tells a page its processor time.
 */
type Listener = (signal: string) => void;

const listeners = new Map<string, Listener[]>();
const stream = (name: "stdout" | "stderr") => ({ write: (text: string) => (console[name === "stdout" ? "log" : "error"](text.replace(/\n$/, "")), true) });

type Usage = { user: number; system: number };

const process = {
  env: {},
  cpuUsage: (since?: Usage): Usage => ({ user: Math.round(performance.now() * 1000) - (since?.user ?? 0), system: 0 }),
  platform: "browser",
  stdout: stream("stdout"),
  stderr: stream("stderr"),
  on(event: string, listener: Listener) {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    return process;
  },
  listeners: (event: string) => [...(listeners.get(event) ?? [])],
  removeAllListeners(event: string) {
    listeners.delete(event);
    return process;
  },
  emit(event: string) {
    for (const listener of listeners.get(event) ?? []) listener(event);
    return (listeners.get(event) ?? []).length > 0;
  },
};

const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();
const setImmediate = (callback: () => void) => {
  queue.push(callback);
  channel.port2.postMessage(null);
};

Object.assign(globalThis, { process, setImmediate, __tslab__: {} });

export type ShimProcess = typeof process;
