/**
 * The row format shared by experiment (History, sweep, summaries), plot and stats: plain JSON objects, so a notebook
 * can also type them by hand. This folder imports nothing else of the library.
 */

/** A knob's value in a sweep: a learning rate, a momentum, an init name, "on"/"off", or null for "not set". */
export type KnobValue = string | number | boolean | null;

/**
 * One measurement of a training run, in "long" form: a History row.
 *
 * Example: `{ run: "momentum=0.9", seed: 1, step: 200, epoch: 1, split: "val", metric: "loss", value: 0.31,
 * knob: "optim.momentum", knobValue: 0.9 }`.
 */
export interface MetricRow {
  /** The run's name; runs that differ only by seed share it. */
  run: string;
  seed: number;
  /** Optimizer steps (minibatch updates) done so far. */
  step: number;
  epoch: number;
  split: "train" | "val" | "test" | string;
  /** e.g. "loss", "accuracy", "gradNorm", "lr". */
  metric: string;
  value: number;
  /** Wall-clock seconds since the run started. */
  time?: number;
  /** Training samples seen so far (step × batch size when every batch is full). */
  samples?: number;
  /** Set by a sweep: the knob's dotted path in the config, e.g. "optim.momentum". */
  knob?: string;
  /** Set by a sweep: the knob's value for this run, e.g. 0.9. */
  knobValue?: KnobValue;
}

/**
 * A summary of one metric over seeds (e.g. the final validation accuracy of each knob value): what a sweep's
 * summary table shows and what `barChart`/`pointsWithErrorBars` draw (via `barsFromSummary`).
 *
 * Example: `{ run: "lr=0.1", knob: "optim.lr", knobValue: 0.1, split: "val", metric: "accuracy", mean: 0.962,
 * std: 0.004, min: 0.957, max: 0.966, n: 3 }`.
 */
export interface SummaryRow {
  run: string;
  knob?: string;
  knobValue?: KnobValue;
  split: string;
  metric: string;
  /** Mean over seeds. */
  mean: number;
  /** Sample standard deviation over seeds (divides by n − 1; 0 when n = 1), like `torch.std`. */
  std: number;
  min: number;
  max: number;
  /** Number of seeds summarized. */
  n: number;
}

/** A vertical marker on a curve plot, e.g. `{ x: 1200, label: "lr ÷ 10" }` where a plateau schedule fired. */
export interface PlotEvent {
  x: number;
  label: string;
}

/** One bar or point: a category or knob value, a mean, and an error bar (std, or explicit lo..hi). */
export interface BarRow {
  x: KnobValue;
  mean: number;
  /** Error bar mean ± std, unless lo/hi are given. */
  std?: number;
  lo?: number;
  hi?: number;
  /** Bars side by side / points in colour per group (e.g. train vs val). */
  group?: string;
}

/**
 * One cell of a row-normalized confusion matrix: of the examples whose true class is `truth`, the share the model
 * predicted as `predicted` (each row's shares sum to 1). Example: `{ truth: 3, predicted: 8, share: 0.21 }`.
 */
export interface ConfusionCell {
  truth: number;
  predicted: number;
  share: number;
}
