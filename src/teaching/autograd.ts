/**
 * ∂E/∂w by automatic differentiation, for notebook 4 to set beside the series' hand-written
 * backward pass: TensorFlow.js is given E alone, written forward as tensor operations, and
 * `tf.grads` derives the backward pass itself from the operations it recorded (reverse mode).
 * It computes in float32 on its CPU backend. TF.js is loaded on the first call only, so the
 * notebooks that never ask for it never load it.
 */
import { type Case } from "../core/loss";
import { type Network } from "../core/network";

import type * as tfjs from "@tensorflow/tfjs-core";

type TF = typeof tfjs;

let loading: Promise<TF> | undefined;

/** TF.js with its CPU backend and every op's gradient registered; quiet (production mode). */
function tensorflow(): Promise<TF> {
  loading ??= (async () => {
    const tf = await import("@tensorflow/tfjs-core");
    await import("@tensorflow/tfjs-backend-cpu");
    await import("@tensorflow/tfjs-core/dist/register_all_gradients");
    tf.enableProdMode();
    await tf.setBackend("cpu");
    return tf;
  })();
  return loading;
}

/** E = ½ Σ_c Σ_j (y_j,c − d_j,c)² and ∂E/∂w for every weight of a layered logistic net, by `tf.grads`. */
export async function autogradGradient(network: Network, cases: readonly Case[]): Promise<{ E: number; dEdw: Network }> {
  const tf = await tensorflow();
  const x = tf.tensor2d(cases.map((c) => c.input));
  const d = tf.tensor2d(cases.map((c) => c.target));
  // One (W, b) pair per layer; each row of x is a case, so a layer computes σ(y Wᵀ + b).
  const weights = network.layers.flatMap((layer) => [tf.tensor2d(layer.weights), tf.tensor1d(layer.biases)]);
  const error = (...w: tfjs.Tensor[]): tfjs.Scalar => {
    let y: tfjs.Tensor = x;
    for (let l = 0; l < w.length; l += 2) y = tf.sigmoid(tf.add(tf.matMul(y, w[l]!, false, true), w[l + 1]!));
    return tf.mul(0.5, tf.sum(tf.square(tf.sub(y, d))));
  };
  const [E, ...grads] = tf.tidy(() => [error(...weights), ...tf.grads(error)(weights)]);
  const arrays = grads.map((g) => g.arraySync());
  const E_ = E!.arraySync() as number;
  tf.dispose([x, d, ...weights, E!, ...grads]);
  return { E: E_, dEdw: { layers: network.layers.map((_, l) => ({ weights: arrays[2 * l] as number[][], biases: arrays[2 * l + 1] as number[] })) } };
}
