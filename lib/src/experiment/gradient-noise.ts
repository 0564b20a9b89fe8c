import type { Dataset } from "../data/dataset";
import type { Module } from "../nn/module";
import type { CrossEntropyLoss } from "../nn/cross-entropy-loss";
import { gatherRows } from "../tensor/ops";
import { Rng } from "../rng";

/** The gradient ∇ℓ of `model` averaged over the rows `idx` of a dataset, flattened into one float64 vector. */
export function flatGradient(model: Module, loss: CrossEntropyLoss, ds: Dataset, idx: ArrayLike<number>): Float64Array {
  model.zeroGrad();
  loss.forward(
    model.forward(gatherRows(ds.x, idx)),
    Int32Array.from(idx, (i) => ds.y[i]),
  );
  model.backward(loss.backward(), false);
  const grads = model.parameters().map((p) => p.grad.data);
  const flat = new Float64Array(grads.reduce((n, g) => n + g.length, 0));
  let at = 0;
  for (const g of grads) flat.set(g, (at += g.length) - g.length);
  return flat;
}

/** What `gradientNoise` measured. */
export interface GradientNoise {
  /** Per m: the mean of ‖g_B − ḡ‖² over the draws, with its standard error. */
  points: { m: number; mean: number; sem: number }[];
  /** Least-squares slope of log(mean) against log(m): −1 is the 1/m law. */
  slope: number;
  /** σ² = tr Σ, the per-example variance E‖g_i − ḡ‖², estimated as the mean over m of m · E‖g_B − ḡ‖². */
  sigma2: number;
  /** ‖ḡ‖², the squared norm of the full-batch gradient. */
  fullNormSq: number;
  /**
   * The noise scale B = σ² / ‖ḡ‖² (McCandlish et al. 2018, "simple noise scale"): the batch size at which the
   * minibatch noise σ²/m equals the signal ‖ḡ‖². Well below B a larger batch is a much better estimate (and allows
   * a larger η); well above it the estimate is already good and a larger batch saves few steps.
   */
  noiseScale: number;
}

/**
 * At fixed weights, the variance of the minibatch gradient g_B = (1/m) Σ_{i∈B} ∇ℓ_i around the full-batch gradient
 * ḡ (the mean over all of `ds`), for each batch size m: `draws` batches of m indices drawn with replacement, so the
 * m draws are independent and E‖g_B − ḡ‖² = σ²/m exactly.
 * @example const noise = gradientNoise(model, new CrossEntropyLoss(), pool, [1, 4, 16, 64], 32, 1); noise.slope // ≈ −1
 */
export function gradientNoise(
  model: Module,
  loss: CrossEntropyLoss,
  ds: Dataset,
  sizes: number[],
  draws: number,
  seed: number,
): GradientNoise {
  if (draws < 2) throw new Error(`gradientNoise: draws must be at least 2 (for a standard error), got ${draws}`);
  const n = ds.y.length;
  const full = flatGradient(
    model,
    loss,
    ds,
    Int32Array.from({ length: n }, (_, i) => i),
  );
  const rng = new Rng(seed);
  const points = sizes.map((m) => {
    const d2: number[] = [];
    for (let k = 0; k < draws; k++) {
      const g = flatGradient(model, loss, ds, rng.choice(n, m));
      let s = 0;
      for (let j = 0; j < g.length; j++) s += (g[j] - full[j]) ** 2;
      d2.push(s);
    }
    const mean = d2.reduce((a, b) => a + b, 0) / draws;
    const sd = Math.sqrt(d2.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws - 1));
    return { m, mean, sem: sd / Math.sqrt(draws) };
  });
  const lx = points.map((p) => Math.log(p.m));
  const ly = points.map((p) => Math.log(p.mean));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const slope = lx.reduce((s, x, i) => s + (x - mx) * (ly[i] - my), 0) / lx.reduce((s, x) => s + (x - mx) ** 2, 0);
  const sigma2 = points.reduce((s, p) => s + p.m * p.mean, 0) / points.length;
  const fullNormSq = full.reduce((s, g) => s + g * g, 0);
  return { points, slope, sigma2, fullNormSq, noiseScale: sigma2 / fullNormSq };
}
