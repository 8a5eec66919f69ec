import { FAMILY_KERNEL_WASM_BASE64, KERNEL_WASM_BASE64 } from "./binary.generated";

/** What src/kernel/assembly/kernel.ts exports; pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  dataStart(): number;
  trainPair(H: number, nets: number, deltas: number, ε: number, α: number, sweeps: number, stopWhenSolved: number, losses: number, out: number): void;
  study(H: number, count: number, nets: number, ε: number, α: number, cap: number, settle: number, out: number): void;
}

/** What src/kernel/assembly/family.ts exports. */
export interface FamilyKernelExports {
  memory: WebAssembly.Memory;
  dataStart(): number;
  setCases(count: number, data: number, margin: number): void;
  train(count: number, jobs: number, nets: number, deltas: number, masks: number, out: number, losses: number, lossStride: number): void;
}

const compiled = new Map<string, WebAssembly.Module>();

/** A module compiled once per thread: compiling is the slow part, and a module holds no state. */
function compiledModule(base64: string): WebAssembly.Module {
  let module = compiled.get(base64);
  if (!module) compiled.set(base64, (module = new WebAssembly.Module(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)))));
  return module;
}

/** A fresh instance with at least `bytes` of room past its own data, and where that room starts. */
function instantiate<K extends { memory: WebAssembly.Memory; dataStart(): number }>(base64: string, bytes: number): { kernel: K; start: number } {
  const kernel = new WebAssembly.Instance(compiledModule(base64), {}).exports as unknown as K;
  const start = kernel.dataStart();
  const missing = start + bytes - kernel.memory.buffer.byteLength;
  if (missing > 0) kernel.memory.grow(Math.ceil(missing / 65536));
  return { kernel, start };
}

/** The symmetry kernel. */
export const kernelInstance = (bytes: number) => instantiate<KernelExports>(KERNEL_WASM_BASE64, bytes);

/** The family-trees kernel. */
export const familyKernelInstance = (bytes: number) => instantiate<FamilyKernelExports>(FAMILY_KERNEL_WASM_BASE64, bytes);
