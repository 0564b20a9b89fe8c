import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** LinearLR's options (torch's names in camelCase). */
export interface LinearLROptions {
  startFactor?: number;
  endFactor?: number;
  totalIters?: number;
}

/** LinearLR (warm-up): η_t = η₀ · (s + (e − s) · min(t, T) / T), s = startFactor, e = endFactor, T = totalIters. */
export function linearLrAt(t: number, baseLr: number, o: LinearLROptions): number {
  const s = o.startFactor ?? 1 / 3;
  const e = o.endFactor ?? 1;
  const total = o.totalIters ?? 5;
  return baseLr * (s + ((e - s) * Math.min(t, total)) / total);
}

/**
 * Linear warm-up (or decay) of the lr factor from `startFactor` to `endFactor` over `totalIters` steps, same as
 * `torch.optim.lr_scheduler.LinearLR`: η_t = η₀ · (s + (e − s) · min(t, T) / T). Defaults s = 1/3, e = 1, T = 5.
 * Computed with torch's recursive form from the group's current lr.
 *
 * @example
 *   const warmup = new LinearLR(opt, { startFactor: 0.1, totalIters: 500 });
 */
export class LinearLR extends LRScheduler {
  readonly startFactor: number;
  readonly endFactor: number;
  readonly totalIters: number;

  constructor(optimizer: SchedulableOptimizer, options: LinearLROptions = {}, lastEpoch = -1) {
    checkSchedulerOptions("LinearLR", options);
    super(optimizer, lastEpoch);
    const { startFactor = 1 / 3, endFactor = 1, totalIters = 5 } = options;
    if (startFactor > 1 || startFactor <= 0) {
      throw new Error("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
    }
    if (endFactor > 1 || endFactor < 0) throw new Error("Ending multiplicative factor expected to be between 0 and 1.");
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    this.initialStep();
  }

  protected getLr(): number[] {
    const { lastEpoch: t, startFactor: s, endFactor: e, totalIters: T } = this;
    const groups = this.optimizer.paramGroups;
    if (t === 0) return groups.map((g) => g.lr * s);
    if (t > T) return groups.map((g) => g.lr);
    const factor = 1 + (e - s) / (T * s + (t - 1) * (e - s));
    return groups.map((g) => g.lr * factor);
  }
}
