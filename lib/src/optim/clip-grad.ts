import type { Parameter } from "../nn/module";
import { fastSumSquares } from "../tensor/kernels/wasm-elementwise";

/** The parameters whose gradients count: a single one or a list, frozen ones (requiresGrad false) left out. */
function withGrads(params: Parameter | Parameter[]): Parameter[] {
  return (Array.isArray(params) ? params : [params]).filter((p) => p.requiresGrad);
}

/** ‖g‖_p of one gradient (p = Infinity: max |g|). */
function tensorNorm(g: ArrayLike<number>, p: number): number {
  let acc = 0;
  if (p === Infinity) {
    for (let i = 0; i < g.length; i++) acc = Math.max(acc, Math.abs(g[i]));
    return acc;
  }
  const fast = p === 2 ? fastSumSquares(g) : null; // float32: the same sum as a WebAssembly SIMD loop (tensor/kernels)
  if (fast !== null) return Math.sqrt(fast);
  for (let i = 0; i < g.length; i++) acc += p === 2 ? g[i] * g[i] : Math.abs(g[i]) ** p;
  return p === 2 ? Math.sqrt(acc) : acc ** (1 / p);
}

/**
 * The norm of all gradients taken together, as if concatenated into one vector (no clipping): for logging.
 * Like torch, the total is the p-norm of the per-parameter p-norms (the same number).
 *
 * @example
 *   history.push({ step, gradNorm: gradNorm(model.parameters()) });
 */
export function gradNorm(params: Parameter | Parameter[], normType = 2): number {
  if (!(normType > 0)) throw new Error(`gradNorm: normType must be positive or Infinity, got ${normType}`);
  const norms = withGrads(params).map((p) => tensorNorm(p.grad.data, normType));
  return tensorNorm(Float64Array.from(norms), normType);
}

/**
 * Rescales all gradients together so that their total norm is at most `maxNorm`; returns the total norm
 * BEFORE clipping. Same as `torch.nn.utils.clip_grad_norm_`:
 *   total = ‖(g₁, g₂, …)‖_p;  c = maxNorm / (total + 1e-6);  if c < 1: g ← c·g  (the direction is kept).
 * The lecture's fix for exploding gradients (it writes g(t) = max(g(t), G_max); see `clipGradValue` for the
 * per-entry version). With `errorIfNonfinite` a NaN/Inf total throws instead of scaling by it.
 *
 * @example
 *   model.backward(loss.backward());
 *   const norm = clipGradNorm(model.parameters(), 1.0);   // then optimizer.step()
 */
export function clipGradNorm(
  params: Parameter | Parameter[],
  maxNorm: number,
  options: { normType?: number; errorIfNonfinite?: boolean } = {},
): number {
  const { normType = 2, errorIfNonfinite = false } = options;
  const ps = withGrads(params);
  const total = gradNorm(ps, normType);
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new Error(
      `The total norm of order ${normType} for gradients from \`parameters\` is non-finite, so it cannot be ` +
        "clipped. To disable this error and scale the gradients by the non-finite norm anyway, set " +
        "`error_if_nonfinite=False`",
    );
  }
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1 || Number.isNaN(coef)) {
    for (const p of ps) {
      const g = p.grad.data;
      for (let i = 0; i < g.length; i++) g[i] *= coef;
    }
  }
  return total;
}

/**
 * Clamps every gradient entry to [−clipValue, clipValue], in place. Same as `torch.nn.utils.clip_grad_value_`.
 * This is the per-entry reading of the lecture's g(t) = max(g(t), G_max), i.e. g ← min(max(g, −G), G); unlike
 * `clipGradNorm` it can change the gradient's direction.
 *
 * @example
 *   clipGradValue(model.parameters(), 0.5);
 */
export function clipGradValue(params: Parameter | Parameter[], clipValue: number): void {
  for (const p of withGrads(params)) {
    const g = p.grad.data;
    for (let i = 0; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -clipValue), clipValue);
  }
}
