import { didYouMean } from "../../config/suggest";
/**
 * The one list of learning-rate schedulers: the name a config uses (`schedule: { name: "cosine", … }`), the class
 * it builds and its closed form η_t = f(t, η₀) for plotting without an optimizer. `buildScheduler` (configs) and
 * `scheduleValues` (plots) both read it, so each scheduler has exactly one spelling.
 */
import type { LRScheduler, SchedulableOptimizer } from "./lr-scheduler";
import { StepLR, stepLrAt, type StepLROptions } from "./step-lr";
import { MultiStepLR, multiStepLrAt, type MultiStepLROptions } from "./multi-step-lr";
import { ExponentialLR, exponentialLrAt, type ExponentialLROptions } from "./exponential-lr";
import { CosineAnnealingLR, cosineAnnealingLrAt, type CosineAnnealingLROptions } from "./cosine-annealing-lr";
import { LambdaLR, lambdaLrAt, type LambdaLROptions } from "./lambda-lr";
import { LinearLR, linearLrAt, type LinearLROptions } from "./linear-lr";
import { InverseTimeLR, inverseTimeLrAt, type InverseTimeLROptions } from "./inverse-time-lr";
import { OneCycleLR, oneCycleAt, type OneCycleLROptions } from "./one-cycle-lr";
import { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./reduce-lr-on-plateau";

/** Each scheduler's options, by its one name. */
export interface ScheduleKinds {
  step: StepLROptions;
  multistep: MultiStepLROptions;
  exponential: ExponentialLROptions;
  cosine: CosineAnnealingLROptions;
  lambda: LambdaLROptions;
  linear: LinearLROptions;
  "inverse-time": InverseTimeLROptions;
  onecycle: OneCycleLROptions;
  plateau: ReduceLROnPlateauOptions;
}
/** A scheduler's name, as configs and `scheduleValues` spell it. */
export type ScheduleName = keyof ScheduleKinds;

interface Entry<O> {
  /** Builds the scheduler; `totalSteps` (the run's length) fills CosineAnnealingLR's tMax and OneCycleLR's length. */
  make(optimizer: SchedulableOptimizer, options: O, totalSteps: number): LRScheduler | ReduceLROnPlateau;
  /** The lr at step t from the base lr (absent for ReduceLROnPlateau, which depends on the metrics: plateauValues). */
  at?(t: number, baseLr: number, options: O): number;
}

const SCHEDULERS: { [K in ScheduleName]: Entry<ScheduleKinds[K]> } = {
  step: { make: (opt, o) => new StepLR(opt, o), at: stepLrAt },
  multistep: { make: (opt, o) => new MultiStepLR(opt, o), at: multiStepLrAt },
  exponential: { make: (opt, o) => new ExponentialLR(opt, o), at: exponentialLrAt },
  cosine: {
    make: (opt, o, total) => new CosineAnnealingLR(opt, { ...o, tMax: o.tMax ?? total }),
    at: cosineAnnealingLrAt,
  },
  lambda: { make: (opt, o) => new LambdaLR(opt, o), at: lambdaLrAt },
  linear: { make: (opt, o) => new LinearLR(opt, o), at: linearLrAt },
  "inverse-time": { make: (opt, o) => new InverseTimeLR(opt, o), at: inverseTimeLrAt },
  // starts at maxLr/divFactor whatever the optimizer's lr (as torch): the base lr is not used
  onecycle: {
    make: (opt, o, total) => new OneCycleLR(opt, { totalSteps: total, ...o }),
    at: (t, _b, o) => oneCycleAt(t, o).lr,
  },
  plateau: { make: (opt, o) => new ReduceLROnPlateau(opt, o) },
};

/** Earlier spellings, only to say what the name is now. */
const RENAMED: Record<string, ScheduleName> = {
  multiStep: "multistep",
  oneCycle: "onecycle",
  inverseTime: "inverse-time",
  stepLR: "step",
  cosineAnnealing: "cosine",
};

function entry<K extends ScheduleName>(where: string, name: K): Entry<ScheduleKinds[K]> {
  const e = SCHEDULERS[name] as Entry<ScheduleKinds[K]> | undefined;
  if (e && Object.prototype.hasOwnProperty.call(SCHEDULERS, name)) return e;
  const renamed = RENAMED[name as string];
  throw new Error(
    renamed
      ? `${where}: the schedule "${String(name)}" is spelled "${renamed}"`
      : `${where}: unknown schedule "${String(name)}"; use one of ${Object.keys(SCHEDULERS).join(", ")}.` +
          didYouMean(String(name), Object.keys(SCHEDULERS)),
  );
}

/**
 * Builds the scheduler `name` for an optimizer (what a config's `schedule` does).
 * @example makeScheduler("cosine", opt, {}, 1000)   // CosineAnnealingLR with tMax = 1000
 */
export function makeScheduler<K extends ScheduleName>(
  name: K,
  optimizer: SchedulableOptimizer,
  options: ScheduleKinds[K],
  totalSteps: number,
): LRScheduler | ReduceLROnPlateau {
  return entry("makeScheduler", name).make(optimizer, options, totalSteps);
}

/**
 * The lr at steps 0 … steps−1 of a schedule, for a plot — the lr the scheduler class sets after 0, 1, … `step()`
 * calls (tested against the classes and torch).
 *
 * @example
 *   scheduleValues("step", 0.1, { stepSize: 30 }, 90);   // 30 × 0.1, 30 × 0.01, 30 × 0.001
 *   scheduleValues("inverse-time", 0.1, { c: 10 }, 100); // 0.1 · 10/(10 + t)
 *   scheduleValues("onecycle", 0, { maxLr: 0.1, totalSteps: 100 }, 100);  // baseLr is not used by onecycle
 */
export function scheduleValues<K extends ScheduleName>(
  kind: K,
  baseLr: number,
  options: ScheduleKinds[K],
  steps: number,
): number[] {
  const at = entry("scheduleValues", kind).at;
  if (!at) throw new Error(`scheduleValues: "${kind}" has no closed form (it follows the metric): use plateauValues`);
  return Array.from({ length: steps }, (_, t) => at(t, baseLr, options));
}
