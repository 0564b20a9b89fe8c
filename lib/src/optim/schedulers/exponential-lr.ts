import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** ExponentialLR's options: multiply the lr by `gamma` every step. */
export interface ExponentialLROptions {
  gamma: number;
}

/** ExponentialLR: η_t = η₀ · γ^t. */
export function exponentialLrAt(t: number, baseLr: number, o: ExponentialLROptions): number {
  return baseLr * o.gamma ** t;
}

/**
 * Multiplies the lr by γ every step: η_t = η₀ · γ^t. Same as `torch.optim.lr_scheduler.ExponentialLR`.
 *
 * @example
 *   const sched = new ExponentialLR(opt, { gamma: 0.95 });
 */
export class ExponentialLR extends LRScheduler {
  readonly gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: ExponentialLROptions, lastEpoch = -1) {
    checkSchedulerOptions("ExponentialLR", options);
    super(optimizer, lastEpoch);
    this.gamma = options.gamma;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.optimizer.paramGroups.map((g) => (this.lastEpoch === 0 ? g.lr : g.lr * this.gamma));
  }
}
