import type { TopLevelSpec } from "vega-lite";
import { aggregateSeeds, thinLines, type BandKind, type CurveKey, type CurveX } from "../rows/aggregate-seeds";
import {
  distinctInOrder,
  divergedNote,
  droppedNote,
  plural,
  requireField,
  requireNumberField,
  requireRows,
} from "./check";
import { curvesSpec } from "./curves-spec";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { withHumanNames } from "../rows/labels";
import type { MetricRow, PlotEvent } from "./types";

/** Options of `curves`. Every field is optional. */
export interface CurvesOptions extends ChartOptions {
  /** x axis: "step" (default), "epoch", "samples" (seen) or "time" (wall-clock seconds). */
  x?: CurveX;
  /** Keep only these metrics (default: all; several metrics get one panel each). */
  metric?: string | string[];
  /** Keep only these splits (default: all; train and val are told apart by dash). */
  split?: string | string[];
  /** What tells the lines apart: "knobValue" when rows come from a sweep, else "run". */
  color?: CurveKey;
  /** Band around the mean over seeds: "std" (default), "minmax" or "none". */
  band?: BandKind;
  logY?: boolean;
  logX?: boolean;
  /** One panel per metric, knob value or split. */
  facet?: "metric" | "knobValue" | "split";
  /** Vertical markers, e.g. where a plateau schedule dropped the learning rate. */
  events?: PlotEvent[];
  title?: string;
  /** At most about this many points per line (default 500): longer lines keep every k-th logged step. */
  maxPoints?: number;
}

function pick(rows: readonly MetricRow[], field: "metric" | "split", want: string | string[] | undefined): MetricRow[] {
  if (want === undefined) return [...rows];
  const wanted = Array.isArray(want) ? want : [want];
  const kept = rows.filter((r) => wanted.includes(r[field]));
  if (kept.length === 0) {
    const have = distinctInOrder(rows.map((r) => r[field])).join(", ");
    throw new Error(`curves: no rows with ${field} ${wanted.join(" or ")} (the rows have ${field}: ${have})`);
  }
  return kept;
}

/**
 * Learning curves: a metric against steps, epochs, samples seen or wall time, one line per knob value (or run)
 * at the mean over seeds with a band (± 1 std, or min..max), train vs validation told apart by dash.
 *
 * Documented behaviour: NaN and ±Infinity values (a diverged run) are dropped and counted in the subtitle, so
 * a diverged line simply ends; on a log axis, values ≤ 0 (or x ≤ 0) are dropped the same way (said in the
 * subtitle) and a band edge below 0 is clamped to the seeds' minimum; a metric that is never negative gets no
 * band below 0. Log axes are bounded to the data. Legends and facet headers name knobs for humans ("momentum",
 * not "optim.momentum"); more than 6 lines get direct labels at their ends, more than 8 a 20-colour palette. Empty rows, a missing field, or nothing finite left throw a clear error.
 * Click a legend entry to highlight that line (JupyterLab).
 *
 * @example
 * curves(history.rows, { metric: "loss", x: "epoch", logY: true, events: [{ x: 3, label: "lr ÷ 10" }] })
 */
export function curves(rows: readonly MetricRow[], opts: CurvesOptions = {}): TopLevelSpec {
  requireRows("curves", rows);
  for (const f of ["metric", "split"]) requireField("curves", rows, f);
  const xField = opts.x ?? "step";
  const knobIsKey = opts.color === "knob";
  // A sweep's "diverged" rows mark where a run stopped: named in the subtitle, not drawn as a metric.
  const diverged = withHumanNames(
    rows.filter((r) => r.metric === "diverged"),
    knobIsKey,
  );
  const measured = rows.filter((r) => r.metric !== "diverged");
  let kept = withHumanNames(pick(pick(measured, "metric", opts.metric), "split", opts.split), knobIsKey);
  for (const f of ["step", "value", xField]) requireNumberField("curves", kept, f);
  const metrics = distinctInOrder(kept.map((r) => r.metric));
  const splits = distinctInOrder(kept.map((r) => r.split));
  const facet: CurveKey | undefined = opts.facet ?? (metrics.length > 1 ? "metric" : undefined);
  const sweep = kept.some((r) => r.knobValue !== undefined);
  const color =
    opts.color ?? (facet === "knobValue" ? (splits.length > 1 ? "split" : "run") : sweep ? "knobValue" : "run");

  const notes: string[] = divergedNote(diverged);
  const total = kept.length;
  kept = kept.filter((r) => Number.isFinite(r.value) && Number.isFinite(r[xField]));
  notes.push(...droppedNote(total - kept.length));
  if (kept.length === 0) throw new Error(`curves: all ${total} values are NaN or ±Infinity: nothing to plot`);
  for (const [on, field] of [
    [opts.logY, "value"],
    [opts.logX, xField],
  ] as const) {
    if (!on) continue;
    const before = kept.length;
    kept = kept.filter((r) => (r[field] as number) > 0);
    if (before > kept.length)
      notes.push(`dropped ${plural(before - kept.length, "points")} with ${field} ≤ 0 (log axis)`);
    if (kept.length === 0) throw new Error(`curves: no ${field} > 0 left for the log axis`);
  }

  const band = opts.band ?? "std";
  const thinned = thinLines(aggregateSeeds(kept, { x: xField, color, band, facet }), opts.maxPoints ?? 500);
  const agg = thinned.rows;
  if (thinned.stride > 1) notes.push(`long lines thinned to 1 in ${thinned.stride} logged steps (maxPoints)`);
  // A metric that is never negative (a loss, an accuracy, a norm) gets no band below 0: mean − std can dip
  // under 0 when one seed spikes, which would show an impossible negative loss.
  const nonNegative = kept.every((r) => r.value >= 0);
  for (const r of agg) {
    if (r.series === null) r.series = "none";
    if (opts.logY && r.lo <= 0) r.lo = r.min; // keep the band on a log axis
    if (nonNegative && r.lo < 0) r.lo = 0;
  }
  const seeds = Math.max(...agg.map((r) => r.n));
  if (seeds > 1 && band !== "none") {
    notes.push(`line: mean over ${seeds} seeds; band: ${band === "std" ? "± 1 std" : "min to max"} over seeds`);
  }
  const knobs = distinctInOrder(kept.map((r) => r.knob).filter((k) => k !== undefined));
  const knob = knobs.length === 1 ? knobs[0] : "setting";
  const spec = curvesSpec(agg, { ...opts, knob, x: xField, color, facet, band, notes, metrics, splits });
  return applyChartOptions("curves", spec, { ...opts, events: undefined }); // curves draws its events per panel
}
