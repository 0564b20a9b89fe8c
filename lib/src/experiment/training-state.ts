import type { Module } from "../nn/module";
import type { MetricRow } from "../rows/types";
import { History } from "./history";
import type { EvalResult } from "./evaluate";
import type { FitEnd } from "./errors";
import type { FitOptimizer } from "./parts";
import type { FitHook, FitState } from "./hooks/hook";
import type { DivergenceWatch } from "./divergence";

/** The labels every History row of a run carries. */
export interface RunLabel {
  run: string;
  seed: number;
  knob?: string;
  knobValue?: MetricRow["knobValue"];
}

/** @internal The state `fit` shares with its hooks (see FitState). */
export class TrainingState implements FitState {
  step: number;
  epoch: number;
  end: FitEnd = "completed";
  hooks: FitHook[] = [];
  private readonly t0 = performance.now();

  constructor(
    readonly model: Module,
    readonly optimizer: FitOptimizer,
    readonly history: History,
    readonly totalSteps: number,
    private readonly label: RunLabel,
    start: { step: number; epoch: number },
    /** The divergence rule's state (saved in checkpoints). */
    readonly divergence: DivergenceWatch,
  ) {
    this.step = start.step;
    this.epoch = start.epoch;
  }

  get run(): string {
    return this.label.run;
  }

  record(split: string, metric: string, value: number): void {
    const { step, epoch } = this;
    const row: MetricRow = {
      ...this.label,
      step,
      epoch,
      split,
      metric,
      value,
      time: (performance.now() - this.t0) / 1000,
    };
    if (row.knob === undefined) delete row.knob;
    if (row.knobValue === undefined) delete row.knobValue;
    this.history.push(row);
  }

  stop(end: FitEnd): void {
    this.end = end;
  }

  evaluated(r: EvalResult): void {
    for (const h of this.hooks) h.onEvaluate?.(this, r);
  }

  /** Runs one hook method on every hook, in order, awaiting those that return a promise. */
  async each(f: (h: FitHook) => void | Promise<void>): Promise<void> {
    for (const h of this.hooks) {
      const p = f(h);
      if (p) await p;
    }
  }
}
