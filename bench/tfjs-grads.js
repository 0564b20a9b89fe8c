// Gradients for the few tfjs kernels the MLP uses. tfjs-core's CommonJS build (tf-core.node.js) ships without
// gradient configs: the umbrella @tensorflow/tfjs package registers them, and tfjs-core's own ESM files
// (dist/register_all_gradients.js) cannot be loaded by node (extensionless imports). These are copies of tfjs-core
// 4.22's dist/gradients/{BatchMatMul,Reshape,Add,Relu}_grad.js, so tfjs backpropagates exactly as it would with the
// umbrella package (the weight and input gradients are its transposed matmuls).
"use strict";

function registerMlpGradients(tf) {
  const { backend_util: bu } = tf;
  const matMulGrads = {
    "false,false": (a, b, dy) => ({ a: () => tf.matMul(dy, b, false, true), b: () => tf.matMul(a, dy, true, false) }),
    "false,true": (a, b, dy) => ({ a: () => tf.matMul(dy, b, false, false), b: () => tf.matMul(dy, a, true, false) }),
    "true,false": (a, b, dy) => ({ a: () => tf.matMul(b, dy, false, true), b: () => tf.matMul(a, dy, false, false) }),
    "true,true": (a, b, dy) => ({ a: () => tf.matMul(b, dy, true, true), b: () => tf.matMul(dy, a, true, true) }),
  };
  tf.registerGradient({
    kernelName: "BatchMatMul",
    inputsToSave: ["a", "b"],
    gradFunc: (dy, [a, b], attrs) => matMulGrads[`${attrs.transposeA},${attrs.transposeB}`](a, b, dy),
  });
  tf.registerGradient({
    kernelName: "Reshape",
    inputsToSave: ["x"],
    gradFunc: (dy, [x]) => ({ x: () => tf.reshape(dy, x.shape) }),
  });
  const unbroadcast = (dy, shape, outShape) => {
    const axes = bu.getReductionAxes(shape, outShape);
    return tf.reshape(axes.length > 0 ? tf.sum(dy, axes) : dy, shape);
  };
  tf.registerGradient({
    kernelName: "Add",
    inputsToSave: ["a", "b"],
    gradFunc: (dy, [a, b]) => {
      const out = bu.assertAndGetBroadcastShape(a.shape, b.shape);
      return { a: () => unbroadcast(dy, a.shape, out), b: () => unbroadcast(dy, b.shape, out) };
    },
  });
  tf.registerGradient({
    kernelName: "Relu",
    inputsToSave: ["x"],
    gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy, tf.cast(tf.step(x), "float32")) }),
  });
}

/**
 * Mean softmax cross-entropy of logits [N, C] against one-hot labels, with its gradient (softmax − onehot)/N given
 * directly (as tf.losses.softmaxCrossEntropy does with customGrad; its weighted-mean wrapper needs more kernels).
 */
function softmaxCrossEntropy(tf) {
  return tf.customGrad((logits, onehot, save) => {
    const lse = tf.logSumExp(logits, 1, true);
    const logp = tf.sub(logits, lse);
    save([logp, onehot]);
    const value = tf.neg(tf.mean(tf.sum(tf.mul(onehot, logp), 1)));
    const gradFunc = (dy, [lp, y]) => {
      const g = tf.div(tf.mul(dy, tf.sub(tf.exp(lp), y)), lp.shape[0]);
      return [g, tf.zerosLike(y)];
    };
    return { value, gradFunc };
  });
}

module.exports = { registerMlpGradients, softmaxCrossEntropy };
