import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";
import { checkOneCycle, oneCycleAt, oneCycleTotalSteps, type OneCycleLROptions } from "./one-cycle";

/**
 * The 1cycle policy (Smith & Topin, "super-convergence"), same as `torch.optim.lr_scheduler.OneCycleLR`: call
 * `step()` after every batch. The lr warms up from maxLr/divFactor to maxLr over the first `pctStart` of the steps
 * and then anneals to maxLr/(divFactor·finalDivFactor); momentum (SGD's `momentum`, Adam's β₁) cycles the other way,
 * between maxMomentum and baseMomentum. Like torch it overwrites the groups' lr (and momentum) at construction and
 * throws when stepped past `totalSteps`. Per-step values: `oneCycleAt(t, options)`.
 *
 * @example
 *   const sched = new OneCycleLR(opt, { maxLr: 0.1, epochs: 10, stepsPerEpoch: loader.batchesPerEpoch });
 */
export class OneCycleLR extends LRScheduler {
  readonly options: OneCycleLROptions;
  readonly totalSteps: number;
  /** true when the optimizer's groups have `betas` (Adam): then β₁ is cycled instead of `momentum`. */
  readonly useBeta1: boolean;

  constructor(optimizer: SchedulableOptimizer, options: OneCycleLROptions, lastEpoch = -1) {
    checkSchedulerOptions("OneCycleLR", options);
    super(optimizer, lastEpoch);
    this.totalSteps = oneCycleTotalSteps(options);
    checkOneCycle(options);
    const n = optimizer.paramGroups.length;
    for (const [name, v] of Object.entries({
      maxLr: options.maxLr,
      baseMomentum: options.baseMomentum,
      maxMomentum: options.maxMomentum,
    })) {
      if (Array.isArray(v) && v.length !== n) throw new Error(`expected ${n} values for ${name}, got ${v.length}`);
    }
    this.options = { ...options, totalSteps: this.totalSteps };
    const g0 = optimizer.paramGroups[0];
    this.useBeta1 = g0.betas !== undefined;
    if ((options.cycleMomentum ?? true) && g0.momentum === undefined && !this.useBeta1) {
      throw new Error("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
    }
    if (lastEpoch === -1) {
      // torch sets initial_lr = max_lr / div_factor and starts the momentum at max_momentum
      optimizer.paramGroups.forEach((g, i) => {
        const maxLr = Array.isArray(options.maxLr) ? options.maxLr[i] : options.maxLr;
        g.initialLr = maxLr / (options.divFactor ?? 25);
        this.baseLrs[i] = g.initialLr;
      });
    }
    this.initialStep();
  }

  protected getLr(): number[] {
    const cycle = this.options.cycleMomentum ?? true;
    return this.optimizer.paramGroups.map((g, i) => {
      const { lr, momentum } = oneCycleAt(this.lastEpoch, this.options, i);
      if (cycle && this.useBeta1 && g.betas) g.betas = [momentum, g.betas[1]];
      else if (cycle) g.momentum = momentum;
      return lr;
    });
  }
}
