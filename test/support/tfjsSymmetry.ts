/**
 * The symmetry net written a second time, in TensorFlow.js on its CPU backend (float32):
 * an independent oracle for our gradient and a yardstick for our speed. Its gradient
 * comes from TF.js's own automatic differentiation, its steps from its own momentum
 * optimiser, whose update (v ← αv + g, w ← w − εv) is eq. 9 written with v = −Δw/ε.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import { type Case, type Network, type StepRule } from "../../src/index";

// Production mode: no per-op debugging checks, and no console notice about tfjs-node.
tf.enableProdMode();
void tf.setBackend("cpu");

/** The net's four weight tensors, as TF.js variables: w1[j][i], b1[j], w2[0][j], b2[0]. */
function variables(network: Network): tf.Variable[] {
  const [hidden, output] = network.layers as [Network["layers"][0], Network["layers"][0]];
  return [tf.variable(tf.tensor2d(hidden.weights)), tf.variable(tf.tensor1d(hidden.biases)), tf.variable(tf.tensor2d(output.weights)), tf.variable(tf.tensor1d(output.biases))];
}

/** E = ½ Σ_c (y_c − d_c)² for the whole set of cases, as a TF.js scalar. */
function lossOf(vars: tf.Variable[], x: tf.Tensor2D, d: tf.Tensor2D): tf.Scalar {
  const [w1, b1, w2, b2] = vars as [tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R1>, tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R1>];
  const h = tf.sigmoid(tf.add(tf.matMul(x, w1, false, true), b1));
  const y = tf.sigmoid(tf.add(tf.matMul(h, w2, false, true), b2));
  return tf.mul(0.5, tf.sum(tf.square(tf.sub(y, d))));
}

function data(cases: readonly Case[]): { x: tf.Tensor2D; d: tf.Tensor2D } {
  return { x: tf.tensor2d(cases.map((c) => c.input)), d: tf.tensor2d(cases.map((c) => c.target)) };
}

/** Back to a plain network, in float64 from TF.js's float32. */
async function toNetwork(vars: tf.Variable[]): Promise<Network> {
  const [w1, b1, w2, b2] = (await Promise.all(vars.map((v) => v.array()))) as [number[][], number[], number[][], number[]];
  return { layers: [{ weights: w1, biases: b1 }, { weights: w2, biases: b2 }] };
}

/** E and ∂E/∂w over the cases, by TF.js's automatic differentiation. */
export async function tfjsGradient(network: Network, cases: readonly Case[]): Promise<{ E: number; dEdw: Network }> {
  const vars = variables(network);
  const { x, d } = data(cases);
  const { value, grads } = tf.variableGrads(() => lossOf(vars, x, d), vars);
  const E = (await value.data())[0]!;
  const dEdw = await toNetwork(vars.map((v) => grads[v.name]!) as tf.Variable[]);
  tf.dispose([value, x, d, ...vars, ...Object.values(grads)]);
  return { E, dEdw };
}

/** Full-sweep training with TF.js's momentum optimiser at learning rate ε and momentum α. */
export async function tfjsTrain(network: Network, cases: readonly Case[], sweeps: number, { ε, α }: StepRule): Promise<{ network: Network; E: number }> {
  const vars = variables(network);
  const { x, d } = data(cases);
  const optimiser = tf.train.momentum(ε, α);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    tf.tidy(() => {
      optimiser.minimize(() => lossOf(vars, x, d), false, vars);
    });
  }
  const E = tf.tidy(() => lossOf(vars, x, d).dataSync()[0]!);
  const trained = await toNetwork(vars);
  optimiser.dispose();
  tf.dispose([x, d, ...vars]);
  return { network: trained, E };
}
