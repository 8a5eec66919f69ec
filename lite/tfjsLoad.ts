/**
 * TensorFlow.js in a web worker of the site's lab: the site's own script (lite/tfjs.ts, beside
 * the worker), loaded on first use and once (importScripts waits for it, as a require in Node
 * does). The kernel's imports of TensorFlow.js and the core's own (src/teaching/autograd.ts,
 * redirected here by lite/build.ts) both come here, so the worker's bundle leaves it out.
 */
import { TFJS_GLOBAL, TFJS_SCRIPT, type TfjsModule } from "./tfjsNames";

export function tfjsModule(name: TfjsModule): unknown {
  const scope = globalThis as unknown as Record<string, unknown> & { importScripts(url: string): void };
  if (!(TFJS_GLOBAL in scope)) scope.importScripts(new URL(TFJS_SCRIPT, self.location.href).href);
  return (scope[TFJS_GLOBAL] as Record<TfjsModule, unknown>)[name];
}
