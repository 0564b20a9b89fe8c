import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { distinctInOrder, plural, requireField, requireNumberField, requireRows } from "./check";
import { PLOT_SIZE, plotConfig, titleWithNotes } from "./theme";
import type { BarRow, SummaryRow } from "./types";

export type { BarRow };

/** Options of `barChart` and `pointsWithErrorBars`. */
export interface BarChartOptions extends ChartOptions {
  xTitle?: string;
  yTitle?: string;
  title?: string;
  /** Log y axis (points only; a lower whisker ≤ 0 is then cut at the mean). */
  logY?: boolean;
  /** Log x axis (points with numeric x only, e.g. a learning-rate sweep). */
  logX?: boolean;
}

/**
 * Rows for `barChart`/`pointsWithErrorBars` from a sweep's summary: x = the knob value (or the run name when
 * the rows have no knob), error bar = ± std ("std") or min..max ("minmax"), group = split when several.
 *
 * @example
 * pointsWithErrorBars(barsFromSummary(summary.filter((r) => r.metric === "loss")), { logX: true })
 */
export function barsFromSummary(rows: readonly SummaryRow[], errors: "std" | "minmax" = "std"): BarRow[] {
  requireRows("barsFromSummary", rows);
  const byKnob = rows.every((r) => r.knobValue !== undefined);
  const splits = new Set(rows.map((r) => r.split)).size;
  return rows.map((r) => ({
    x: byKnob ? (r.knobValue ?? null) : r.run,
    mean: r.mean,
    ...(errors === "std" ? { std: r.std } : { lo: r.min, hi: r.max }),
    ...(splits > 1 ? { group: r.split } : {}),
  }));
}

/** Bar rows checked and resolved: finite means, error bars as lo..hi, notes for the subtitle. */
export interface Prepared {
  values: { x: string | number | boolean; mean: number; lo?: number; hi?: number; group: string }[];
  notes: string[];
  numericX: boolean;
  groups: string[];
}

/** Checks bar rows (clear errors), drops non-finite means (named in a note) and resolves std into lo..hi. */
export function prepare(builder: string, rows: readonly BarRow[], logY: boolean): Prepared {
  requireRows(builder, rows);
  requireField(builder, rows, "x");
  requireNumberField(builder, rows, "mean");
  const diverged = rows.filter((r) => !Number.isFinite(r.mean) || (logY && r.mean <= 0));
  const notes =
    diverged.length > 0
      ? [
          `no finite${logY ? " positive" : ""} value at x = ${[...new Set(diverged.map((r) => String(r.x)))].join(", ")} (diverged?)`,
        ]
      : [];
  const kept = rows.filter((r) => !diverged.includes(r));
  if (kept.length === 0)
    throw new Error(
      `${builder}: no finite mean to plot (all ${rows.length} are NaN, ±Infinity${logY ? " or ≤ 0" : ""})`,
    );
  let cut = 0;
  const values = kept.map((r) => {
    let lo = r.lo ?? (r.std !== undefined ? r.mean - r.std : undefined);
    const hi = r.hi ?? (r.std !== undefined ? r.mean + r.std : undefined);
    if ((lo === undefined) !== (hi === undefined))
      throw new Error(`${builder}: row x=${String(r.x)} has lo or hi but not both`);
    if (logY && lo !== undefined && lo <= 0) {
      lo = r.mean;
      cut++;
    }
    return { x: r.x ?? "none", mean: r.mean, lo, hi, group: r.group ?? "" };
  });
  if (cut > 0) notes.push(`${plural(cut, "lower error bars")} cut at the mean (they reach ≤ 0 on the log axis)`);
  const numericX = values.every((v) => typeof v.x === "number");
  return { values, notes, numericX, groups: distinctInOrder(values.map((v) => v.group)) };
}

/** The shared frame of a bar/point chart: data, size, title with notes. */
export function frame(
  builder: string,
  p: Prepared,
  opts: BarChartOptions,
  fallbackTitle: string,
  layer: object[],
): TopLevelSpec {
  return applyChartOptions(
    builder,
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: plotConfig(),
      title: titleWithNotes(opts.title ?? fallbackTitle, p.notes),
      data: { values: p.values },
      width: PLOT_SIZE.width,
      height: PLOT_SIZE.height,
      layer,
    } as TopLevelSpec,
    opts,
  );
}

/** The x encoding of categories (knob values or names) in their order of appearance, labels horizontal. */
export function categoryX(p: Prepared, title: string | undefined): Record<string, unknown> {
  return {
    field: "x",
    type: "nominal",
    title: title ?? "",
    sort: distinctInOrder(p.values.map((v) => v.x)),
    axis: { labelAngle: 0 },
  };
}
