import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** MultiStepLR's options: drop the lr by `gamma` (default 0.1) at each milestone. */
export interface MultiStepLROptions {
  milestones: number[];
  gamma?: number;
}

/** MultiStepLR: η_t = η₀ · γ^(number of milestones ≤ t) (a repeated milestone counts twice, as in torch). */
export function multiStepLrAt(t: number, baseLr: number, o: MultiStepLROptions): number {
  return baseLr * (o.gamma ?? 0.1) ** o.milestones.filter((m) => m <= t).length;
}

/**
 * Multiplies the lr by γ at each milestone: η_t = η₀ · γ^(milestones ≤ t). Same as `torch.optim.lr_scheduler.MultiStepLR`.
 *
 * @example
 *   const sched = new MultiStepLR(opt, { milestones: [30, 80], gamma: 0.1 });
 */
export class MultiStepLR extends LRScheduler {
  readonly milestones: number[];
  readonly gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: MultiStepLROptions, lastEpoch = -1) {
    checkSchedulerOptions("MultiStepLR", options);
    super(optimizer, lastEpoch);
    this.milestones = [...options.milestones].sort((a, b) => a - b);
    this.gamma = options.gamma ?? 0.1;
    this.initialStep();
  }

  protected getLr(): number[] {
    const hits = this.milestones.filter((m) => m === this.lastEpoch).length; // torch counts repeats (a Counter)
    return this.optimizer.paramGroups.map((g) => g.lr * this.gamma ** hits);
  }
}
