/** What a schedule reads and writes in a parameter group (every `Optimizer` group has these). */
export interface ScheduledGroup {
  lr: number;
  initialLr?: number;
  momentum?: number;
  betas?: [number, number];
}

/** Anything with parameter groups can be scheduled: every optimizer here, or `{ paramGroups: [{ lr: 0.1 }] }`. */
export interface SchedulableOptimizer {
  readonly paramGroups: ScheduledGroup[];
}

/** A scheduler's counters as plain JSON, like torch's `scheduler.state_dict()`. */
export interface SchedulerStateDict {
  lastEpoch: number;
  stepCount: number;
  baseLrs: number[];
  lastLr: number[];
  [extra: string]: unknown;
}

/**
 * The base of the learning-rate schedules, same as `torch.optim.lr_scheduler.LRScheduler`.
 *
 * Construction records each group's starting lr as `initialLr` (`baseLrs`) and takes the initial step, so
 * `lastEpoch` is 0 and the lr is the schedule's value at step 0. Call `step()` after `optimizer.step()`;
 * each call advances `lastEpoch` by one and writes the new lr into every group. Pass `lastEpoch` ≥ 0 to resume
 * (the groups must then carry `initialLr`, as torch requires `initial_lr`).
 * A subclass sets its options, then calls `this.initialStep()` at the end of its constructor.
 *
 * @example
 *   const sched = new StepLR(opt, { stepSize: 30, gamma: 0.1 });
 *   for (let epoch = 0; epoch < 90; epoch++) { train(); sched.step(); }
 *   sched.getLastLr();   // [lr of each group]
 */
export abstract class LRScheduler {
  readonly optimizer: SchedulableOptimizer;
  /** Each group's lr at the start of the schedule (torch's `base_lrs`). */
  baseLrs: number[];
  /** The number of `step()` calls since the start, 0 right after construction (torch's `last_epoch`). */
  lastEpoch: number;
  protected stepCount = 0;
  private lastLr: number[] = [];

  constructor(optimizer: SchedulableOptimizer, lastEpoch = -1) {
    this.optimizer = optimizer;
    optimizer.paramGroups.forEach((g, i) => {
      if (lastEpoch === -1) g.initialLr ??= g.lr;
      else if (g.initialLr === undefined) {
        throw new Error(`param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
      }
    });
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr as number);
    this.lastEpoch = lastEpoch;
  }

  /** torch's `_initial_step`: called once at the end of a subclass constructor. */
  protected initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /** The lrs for the current `lastEpoch` (torch's `get_lr`; may read the groups' current lr). */
  protected abstract getLr(): number[];

  /** Advances one step (or epoch) and sets each group's lr. */
  step(): void {
    this.stepCount += 1;
    this.lastEpoch += 1;
    const lrs = this.getLr();
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = lrs[i]));
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The lr of each group as last set by this scheduler. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): SchedulerStateDict {
    return {
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      baseLrs: [...this.baseLrs],
      lastLr: this.getLastLr(),
    };
  }

  loadStateDict(sd: SchedulerStateDict): void {
    this.lastEpoch = sd.lastEpoch;
    this.stepCount = sd.stepCount;
    this.baseLrs = [...sd.baseLrs];
    this.lastLr = [...sd.lastLr];
  }
}
