import type { Module } from "../../nn/module";
import type { History } from "../history";
import type { FitEnd } from "../errors";
import type { FitOptimizer } from "../parts";
import type { EvalResult } from "../evaluate";

/** What `fit` shares with its hooks: the parts, the History, the counters and two ways to act on the loop. */
export interface FitState {
  readonly model: Module;
  readonly optimizer: FitOptimizer;
  readonly history: History;
  /** Optimizer steps done so far (1 in the first `onStep`). */
  readonly step: number;
  /** Epochs completed so far. */
  readonly epoch: number;
  /** Steps planned: batches per epoch × epochs. */
  readonly totalSteps: number;
  /** The run's name in the History rows. */
  readonly run: string;
  /** How the run is ending: "completed" until a hook calls `stop`. */
  readonly end: FitEnd;
  /** Appends a History row {run, seed, step, epoch, split, metric, value, time} for the current step. */
  record(split: string, metric: string, value: number): void;
  /** Ends training after the current step (e.g. early stopping). */
  stop(end: FitEnd): void;
  /** Tells every hook that an evaluation produced `result` (a plateau scheduler and early stopping listen). */
  evaluated(result: EvalResult): void;
}

/** The minibatch just trained on: its loss, accuracy and gradient norm (before clipping). */
export interface StepResult {
  loss: number;
  accuracy: number;
  gradNorm: number;
}

/**
 * A fit hook: code that runs at fixed points of the training loop, like the callbacks of Keras or PyTorch
 * Lightning. Evaluation, scheduling, logging, checkpoints, early stopping, the live view and the interrupt check
 * are all hooks; pass your own in `fit({ hooks: [...] })`. Every method is optional; `onStep` may be async.
 */
export interface FitHook {
  /** Before the first step (after a resume has restored the parts). */
  onStart?(s: FitState): void | Promise<void>;
  /** After every optimizer step. */
  onStep?(s: FitState, r: StepResult): void | Promise<void>;
  /** After every evaluation on the validation set (not the baseline one of `evalAtStart`). */
  onEvaluate?(s: FitState, r: EvalResult): void;
  /** After each completed epoch (`s.epoch` already counts it). */
  onEpochEnd?(s: FitState): void | Promise<void>;
  /** When training ends normally (the final evaluation happens here). */
  onEnd?(s: FitState): void | Promise<void>;
  /** Always, last: after a normal end or with the error that ended training (e.g. to close a live display). */
  onClose?(s: FitState, error?: unknown): void;
}
