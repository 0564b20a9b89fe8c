import type { MetricRow } from "../rows/types";

/**
 * The record of one or more training runs as long-format rows `{ run, seed, step, epoch, split, metric, value }`,
 * ready for the plot builders (`curves(history.rows)`) and for summaries.
 *
 * Wall-clock time is kept in each row's `time` field (seconds since the run started), never in `value`, so two runs
 * with the same config and seed give identical rows apart from `time` (see `withoutTime`).
 *
 * @example
 *   const h = await fit(...);
 *   h.last("loss", "val");            // the final validation loss
 *   h.series("accuracy", "val");      // [{ step, value }, …]
 */
export class History {
  readonly rows: MetricRow[];

  constructor(rows: MetricRow[] = []) {
    this.rows = rows;
  }

  push(row: MetricRow): void {
    this.rows.push(row);
  }

  /** Rows matching every given field. */
  filter(where: Partial<MetricRow>): MetricRow[] {
    const keys = Object.keys(where) as (keyof MetricRow)[];
    return this.rows.filter((r) => keys.every((k) => r[k] === where[k]));
  }

  /** `{ step, value }` points of one metric on one split, in step order. */
  series(metric: string, split = "train", run?: string): { step: number; value: number }[] {
    return this.rows
      .filter((r) => r.metric === metric && r.split === split && (run === undefined || r.run === run))
      .map((r) => ({ step: r.step, value: r.value }));
  }

  /** The last recorded value of a metric (NaN if it was never recorded). */
  last(metric: string, split = "train", run?: string): number {
    const s = this.series(metric, split, run);
    return s.length ? s[s.length - 1].value : NaN;
  }

  /** The smallest recorded value of a metric (e.g. the best validation loss). */
  min(metric: string, split = "train"): number {
    return Math.min(...this.series(metric, split).map((p) => p.value));
  }

  /** The distinct run names, in order of appearance. */
  runs(): string[] {
    return [...new Set(this.rows.map((r) => r.run))];
  }

  /** Rows without the wall-clock field, for comparing two runs bit for bit. */
  withoutTime(): Omit<MetricRow, "time">[] {
    return this.rows.map(({ time: _time, ...rest }) => rest);
  }

  /** Concatenates histories (e.g. the runs of a sweep). */
  static concat(histories: History[]): History {
    return new History(histories.flatMap((h) => h.rows));
  }

  toJSON(): MetricRow[] {
    return this.rows;
  }

  toString(): string {
    const runs = this.runs();
    const metrics = [...new Set(this.rows.map((r) => `${r.split}/${r.metric}`))];
    return `History(${this.rows.length} rows, runs: ${runs.join(", ") || "none"}; metrics: ${metrics.join(", ")})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
