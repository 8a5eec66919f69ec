/**
 * TensorFlow.js in the browser kernel: the modules a notebook may import (the ones the project
 * installs for tslab), shipped in the site as one script that the kernel's worker loads on the
 * first import naming one of them, so a notebook that does not use TensorFlow.js never loads it.
 */
export const TFJS_MODULES = ["@tensorflow/tfjs-core", "@tensorflow/tfjs-backend-cpu", "@tensorflow/tfjs-core/dist/register_all_gradients"] as const;
export type TfjsModule = (typeof TFJS_MODULES)[number];

/** The script, beside the kernel's worker, and the global it leaves the modules in. */
export const TFJS_SCRIPT = "tfjs.js";
export const TFJS_GLOBAL = "backpropExegesisTfjs";
