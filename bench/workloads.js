// The training workloads of issue 7, one epoch of real MNIST on an MLP 784-256-256-10 (ReLU, softmax CE, float32):
//   W1: batch 128, Adam lr 1e-3        W2: batch 32, SGD lr 0.01 momentum 0.9
// Both systems start from the same weights (nn-knobs' seeded init, copied into tfjs) and see the same batches
// (nn-knobs' DataLoader, seed 0), so their test accuracies are comparable.
"use strict";
const { softmaxCrossEntropy } = require("./tfjs-grads");

const WORKLOADS = {
  W1: { batchSize: 128, optimizer: "adam", lr: 1e-3 },
  W2: { batchSize: 32, optimizer: "sgd", lr: 0.01, momentum: 0.9 },
};
const LAYERS = [784, 256, 256, 10];
/** Flops of one training sample: forward 2·Σ in·out, backward twice that (dX and dW), ≈ 1.61 MFLOP (issue 7's count). */
const FLOPS_PER_SAMPLE = 6 * (784 * 256 + 256 * 256 + 256 * 10);
/** What both systems compute: without the first layer's dX = dY·W (2·784·256, the input is data), ≈ 1.21 MFLOP. */
const FLOPS_DONE_PER_SAMPLE = FLOPS_PER_SAMPLE - 2 * 784 * 256;

/** The nn-knobs model with its seeded init. */
function makeModel(nk) {
  const { Sequential, Linear, ReLU } = nk.nn;
  return new Sequential(
    new Linear(784, 256, { seed: 1 }),
    new ReLU(),
    new Linear(256, 256, { seed: 2 }),
    new ReLU(),
    new Linear(256, 10, { seed: 3 }),
  );
}

/** The workload's nn-knobs optimizer: Adam (W1) or SGD with momentum (W2). */
function makeOptimizer(nk, w, params) {
  return w.optimizer === "adam"
    ? new nk.optim.Adam(params, { lr: w.lr })
    : new nk.optim.SGD(params, { lr: w.lr, momentum: w.momentum });
}

function loadData(nk) {
  return { train: nk.data.loadMnist({ split: "train" }), test: nk.data.loadMnist({ split: "test" }) };
}

/** Yields the epoch's batches {x: Float32Array view, y: Int32Array, rows}; the same for both systems. */
function* batches(nk, train, batchSize) {
  for (const b of new nk.data.DataLoader(train, { batchSize, seed: 0 })) yield { x: b.x.data, y: b.y, rows: b.x.rows };
}

/**
 * Trains one epoch with nn-knobs through the library's own loop, `experiment.fit` (zeroGrad, forward, loss, backward
 * with no dx for the data, gradient norm, step, hooks), as a notebook would; `steps` limits the batches (warm-up).
 */
async function trainNnKnobs(nk, data, w, steps = Infinity) {
  const model = makeModel(nk);
  const params = model.parameters();
  const optimizer = makeOptimizer(nk, w, params);
  const train = new nk.data.DataLoader(data.train, { batchSize: w.batchSize, seed: 0 });
  const maxSteps = Number.isFinite(steps) ? steps : undefined;
  const loss = new nk.nn.CrossEntropyLoss();
  await nk.experiment.fit({ model, loss, optimizer, train, epochs: 1, maxSteps, live: false });
  model.eval();
  const pred = nk.tensor.argmaxRows(model.forward(data.test.x));
  let correct = 0;
  for (let i = 0; i < pred.length; i++) correct += pred[i] === data.test.y[i] ? 1 : 0;
  const samples = maxSteps === undefined ? data.train.x.rows : maxSteps * w.batchSize;
  return { samples, testAccuracy: correct / pred.length };
}

/** Trains one epoch with tfjs: dense kernels in×out (tfjs' own layout), the same init values, tf.train optimizers. */
function trainTf(tf, nk, data, w, steps = Infinity) {
  const init = makeModel(nk).parameters(); // [W1 (out×in), b1, W2, b2, W3, b3]
  const vars = init.map((p, i) => {
    const t = tf.tensor2d(p.value.data, [p.value.rows, p.value.cols]);
    const v = tf.variable(i % 2 === 0 ? tf.transpose(t) : tf.reshape(t, [p.value.cols]));
    t.dispose();
    return v;
  });
  const forward = (x) => {
    let h = x;
    for (let l = 0; l < 3; l++) {
      h = tf.add(tf.matMul(h, vars[2 * l]), vars[2 * l + 1]);
      if (l < 2) h = tf.relu(h);
    }
    return h;
  };
  const opt = w.optimizer === "adam" ? tf.train.adam(w.lr) : tf.train.momentum(w.lr, w.momentum);
  const crossEntropy = softmaxCrossEntropy(tf);
  let n = 0;
  for (const b of batches(nk, data.train, w.batchSize)) {
    if (n >= steps * w.batchSize) break;
    tf.tidy(() => {
      const x = tf.tensor2d(b.x, [b.rows, 784]);
      const y = tf.oneHot(tf.tensor1d(b.y, "int32"), 10);
      opt.minimize(() => crossEntropy(forward(x), y), false, vars);
    });
    n += b.rows;
  }
  const acc = tf.tidy(() => {
    const pred = tf.argMax(forward(tf.tensor2d(data.test.x.data, [data.test.x.rows, 784])), 1);
    return tf.mean(tf.cast(tf.equal(pred, tf.tensor1d(data.test.y, "int32")), "float32")).dataSync()[0];
  });
  opt.dispose();
  vars.forEach((v) => v.dispose());
  return { samples: n, testAccuracy: acc };
}

module.exports = {
  WORKLOADS,
  LAYERS,
  makeModel,
  makeOptimizer,
  batches,
  FLOPS_PER_SAMPLE,
  FLOPS_DONE_PER_SAMPLE,
  loadData,
  trainNnKnobs,
  trainTf,
};
