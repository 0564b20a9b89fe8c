import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** InverseTimeLR's options: the lecture's C in η/(C + t). */
export interface InverseTimeLROptions {
  c: number;
}

/** The lecture's inverse-time decay η/(C + t), written η_t = η₀ · c / (c + t) so that η_0 = η₀ (η = η₀·c). */
export function inverseTimeLrAt(t: number, baseLr: number, o: InverseTimeLROptions): number {
  return (baseLr * o.c) / (o.c + t);
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
