import { didYouMean } from "../../config/suggest";
import type { FitHook } from "./hook";

/** Early stopping's settings: the validation metric to watch, how many evaluations to wait, and its direction. */
export interface EarlyStopOptions {
  metric: string;
  patience: number;
  mode?: "min" | "max";
  minDelta?: number;
}

/**
 * Stops training when the validation `metric` has not improved by more than `minDelta` for `patience` evaluations
 * (the lecture's early stopping; Keras's `EarlyStopping` with the same names).
 */
export function earlyStopping(cfg: EarlyStopOptions): FitHook {
  const sign = cfg.mode === "max" ? -1 : 1;
  return {
    onEvaluate: (s) => {
      const vals = s.history.series(cfg.metric, "val").map((p) => sign * p.value);
      if (!vals.length) {
        const names = [...new Set(s.history.rows.filter((r) => r.split === "val").map((r) => r.metric))];
        throw new TypeError(
          `earlyStop.metric "${cfg.metric}" is not a validation metric of this run, so it could never stop it: ` +
            `use one of ${names.join(", ")}.${didYouMean(cfg.metric, names)}`,
        );
      }
      if (vals.length <= cfg.patience) return;
      const bestBefore = Math.min(...vals.slice(0, vals.length - cfg.patience));
      if (Math.min(...vals.slice(-cfg.patience)) > bestBefore - (cfg.minDelta ?? 0)) s.stop("early-stopped");
    },
  };
}
