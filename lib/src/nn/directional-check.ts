import { Rng } from "../rng";
import type { Tensor } from "../tensor";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import type { Loss } from "./module";
import type { Sequential } from "./sequential";

/** Options of `directionalCheck`. */
export interface DirectionalCheckOptions {
  /** Central-difference step along the unit direction (default 1e-5, the float64 optimum of notebook 00). */
  delta?: number;
  /** "gradient": d = g/‖g‖ (default); "random": a seeded Gaussian direction of unit length. */
  direction?: "gradient" | "random";
  /** Seed of the random direction. */
  seed?: number;
  /** The loss (default cross-entropy with class targets). */
  loss?: Loss<any>;
}

/** What `directionalCheck` measured. */
export interface DirectionalCheck {
  /** (ℓ(w + δd) − ℓ(w − δd)) / 2δ. */
  numeric: number;
  /** g·d, the slope the backward pass predicts along d. */
  analytic: number;
  /** ‖g‖, the whole gradient's norm. */
  gradNorm: number;
  /** |numeric − analytic| / ‖g‖. */
  error: number;
}

/**
 * The gradient check at scale: one central difference along a unit direction d instead of one per weight (two
 * forward passes in all), compared with g·d from the backward pass. The difference is divided by ‖g‖, not by
 * |g·d|: along a random direction in n dimensions |g·d| ≈ ‖g‖/√n, so dividing by it would inflate the error √n-fold
 * and make it swing with the direction. With d = g/‖g‖ (the default) g·d = ‖g‖ and the check sees the whole
 * gradient. Run it in float64: float32's rounding swamps the central difference (notebook 00, part 4).
 * Weights are restored afterwards; the parameters' grads hold g.
 * @example directionalCheck(mlp({ sizes: [784, 64, 10], dtype: "float64" }, 0), x, y).error // ~1e-10
 */
export function directionalCheck(
  model: Sequential,
  x: Tensor,
  y: any,
  o: DirectionalCheckOptions = {},
): DirectionalCheck {
  const loss = o.loss ?? new CrossEntropyLoss(),
    delta = o.delta ?? 1e-5;
  const params = model.parameters();
  model.zeroGrad();
  loss.forward(model.forward(x), y);
  model.backward(loss.backward());
  const g = params.map((p) => Float64Array.from(p.grad.data));
  const gradNorm = Math.sqrt(g.reduce((s, b) => s + b.reduce((t, v) => t + v * v, 0), 0));
  if (!(gradNorm > 0)) throw new Error("directionalCheck: the gradient is zero; nothing to check along");
  const rng = new Rng(o.seed ?? 0);
  const raw = o.direction === "random" ? g.map((b) => b.map(() => rng.normal(0, 1))) : g;
  const rawNorm = Math.sqrt(raw.reduce((s, b) => s + b.reduce((t, v) => t + v * v, 0), 0));
  const d = raw.map((b) => b.map((v) => v / rawNorm));
  const analytic = g.reduce((s, b, k) => s + b.reduce((t, v, i) => t + v * d[k][i], 0), 0);
  const w0 = params.map((p) => Float64Array.from(p.value.data));
  const lossAt = (t: number) => {
    params.forEach((p, k) => p.value.data.set(w0[k].map((w, i) => w + t * d[k][i])));
    return loss.forward(model.forward(x), y);
  };
  const numeric = (lossAt(delta) - lossAt(-delta)) / (2 * delta);
  params.forEach((p, k) => p.value.data.set(w0[k]));
  return { numeric, analytic, gradNorm, error: Math.abs(numeric - analytic) / gradNorm };
}
