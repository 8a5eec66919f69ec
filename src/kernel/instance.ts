import { KERNEL_WASM_BASE64 } from "./binary.generated";

/** What src/kernel/assembly/kernel.ts exports; pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  dataStart(): number;
  trainPair(H: number, nets: number, deltas: number, ε: number, α: number, sweeps: number, stopWhenSolved: number, losses: number, out: number): void;
  study(H: number, count: number, nets: number, ε: number, α: number, cap: number, settle: number, out: number): void;
}

let compiled: WebAssembly.Module | null = null;

const kernelBytes = () => Uint8Array.from(atob(KERNEL_WASM_BASE64), (ch) => ch.charCodeAt(0));

/** The compiled module, once per thread: compiling is the slow part, and a module holds no state. */
function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(kernelBytes());
  return compiled;
}

/**
 * Compiles the module ahead, without blocking: a browser's main thread refuses to compile
 * a module of more than 4 KB synchronously, so a page awaits this before its first run.
 */
export async function compileKernel(): Promise<void> {
  compiled ??= await WebAssembly.compile(kernelBytes());
}

let instance: KernelExports | null = null;

/**
 * The thread's kernel instance, with at least `bytes` of room past its own data, and where
 * that room starts. One instance serves every call: a kernel call sets up all it reads
 * before it reads it, so nothing carries over from one call to the next, and a run in
 * chunks (snapshots every 25 sweeps) does not pay 50 µs for a fresh instance each chunk.
 * Growing the memory detaches earlier views of it: take views after this call.
 */
export function kernelInstance(bytes: number): { kernel: KernelExports; start: number } {
  instance ??= new WebAssembly.Instance(kernelModule(), {}).exports as unknown as KernelExports;
  const start = instance.dataStart();
  const missing = start + bytes - instance.memory.buffer.byteLength;
  if (missing > 0) instance.memory.grow(Math.ceil(missing / 65536));
  return { kernel: instance, start };
}
