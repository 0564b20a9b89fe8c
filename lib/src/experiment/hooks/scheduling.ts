import type { FitScheduler } from "../parts";
import type { FitHook } from "./hook";

/**
 * Steps a learning-rate scheduler: after every optimizer step (`interval: "step"`, the default) or at each epoch's
 * end, as torch's `scheduler.step()` placed after `optimizer.step()`; ReduceLROnPlateau steps with the validation
 * loss after each evaluation instead.
 */
export function scheduling(scheduler: FitScheduler, interval: "step" | "epoch" = "step"): FitHook {
  return {
    onStep: () => {
      if (!scheduler.isPlateau && interval === "step") scheduler.step();
    },
    onEpochEnd: () => {
      if (!scheduler.isPlateau && interval === "epoch") scheduler.step();
    },
    onEvaluate: (_s, r) => {
      if (scheduler.isPlateau) scheduler.step(r.loss);
    },
  };
}
