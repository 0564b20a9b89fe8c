import type { Parameter } from "../nn/module";
import type { OptimizerStateDict } from "./optimizer";

/** What `appliedDecay` needs of an optimizer: groups with lr and weightDecay, a step and its state (SGD, Adam, AdamW). */
export interface DecayingOptimizer {
  paramGroups: { params: Parameter[]; lr: number; weightDecay: number }[];
  step(): void;
  stateDict(): OptimizerStateDict;
  loadStateDict(sd: OptimizerStateDict): void;
}

/**
 * How much of the lecture's decay ηλW one step of `optimizer` really applies to each entry of `param`, in units of
 * ηλW: (step without decay − step with weightDecay λ) ÷ (η·λ·W), both steps taken from the same weights, gradients
 * and optimizer state (which are restored afterwards, so the call changes nothing).
 *
 * For SGD (no momentum) and AdamW the ratio is 1 for every weight: the step multiplies W by (1 − ηλ). For Adam with
 * weightDecay (torch's `Adam(weight_decay=λ)`, λW added to the gradient) it is ≈ (1 − β₁)/(√v̂ + ε) per weight in this
 * step: set by each weight's gradient history, not by λ. Entries with W = 0 give NaN.
 *
 * @example
 *   const ratio = appliedDecay(adam, model.parameters()[0], 0.01);   // after some training steps
 */
export function appliedDecay(optimizer: DecayingOptimizer, param: Parameter, lambda: number): Float64Array {
  if (!(lambda > 0)) throw new Error(`appliedDecay: lambda must be > 0, got ${lambda}`);
  const params = optimizer.paramGroups.flatMap((g) => g.params);
  if (!params.includes(param)) throw new Error("appliedDecay: the parameter is not one the optimizer updates");
  const values = params.map((p) => p.value.data.slice());
  const state = optimizer.stateDict();
  const decays = optimizer.paramGroups.map((g) => g.weightDecay);
  const lr = optimizer.paramGroups.find((g) => g.params.includes(param))!.lr;
  const stepWith = (weightDecay: number): Float64Array => {
    optimizer.loadStateDict(state);
    params.forEach((p, i) => p.value.data.set(values[i]));
    for (const g of optimizer.paramGroups) g.weightDecay = weightDecay;
    optimizer.step();
    return Float64Array.from(param.value.data);
  };
  try {
    const decayed = stepWith(lambda);
    const plain = stepWith(0);
    const w0 = values[params.indexOf(param)];
    return Float64Array.from(w0, (w, i) => (w === 0 ? NaN : (plain[i] - decayed[i]) / (lr * lambda * w)));
  } finally {
    optimizer.loadStateDict(state);
    params.forEach((p, i) => p.value.data.set(values[i]));
    optimizer.paramGroups.forEach((g, i) => (g.weightDecay = decays[i]));
  }
}
