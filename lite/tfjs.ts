/** The site's TensorFlow.js script (see tfjsNames.ts): the modules, by the names notebooks import them under. */
import * as core from "@tensorflow/tfjs-core";
import * as cpu from "@tensorflow/tfjs-backend-cpu";
import * as gradients from "@tensorflow/tfjs-core/dist/register_all_gradients";
import { TFJS_GLOBAL, type TfjsModule } from "./tfjsNames";

const modules: Record<TfjsModule, unknown> = { "@tensorflow/tfjs-core": core, "@tensorflow/tfjs-backend-cpu": cpu, "@tensorflow/tfjs-core/dist/register_all_gradients": gradients };
(globalThis as unknown as Record<string, unknown>)[TFJS_GLOBAL] = modules;
