import { FAMILY_KERNEL_WASM_BASE64, KERNEL_WASM_BASE64 } from "./binary.generated";

/** What src/kernel/assembly/kernel.ts exports; pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  dataStart(): number;
  trainPair(H: number, nets: number, deltas: number, ε: number, α: number, sweeps: number, stopWhenSolved: number, losses: number, out: number): void;
  study(H: number, count: number, nets: number, ε: number, α: number, cap: number, settle: number, checkpoint: number, out: number): void;
}

/** What src/kernel/assembly/family.ts exports. */
export interface FamilyKernelExports {
  memory: WebAssembly.Memory;
  dataStart(): number;
  setCases(count: number, data: number, margin: number): void;
  train(count: number, jobs: number, nets: number, deltas: number, masks: number, out: number, losses: number, lossStride: number): void;
}

type Exports = { memory: WebAssembly.Memory; dataStart(): number };

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
const compiled = new Map<string, WebAssembly.Module>();

/** A module compiled once per thread: compiling is the slow part, and a module holds no state. */
function compiledModule(base64: string): WebAssembly.Module {
  let module = compiled.get(base64);
  if (!module) compiled.set(base64, (module = new WebAssembly.Module(bytesOf(base64))));
  return module;
}

/**
 * Compiles the symmetry kernel ahead, without blocking: a browser's main thread refuses to
 * compile a module of more than 4 KB synchronously, so a page awaits this before its first run.
 */
export async function compileKernel(): Promise<void> {
  if (!compiled.has(KERNEL_WASM_BASE64)) compiled.set(KERNEL_WASM_BASE64, await WebAssembly.compile(bytesOf(KERNEL_WASM_BASE64)));
}

/** Room for at least `bytes` past the kernel's own data, and where that room starts. Growing the memory detaches earlier views of it: take views after this call. */
function withRoom<K extends Exports>(kernel: K, bytes: number): { kernel: K; start: number } {
  const start = kernel.dataStart();
  const missing = start + bytes - kernel.memory.buffer.byteLength;
  if (missing > 0) kernel.memory.grow(Math.ceil(missing / 65536));
  return { kernel, start };
}

let symmetry: KernelExports | null = null;

/**
 * The thread's symmetry kernel. One instance serves every call: a kernel call sets up all
 * it reads before it reads it, so nothing carries over from one call to the next, and a run
 * in chunks (snapshots every 25 sweeps) does not pay 50 µs for a fresh instance each chunk.
 */
export function kernelInstance(bytes: number): { kernel: KernelExports; start: number } {
  symmetry ??= new WebAssembly.Instance(compiledModule(KERNEL_WASM_BASE64), {}).exports as unknown as KernelExports;
  return withRoom(symmetry, bytes);
}

/** A fresh family-trees kernel (its calls are few and long, so an instance each costs nothing). */
export function familyKernelInstance(bytes: number): { kernel: FamilyKernelExports; start: number } {
  return withRoom(new WebAssembly.Instance(compiledModule(FAMILY_KERNEL_WASM_BASE64), {}).exports as unknown as FamilyKernelExports, bytes);
}
