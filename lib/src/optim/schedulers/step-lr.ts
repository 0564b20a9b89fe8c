import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** StepLR's options: drop the lr by `gamma` (default 0.1) every `stepSize` steps. */
export interface StepLROptions {
  stepSize: number;
  gamma?: number;
}

/** StepLR: η_t = η₀ · γ^⌊t / stepSize⌋. */
export function stepLrAt(t: number, baseLr: number, o: StepLROptions): number {
  return baseLr * (o.gamma ?? 0.1) ** Math.floor(t / o.stepSize);
}

function positiveInteger(where: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${where}: ${name} must be a positive integer, got ${v}`);
}

/**
 * Multiplies the lr by γ every `stepSize` steps: η_t = η₀ · γ^⌊t / stepSize⌋. Same as `torch.optim.lr_scheduler.StepLR`
 * (computed recursively from the group's current lr, like torch, so it chains with other schedules).
 *
 * @example
 *   const sched = new StepLR(opt, { stepSize: 30, gamma: 0.1 });  // 0.1 → 0.01 at epoch 30 → 0.001 at 60
 */
export class StepLR extends LRScheduler {
  readonly stepSize: number;
  readonly gamma: number;

  constructor(optimizer: SchedulableOptimizer, options: StepLROptions, lastEpoch = -1) {
    checkSchedulerOptions("StepLR", options);
    super(optimizer, lastEpoch);
    positiveInteger("StepLR", "stepSize", options.stepSize);
    this.stepSize = options.stepSize;
    this.gamma = options.gamma ?? 0.1;
    this.initialStep();
  }

  protected getLr(): number[] {
    const drop = this.lastEpoch !== 0 && this.lastEpoch % this.stepSize === 0;
    return this.optimizer.paramGroups.map((g) => (drop ? g.lr * this.gamma : g.lr));
  }
}
