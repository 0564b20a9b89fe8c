import type { MetricRow } from "../rows/types";

/** Options of `movingAverage`. */
export interface MovingAverageOptions {
  /** How many of the latest logged values each average covers (e.g. one epoch of minibatches). */
  window: number;
  /** The metric averaged (default "loss"). */
  metric?: string;
  /** The split averaged (default "train"): the per-minibatch values of SGD. */
  split?: string;
  /** The split name of the averaged rows (default `${split} (moving avg)`), so they can sit beside the raw ones. */
  as?: string;
}

/**
 * The lecture's tip for monitoring the training loss: "calculating loss on full dataset can be expensive — instead
 * use moving average from SGD iterations". For every run and seed, each logged minibatch value is replaced by the
 * mean of the latest `window` values up to it (fewer at the start of the run); the rows keep their run, seed,
 * step and knob, and get the split `as`. The last row of a run is its smoothed final training loss — what
 * `stats.compare(rows, { metric: "loss", split: as })` compares.
 *
 * Same as pandas' `series.rolling(window, min_periods=1).mean()` per run.
 * @example
 *   const smooth = movingAverage(runs.rows, { window: 80 });   // 80 steps = one epoch of 4,000 images / 50
 *   show(curves(smooth, { metric: "loss", color: "knobValue", logY: true }));
 */
export function movingAverage(rows: readonly MetricRow[], options: MovingAverageOptions): MetricRow[] {
  const { window, metric = "loss", split = "train" } = options;
  if (!Number.isInteger(window) || window < 1)
    throw new Error(`movingAverage: window must be an integer ≥ 1, got ${window}`);
  const as = options.as ?? `${split} (moving avg)`;
  const byRun = new Map<string, number[]>();
  const out: MetricRow[] = [];
  for (const r of rows) {
    if (r.metric !== metric || r.split !== split) continue;
    const key = `${r.run}\u0000${r.seed}`;
    const values = byRun.get(key) ?? [];
    byRun.set(key, values);
    values.push(r.value);
    // Summed afresh each time: a running sum would lose the small losses after an exploding one (1e20 + 1 − 1e20).
    let sum = 0;
    for (let i = Math.max(0, values.length - window); i < values.length; i++) sum += values[i];
    out.push({ ...r, split: as, value: sum / Math.min(window, values.length) });
  }
  if (!out.length) {
    const have = [...new Set(rows.map((r) => `${r.split}/${r.metric}`))].join(", ");
    throw new Error(`movingAverage: no rows with metric "${metric}" and split "${split}" (the rows have: ${have})`);
  }
  return out;
}
