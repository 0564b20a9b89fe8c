import type { Loss, Module } from "../../nn/module";
import { evaluate, type Labelled } from "../evaluate";
import type { FitHook, FitState } from "./hook";

/** When and what `evaluation` measures (the matching `fit` options). */
export interface EvaluationOptions {
  val?: Labelled;
  loss: Loss<Int32Array>;
  /** Evaluate every this many steps; without it, at the end of each epoch. */
  evalEvery?: number;
  /** Also evaluate the initial weights (a baseline at step 0: no plateau step, no early stop). */
  evalAtStart?: boolean;
  resuming?: boolean;
  perClassAccuracy?: boolean;
  metrics?: Record<string, (model: Module) => number>;
}

/**
 * Evaluates on the validation set — every `evalEvery` steps, or at each epoch's end, and once more at the end if the
 * last weights were not evaluated — recording val loss, accuracy (per class if asked) and custom metrics, then tells
 * the other hooks (`s.evaluated`). Like the validation loop of PyTorch Lightning.
 */
export function evaluation(o: EvaluationOptions): FitHook {
  let lastEval = -1;
  const measure = (s: FitState, baseline: boolean) => {
    if (!o.val) return;
    lastEval = s.step;
    const r = evaluate(s.model, o.val, o.loss);
    s.record("val", "loss", r.loss);
    s.record("val", "accuracy", r.accuracy);
    if (o.perClassAccuracy) r.perClassAccuracy.forEach((a, k) => s.record("val", `accuracy/class ${k}`, a));
    for (const [name, f] of Object.entries(o.metrics ?? {})) s.record("val", name, f(s.model));
    if (!baseline) s.evaluated(r);
  };
  return {
    onStart: (s) => {
      if (o.evalAtStart && !o.resuming) measure(s, true);
    },
    onStep: (s) => {
      if (o.evalEvery && s.step % o.evalEvery === 0) measure(s, false);
    },
    onEpochEnd: (s) => {
      if (!o.evalEvery) measure(s, false);
    },
    onEnd: (s) => {
      // The last weights are always evaluated, even when training ends between two scheduled evaluations.
      if (lastEval !== s.step && s.end === "completed") measure(s, false);
    },
  };
}
