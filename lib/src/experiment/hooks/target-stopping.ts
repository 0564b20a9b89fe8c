import type { FitHook } from "./hook";

/** Stop a run once a validation metric reaches a target (see `RunConfig.stopAtTarget`). */
export interface TargetStopOptions {
  /** A validation metric, e.g. "loss" or "accuracy". */
  metric: string;
  /** The target value. */
  value: number;
  /** "min" (default): reached when metric ≤ value; "max": when metric ≥ value. */
  mode?: "min" | "max";
}

/**
 * Ends training at the first evaluation whose validation `metric` reaches the target — for "steps to reach a loss"
 * races, where running on after the target only costs time — and records the row ("val", "steps to target"): that
 * step (resolution: `evalEvery`), or Infinity when the run ended without reaching the target.
 */
export function targetStopping(cfg: TargetStopOptions): FitHook {
  const reached = (v: number) => (cfg.mode === "max" ? v >= cfg.value : v <= cfg.value);
  let at = Infinity;
  return {
    onEnd: (s) => s.record("val", "steps to target", at),
    onEvaluate: (s) => {
      const vals = s.history.series(cfg.metric, "val");
      if (!vals.length) {
        throw new TypeError(`stopAtTarget.metric "${cfg.metric}" is not a validation metric of this run`);
      }
      if (at === Infinity && reached(vals[vals.length - 1].value)) {
        at = s.step;
        s.stop("early-stopped");
      }
    },
  };
}
