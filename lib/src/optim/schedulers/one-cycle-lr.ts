import { checkSchedulerOptions } from "./scheduler-options";
import { LRScheduler, type SchedulableOptimizer } from "./lr-scheduler";

/** OneCycleLR's options (torch's names in camelCase and defaults). Give `totalSteps`, or `epochs` and `stepsPerEpoch`. */
export interface OneCycleLROptions {
  maxLr: number | number[];
  totalSteps?: number;
  epochs?: number;
  stepsPerEpoch?: number;
  pctStart?: number;
  annealStrategy?: "cos" | "linear";
  cycleMomentum?: boolean;
  baseMomentum?: number | number[];
  maxMomentum?: number | number[];
  divFactor?: number;
  finalDivFactor?: number;
  threePhase?: boolean;
}

/** torch's two annealing curves from `start` (pct = 0) to `end` (pct = 1). */
const anneal = {
  cos: (start: number, end: number, pct: number) => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1),
  linear: (start: number, end: number, pct: number) => (end - start) * pct + start,
};

/** The total number of steps, validated with torch's messages. */
export function oneCycleTotalSteps(o: OneCycleLROptions): number {
  const positiveInt = (v: number) => Number.isInteger(v) && v > 0;
  if (o.totalSteps !== undefined) {
    if (!positiveInt(o.totalSteps)) throw new Error(`Expected positive integer total_steps, but got ${o.totalSteps}`);
    return o.totalSteps;
  }
  if (o.epochs !== undefined && o.stepsPerEpoch !== undefined) {
    if (!positiveInt(o.epochs)) throw new Error(`Expected positive integer epochs, but got ${o.epochs}`);
    if (!positiveInt(o.stepsPerEpoch)) {
      throw new Error(`Expected positive integer steps_per_epoch, but got ${o.stepsPerEpoch}`);
    }
    return o.epochs * o.stepsPerEpoch;
  }
  throw new Error("You must define either total_steps OR (epochs AND steps_per_epoch)");
}

/** @internal Checks pctStart and annealStrategy with torch's messages. */
export function checkOneCycle(o: OneCycleLROptions): void {
  const pct = o.pctStart ?? 0.3;
  if (!(pct >= 0 && pct <= 1)) throw new Error(`Expected float between 0 and 1 pct_start, but got ${pct}`);
  const a = o.annealStrategy ?? "cos";
  if (a !== "cos" && a !== "linear") {
    throw new Error(`anneal_strategy must be one of 'cos' or 'linear', instead got ${String(a)}`);
  }
}

/**
 * The lr and momentum of a one-cycle schedule at step t (torch's phases, for one group):
 * warm-up from η_max/divFactor to η_max over the first pctStart·T steps while momentum falls from maxMomentum to
 * baseMomentum, then annealing down to η_max/(divFactor·finalDivFactor) while momentum rises back. With threePhase the
 * lr first comes back to its start symmetrically and only the last phase goes to the minimum.
 * Like torch it throws only for t > T (so t = T, one step past the end, is still computed by extrapolation).
 */
export function oneCycleAt(t: number, o: OneCycleLROptions, group = 0): { lr: number; momentum: number } {
  const total = oneCycleTotalSteps(o);
  checkOneCycle(o);
  if (t > total) throw new Error(`Tried to step ${t} times. The specified number of total steps is ${total}`);
  const pick = (v: number | number[] | undefined, d: number) => (v === undefined ? d : Array.isArray(v) ? v[group] : v);
  const maxLr = pick(o.maxLr, NaN);
  const initial = maxLr / (o.divFactor ?? 25);
  const min = initial / (o.finalDivFactor ?? 1e4);
  const lo = pick(o.baseMomentum, 0.85);
  const hi = pick(o.maxMomentum, 0.95);
  const pct = o.pctStart ?? 0.3;
  const f = anneal[o.annealStrategy ?? "cos"];
  // [end step, lr from, lr to, momentum from, momentum to]
  const phases: [number, number, number, number, number][] = o.threePhase
    ? [
        [pct * total - 1, initial, maxLr, hi, lo],
        [2 * pct * total - 2, maxLr, initial, lo, hi],
        [total - 1, initial, min, hi, hi],
      ]
    : [
        [pct * total - 1, initial, maxLr, hi, lo],
        [total - 1, maxLr, min, lo, hi],
      ];
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const [end, lr0, lr1, m0, m1] = phases[i];
    if (t <= end || i === phases.length - 1) {
      const p = (t - start) / (end - start);
      return { lr: f(lr0, lr1, p), momentum: f(m0, m1, p) };
    }
    start = end;
  }
  throw new Error("unreachable");
}

/** The lr at steps 0 … steps−1 of a one-cycle schedule (steps defaults to its total), for a plot. */
export function oneCycleValues(o: OneCycleLROptions, steps = oneCycleTotalSteps(o)): number[] {
  return Array.from({ length: steps }, (_, t) => oneCycleAt(t, o).lr);
}

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
