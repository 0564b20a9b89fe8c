import type { KnobValue, MetricRow } from "./types";

/** Which MetricRow field goes on the x axis of a curve. */
export type CurveX = "step" | "epoch" | "samples" | "time";
/** Which MetricRow field tells the curves apart (colour) or splits them into panels. */
export type CurveKey = "knobValue" | "run" | "split" | "metric" | "knob";
/** The band drawn around the mean over seeds: ± one sample std, the seeds' min..max, or nothing. */
export type BandKind = "std" | "minmax" | "none";

/** One point of a mean curve with its band: the seeds of one series at one step. */
export interface BandRow {
  /** The colour key's value (e.g. the knob value 0.9, or the run name). */
  series: KnobValue;
  metric: string;
  split: string;
  /** The facet key's value, when the chart is faceted. */
  facet?: KnobValue;
  step: number;
  /** Mean over the seeds of the x field (equal to it, except for wall time, which differs between seeds). */
  x: number;
  mean: number;
  /** Sample standard deviation over seeds (n − 1 in the denominator, 0 for one seed), like `torch.std`. */
  std: number;
  min: number;
  max: number;
  /** Lower and upper edge of the band: mean ∓ std, min and max, or mean and mean for "none". */
  lo: number;
  hi: number;
  /** How many rows (seeds) were averaged. */
  n: number;
}

/** The value of a key field for one row; several knobs in one set of rows are told apart as "knob=value". */
export function keyValue(row: MetricRow, key: CurveKey, manyKnobs: boolean): KnobValue {
  if (key === "knobValue") {
    const v = row.knobValue ?? null;
    return manyKnobs ? `${row.knob ?? "?"}=${String(v)}` : v;
  }
  return row[key] ?? null;
}

/**
 * Mean and band over seeds: groups rows by (metric, split, colour key, facet key, step) and, in each group of
 * n values v₁…vₙ, computes mean = Σvᵢ/n, std = √(Σ(vᵢ − mean)²/(n − 1)), min and max. Rows must already be
 * finite (curves() drops NaN/Infinity first). Grouping by step, not by x, keeps the band "over seeds" even
 * when x is wall time, which no two seeds share.
 *
 * Same as `df.groupby([...]).value.agg(["mean", "std", "min", "max", "count"])` in pandas.
 *
 * @example
 * aggregateSeeds(rows, { x: "step", color: "knobValue", band: "std" })
 * // → [{ series: 0.9, metric: "loss", split: "train", step: 0, x: 0, mean: 2.3, std: 0.01, lo: 2.29, hi: 2.31, … }, …]
 */
export function aggregateSeeds(
  rows: readonly MetricRow[],
  opts: { x: CurveX; color: CurveKey; band: BandKind; facet?: CurveKey },
): BandRow[] {
  const manyKnobs = new Set(rows.map((r) => r.knob)).size > 1;
  const groups = new Map<string, MetricRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([
      row.metric,
      row.split,
      keyValue(row, opts.color, manyKnobs),
      opts.facet ? keyValue(row, opts.facet, manyKnobs) : null,
      row.step,
    ]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const out: BandRow[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const n = group.length;
    const values = group.map((r) => r.value);
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const std = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
    const min = Math.min(...values);
    const max = Math.max(...values);
    const x = group.reduce((s, r) => s + (r[opts.x] as number), 0) / n;
    const [lo, hi] =
      opts.band === "std" ? [mean - std, mean + std] : opts.band === "minmax" ? [min, max] : [mean, mean];
    const series = keyValue(first, opts.color, manyKnobs);
    const row: BandRow = {
      series,
      metric: first.metric,
      split: first.split,
      step: first.step,
      x,
      mean,
      std,
      min,
      max,
      lo,
      hi,
      n,
    };
    if (opts.facet) row.facet = keyValue(first, opts.facet, manyKnobs);
    out.push(row);
  }
  return out.sort((a, b) => a.step - b.step);
}

/**
 * Thins each line (series × metric × split × facet) of step-sorted band rows to at most about `maxPoints`
 * points: every k-th point with k = ⌈line length / maxPoints⌉, plus the last, so a chart of long runs stays a
 * small spec (a notebook saves it) while the curve keeps its shape. Short lines (e.g. validation every epoch)
 * keep every point. Rows must be sorted by step, as `aggregateSeeds` returns them. Returns the largest k used.
 *
 * @example
 * thinLines(aggregateSeeds(rows, opts), 400) // a 2000-step line → steps 0, 5, 10, …, 1995 and the last
 */
export function thinLines(rows: readonly BandRow[], maxPoints: number): { rows: BandRow[]; stride: number } {
  const lines = new Map<string, BandRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.series, r.metric, r.split, r.facet ?? null]);
    const line = lines.get(key);
    if (line) line.push(r);
    else lines.set(key, [r]);
  }
  let stride = 1;
  const keep = new Set<BandRow>();
  for (const line of lines.values()) {
    const k = Math.max(1, Math.ceil(line.length / Math.max(1, maxPoints)));
    stride = Math.max(stride, k);
    line.forEach((r, i) => {
      if (i % k === 0 || i === line.length - 1) keep.add(r);
    });
  }
  return { rows: rows.filter((r) => keep.has(r)), stride };
}
