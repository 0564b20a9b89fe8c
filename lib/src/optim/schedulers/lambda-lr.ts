import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** LambdaLR's options: η_t = η₀ · lrLambda(t). */
export interface LambdaLROptions {
  lrLambda: (t: number) => number;
}

/** LambdaLR: η_t = η₀ · λ(t). */
export function lambdaLrAt(t: number, baseLr: number, o: LambdaLROptions): number {
  return baseLr * o.lrLambda(t);
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
