import type { Module } from "./module";

/**
 * The Euclidean norm of all a model's parameters taken as one vector, ‖W‖ = √(Σ_p Σ_i p_i²) — the quantity the
 * lecture's penalty λ/2·‖W‖² charges for and that weight decay shrinks by (1 − ηλ) each step. Biases are included,
 * because torch's `weight_decay` (and ours) decays every parameter it is given.
 * Same as `torch.linalg.vector_norm(torch.cat([p.flatten() for p in model.parameters()]))`.
 *
 * @example
 *   weightNorm(model)   // e.g. 13.7 for a freshly Kaiming-initialized 784-128-10 MLP
 */
export function weightNorm(model: Module): number {
  let s = 0;
  for (const p of model.parameters()) for (const v of p.value.data) s += v * v;
  return Math.sqrt(s);
}
