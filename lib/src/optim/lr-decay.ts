import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";
import {
  inverseTimeLrAt,
  type ExponentialLROptions,
  type InverseTimeLROptions,
  type MultiStepLROptions,
  type StepLROptions,
} from "./schedules";

// Fixed-timetable decays: the lecture's "drop η_t (typically 1/10) when learning appears stuck", planned ahead.

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

/**
 * Sets η_t = η₀ · λ(t) for a function λ (one, or one per group). Same as `torch.optim.lr_scheduler.LambdaLR`.
 * The function is not saved by `stateDict()` (torch saves it only when it is an object, never a plain function).
 *
 * @example
 *   const warmup = new LambdaLR(opt, { lrLambda: (t) => Math.min(1, (t + 1) / 100) });
 */
export class LambdaLR extends LRScheduler {
  readonly lrLambdas: ((t: number) => number)[];

  constructor(
    optimizer: SchedulableOptimizer,
    options: { lrLambda: ((t: number) => number) | ((t: number) => number)[] },
    lastEpoch = -1,
  ) {
    checkSchedulerOptions("LambdaLR", options);
    super(optimizer, lastEpoch);
    const n = optimizer.paramGroups.length;
    const fs = Array.isArray(options.lrLambda) ? options.lrLambda : Array.from({ length: n }, () => options.lrLambda);
    if (fs.length !== n) throw new Error(`Expected ${n} lr_lambdas, but got ${fs.length}`);
    this.lrLambdas = fs as ((t: number) => number)[];
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((base, i) => base * this.lrLambdas[i](this.lastEpoch));
  }
}

/**
 * The lecture's decay "for SGD decay the learning rate with t as ≈ 1/(C + t)" (from convex optimization; a
 * heuristic for networks): η_t = η₀ · c / (c + t). This is the lecture's η/(C + t) with C = c and η = η₀·c, written so
 * that the first lr is the optimizer's lr. No torch class; `LambdaLR` with λ(t) = c/(c + t) is the same.
 *
 * @example
 *   const sched = new InverseTimeLR(opt, { c: 100 });  // halves the lr after 100 steps, a third after 200
 */
export class InverseTimeLR extends LRScheduler {
  readonly c: number;

  constructor(optimizer: SchedulableOptimizer, options: InverseTimeLROptions, lastEpoch = -1) {
    checkSchedulerOptions("InverseTimeLR", options);
    super(optimizer, lastEpoch);
    if (!(options.c > 0)) throw new Error(`InverseTimeLR: c must be positive, got ${options.c}`);
    this.c = options.c;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((base) => inverseTimeLrAt(this.lastEpoch, base, this));
  }
}
