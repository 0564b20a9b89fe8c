import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** CosineAnnealingLR's options (torch's names in camelCase). */
export interface CosineAnnealingLROptions {
  tMax: number;
  etaMin?: number;
}

/** CosineAnnealingLR: η_t = η_min + (η₀ − η_min)(1 + cos(π t / T_max)) / 2 (rising again after T_max, as torch). */
export function cosineAnnealingLrAt(t: number, baseLr: number, o: CosineAnnealingLROptions): number {
  const etaMin = o.etaMin ?? 0;
  return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * t) / o.tMax))) / 2;
}

/**
 * Cosine annealing from the base lr down to η_min over T_max steps, same as `torch.optim.lr_scheduler.CosineAnnealingLR`:
 *   η_t = η_min + (η₀ − η_min)(1 + cos(π t / T_max)) / 2   (SGDR without restarts; after T_max it rises again).
 * Computed with torch's recursive form from the group's current lr (so it chains like torch's); with a constant
 * base lr it equals the closed form `cosineAnnealingLrAt` to rounding.
 *
 * @example
 *   const sched = new CosineAnnealingLR(opt, { tMax: stepsPerEpoch * epochs });
 */
export class CosineAnnealingLR extends LRScheduler {
  readonly tMax: number;
  readonly etaMin: number;

  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingLROptions, lastEpoch = -1) {
    checkSchedulerOptions("CosineAnnealingLR", options);
    super(optimizer, lastEpoch);
    if (!(options.tMax > 0)) throw new Error(`CosineAnnealingLR: tMax must be positive, got ${options.tMax}`);
    this.tMax = options.tMax;
    this.etaMin = options.etaMin ?? 0;
    this.initialStep();
  }

  protected getLr(): number[] {
    const { lastEpoch: t, tMax: T, etaMin } = this;
    const groups = this.optimizer.paramGroups;
    if (t === 0) return groups.map((g) => g.lr);
    if (this.stepCount === 1 && t > 0) {
      // resumed: start from the closed form
      return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((t * Math.PI) / T))) / 2);
    }
    if ((t - 1 - T) % (2 * T) === 0) {
      // just past the bottom: the ratio below would divide by 1 + cos(π) = 0
      return groups.map((g, i) => g.lr + ((this.baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / T))) / 2);
    }
    const ratio = (1 + Math.cos((Math.PI * t) / T)) / (1 + Math.cos((Math.PI * (t - 1)) / T));
    return groups.map((g) => ratio * (g.lr - etaMin) + etaMin);
  }
}
