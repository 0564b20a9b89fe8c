import { Sampler, type Dataset, type SamplerKind } from "../data";
import type { MetricRow } from "../rows/types";

/**
 * Mean cross-entropy of softmax regression (the single Linear layer of `mlp({ sizes: [d, k] })`) over the
 * examples `idx`, in float64; adds its gradient into `grad` (k × (d + 1), bias last) when given.
 */
function softmaxLoss(w: Float64Array, data: Dataset, idx: ArrayLike<number>, grad?: Float64Array): number {
  const d = data.x.cols,
    k = w.length / (d + 1),
    x = data.x.data,
    p = new Float64Array(k);
  let total = 0;
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let z = w[c * (d + 1) + d];
      for (let j = 0; j < d; j++) z += w[c * (d + 1) + j] * x[i * d + j];
      p[c] = z;
      max = Math.max(max, z);
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += p[c] = Math.exp(p[c] - max);
    total += Math.log(sum) - Math.log(p[data.y[i]]);
    if (!grad) continue;
    for (let c = 0; c < k; c++) {
      const r = (p[c] / sum - (c === data.y[i] ? 1 : 0)) / idx.length; // ∂ℓ/∂z_c = softmax − one-hot
      for (let j = 0; j < d; j++) grad[c * (d + 1) + j] += r * x[i * d + j];
      grad[c * (d + 1) + d] += r;
    }
  }
  return total / idx.length;
}

/**
 * The minimum L* of the training loss of softmax regression on `data`, by full-batch gradient descent in float64
 * until the gradient's norm is below 1e-10 (the loss is convex; it has a minimum when the classes overlap).
 */
export function softmaxRegressionOptimum(data: Dataset, lr = 1, maxSteps = 100_000): number {
  const k = Math.max(...data.y) + 1,
    w = new Float64Array(k * (data.x.cols + 1));
  const all = Int32Array.from({ length: data.y.length }, (_, i) => i);
  for (let s = 0; s < maxSteps; s++) {
    const g = new Float64Array(w.length);
    const loss = softmaxLoss(w, data, all, g);
    if (Math.hypot(...g) < 1e-10) return loss;
    for (let j = 0; j < w.length; j++) w[j] -= lr * g[j];
  }
  throw new Error(`softmaxRegressionOptimum: no convergence in ${maxSteps} steps (separable classes have no minimum)`);
}

export interface OrderFloorsOptions {
  data: Dataset;
  samplers: SamplerKind[];
  /** Constant step sizes η. */
  etas: number[];
  seeds: number[];
  epochs: number;
  /** The floor is the mean excess loss at the ends of the last `lastEpochs` epochs (default: half the epochs). */
  lastEpochs?: number;
}

/**
 * Where the sample order shows on a convex problem: batch-1 SGD at a constant step size η on softmax regression
 * (float64, W = 0 at the start), recording the excess training loss L(W) − L* at the end of every epoch. Its floor
 * scales like η with replacement (fresh noise every step) but like η² for a permutation, whose per-epoch gradients
 * add up to the full gradient (random reshuffling: Gürbüzbalaban et al. 2019; Mishchenko et al. 2020).
 * Returns per-epoch rows (`metric` "excess loss", one `run` per sampler and η), `floors` (one row per sampler,
 * seed and η: `metric` "excess loss floor, η = …"), and `slopes`: the least-squares slope of log floor vs log η
 * per sampler and seed (`metric` "floor slope in η") — what `stats.compare` reads, paired by seed.
 */
export function orderFloors(o: OrderFloorsOptions): {
  lStar: number;
  rows: MetricRow[];
  floors: MetricRow[];
  slopes: MetricRow[];
} {
  const lStar = softmaxRegressionOptimum(o.data);
  const n = o.data.y.length,
    k = Math.max(...o.data.y) + 1,
    last = o.lastEpochs ?? Math.ceil(o.epochs / 2);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const rows: MetricRow[] = [],
    floors: MetricRow[] = [],
    slopes: MetricRow[] = [];
  const tag = (sampler: SamplerKind) => ({ split: "train", knob: "data.sampler", knobValue: sampler });
  for (const sampler of o.samplers) {
    for (const seed of o.seeds) {
      const logFloor: number[] = [];
      for (const eta of o.etas) {
        const w = new Float64Array(k * (o.data.x.cols + 1)),
          s = new Sampler(sampler, { n, seed });
        let sum = 0;
        for (let epoch = 1; epoch <= o.epochs; epoch++) {
          for (const i of s.order(epoch - 1)) {
            const g = new Float64Array(w.length);
            softmaxLoss(w, o.data, [i], g);
            for (let j = 0; j < w.length; j++) w[j] -= eta * g[j]; // W ← W − η ∇ℓ(x_i, y_i)
          }
          const value = softmaxLoss(w, o.data, all) - lStar;
          const run = `${sampler}, η = ${eta}`;
          rows.push({ run, seed, step: epoch * n, epoch, metric: "excess loss", value, ...tag(sampler) });
          if (epoch > o.epochs - last) sum += value / last;
        }
        const metric = `excess loss floor, η = ${eta}`;
        floors.push({ run: sampler, seed, step: o.epochs * n, epoch: o.epochs, metric, value: sum, ...tag(sampler) });
        logFloor.push(Math.log(sum));
      }
      slopes.push({
        run: sampler,
        seed,
        step: 0,
        epoch: 0,
        metric: "floor slope in η",
        value: slope(o.etas, logFloor),
        ...tag(sampler),
      });
    }
  }
  return { lStar, rows, floors, slopes };
}

/** Least-squares slope of y against log x. */
function slope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log),
    mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0,
    den = 0;
  lx.forEach((x, i) => ((num += (x - mx) * (ys[i] - my)), (den += (x - mx) ** 2)));
  return num / den;
}
