/**
 * Every learning-rate schedule as a plain function of the step t = 0, 1, 2, … (the scheduler's `lastEpoch`), for
 * plotting without an optimizer. They agree with the scheduler classes (tested): `scheduleValues("cosine", 0.1,
 * { tMax: 100 }, 100)` is the lr a `CosineAnnealingLR` sets after 0, 1, …, 99 `step()` calls.
 */
import { oneCycleAt, type OneCycleLROptions } from "./one-cycle";

export interface StepLROptions {
  stepSize: number;
  gamma?: number;
}
export interface MultiStepLROptions {
  milestones: number[];
  gamma?: number;
}
export interface ExponentialLROptions {
  gamma: number;
}
export interface CosineAnnealingLROptions {
  tMax: number;
  etaMin?: number;
}
export interface LambdaLROptions {
  lrLambda: (t: number) => number;
}
export interface LinearLROptions {
  startFactor?: number;
  endFactor?: number;
  totalIters?: number;
}
export interface InverseTimeLROptions {
  c: number;
}

/** StepLR: η_t = η₀ · γ^⌊t / stepSize⌋. */
export function stepLrAt(t: number, baseLr: number, o: StepLROptions): number {
  return baseLr * (o.gamma ?? 0.1) ** Math.floor(t / o.stepSize);
}

/** MultiStepLR: η_t = η₀ · γ^(number of milestones ≤ t) (a repeated milestone counts twice, as in torch). */
export function multiStepLrAt(t: number, baseLr: number, o: MultiStepLROptions): number {
  return baseLr * (o.gamma ?? 0.1) ** o.milestones.filter((m) => m <= t).length;
}

/** ExponentialLR: η_t = η₀ · γ^t. */
export function exponentialLrAt(t: number, baseLr: number, o: ExponentialLROptions): number {
  return baseLr * o.gamma ** t;
}

/** CosineAnnealingLR: η_t = η_min + (η₀ − η_min)(1 + cos(π t / T_max)) / 2 (rising again after T_max, as torch). */
export function cosineAnnealingLrAt(t: number, baseLr: number, o: CosineAnnealingLROptions): number {
  const etaMin = o.etaMin ?? 0;
  return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * t) / o.tMax))) / 2;
}

/** LambdaLR: η_t = η₀ · λ(t). */
export function lambdaLrAt(t: number, baseLr: number, o: LambdaLROptions): number {
  return baseLr * o.lrLambda(t);
}

/** LinearLR (warm-up): η_t = η₀ · (s + (e − s) · min(t, T) / T), s = startFactor, e = endFactor, T = totalIters. */
export function linearLrAt(t: number, baseLr: number, o: LinearLROptions): number {
  const s = o.startFactor ?? 1 / 3;
  const e = o.endFactor ?? 1;
  const total = o.totalIters ?? 5;
  return baseLr * (s + ((e - s) * Math.min(t, total)) / total);
}

/** The lecture's inverse-time decay η/(C + t), written η_t = η₀ · c / (c + t) so that η_0 = η₀ (η = η₀·c). */
export function inverseTimeLrAt(t: number, baseLr: number, o: InverseTimeLROptions): number {
  return (baseLr * o.c) / (o.c + t);
}

/** The schedules `scheduleValues` knows, with their options. */
export interface ScheduleKinds {
  oneCycle: OneCycleLROptions;
  step: StepLROptions;
  multiStep: MultiStepLROptions;
  exponential: ExponentialLROptions;
  cosine: CosineAnnealingLROptions;
  lambda: LambdaLROptions;
  linear: LinearLROptions;
  inverseTime: InverseTimeLROptions;
}

const closedForms: { [K in keyof ScheduleKinds]: (t: number, baseLr: number, o: ScheduleKinds[K]) => number } = {
  oneCycle: (t, _baseLr, o) => oneCycleAt(t, o).lr, // starts at maxLr/divFactor whatever the optimizer's lr (as torch)
  step: stepLrAt,
  multiStep: multiStepLrAt,
  exponential: exponentialLrAt,
  cosine: cosineAnnealingLrAt,
  lambda: lambdaLrAt,
  linear: linearLrAt,
  inverseTime: inverseTimeLrAt,
};

/**
 * The lr at steps 0 … steps−1 of a schedule, for a plot.
 *
 * @example
 *   scheduleValues("step", 0.1, { stepSize: 30 }, 90);   // 30 × 0.1, 30 × 0.01, 30 × 0.001
 *   scheduleValues("inverseTime", 0.1, { c: 10 }, 100);  // 0.1 · 10/(10 + t)
 *   scheduleValues("oneCycle", 0, { maxLr: 0.1, totalSteps: 100 }, 100);  // baseLr is not used by oneCycle
 */
export function scheduleValues<K extends keyof ScheduleKinds>(
  kind: K,
  baseLr: number,
  options: ScheduleKinds[K],
  steps: number,
): number[] {
  const f = closedForms[kind] as (t: number, baseLr: number, o: ScheduleKinds[K]) => number;
  if (!f)
    throw new Error(
      `scheduleValues: unknown schedule "${String(kind)}"; use one of ${Object.keys(closedForms).join(", ")}`,
    );
  return Array.from({ length: steps }, (_, t) => f(t, baseLr, options));
}
