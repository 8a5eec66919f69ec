import { KERNEL_WASM_BASE64 } from "./binary.generated";

/** What src/kernel/assembly/kernel.ts exports; pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  dataStart(): number;
  trainPair(H: number, nets: number, deltas: number, ε: number, α: number, sweeps: number, stopWhenSolved: number, losses: number, out: number): void;
  study(H: number, count: number, nets: number, ε: number, α: number, cap: number, settle: number, out: number): void;
}

let compiled: WebAssembly.Module | null = null;

/** The compiled module, once per thread: compiling is the slow part, and a module holds no state. */
function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(KERNEL_WASM_BASE64), (ch) => ch.charCodeAt(0)));
  return compiled;
}

/** A fresh kernel instance with at least `bytes` of room past its own data, and where that room starts. */
export function kernelInstance(bytes: number): { kernel: KernelExports; start: number } {
  const kernel = new WebAssembly.Instance(kernelModule(), {}).exports as unknown as KernelExports;
  const start = kernel.dataStart();
  const missing = start + bytes - kernel.memory.buffer.byteLength;
  if (missing > 0) kernel.memory.grow(Math.ceil(missing / 65536));
  return { kernel, start };
}
