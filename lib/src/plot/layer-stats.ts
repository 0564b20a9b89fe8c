import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { distinctInOrder, droppedNote, plural, requireField, requireNumberField, requireRows } from "./check";
import { logScale, logTickFormat } from "./log-scale";
import { plotConfig, titleWithNotes } from "./theme";

/** One statistic of one layer, e.g. `{ layer: 3, stat: "activation std", value: 0.021, group: "N(0, 0.01)" }`. */
export interface LayerStatRow {
  layer: string | number;
  stat: string;
  value: number;
  group?: string;
}

/** Options of `layerStats`. */
export interface LayerStatsOptions extends ChartOptions {
  /** Log y axis for every panel (true) or only for the listed stats (e.g. ["activation std"]). */
  logY?: boolean | string[];
  title?: string;
}

/**
 * Per-layer statistics by depth: one panel per stat (e.g. activation std on a log axis, where vanishing and
 * exploding signals show as straight lines; the dead-ReLU fraction on a linear one), one line per group
 * (e.g. per init scheme). The lecture's var(a[v]) = #parents·var(u)·var(w) predicts these lines.
 * NaN/±Infinity and, on a log axis, values ≤ 0 are dropped and counted in the subtitle.
 *
 * @example
 * layerStats(rows, { logY: ["activation std"] })
 */
export function layerStats(rows: readonly LayerStatRow[], opts: LayerStatsOptions = {}): TopLevelSpec {
  requireRows("layerStats", rows);
  for (const f of ["layer", "stat"]) requireField("layerStats", rows, f);
  requireNumberField("layerStats", rows, "value");
  const stats = distinctInOrder(rows.map((r) => r.stat));
  const isLog = (stat: string) => (Array.isArray(opts.logY) ? opts.logY.includes(stat) : opts.logY === true);
  const finite = rows.filter((r) => Number.isFinite(r.value));
  const kept = finite.filter((r) => !isLog(r.stat) || r.value > 0);
  if (kept.length === 0)
    throw new Error(
      `layerStats: no finite values to plot (all ${rows.length} are NaN, ±Infinity or ≤ 0 on a log axis)`,
    );
  const notes = droppedNote(rows.length - finite.length);
  if (finite.length > kept.length)
    notes.push(`dropped ${plural(finite.length - kept.length, "values")} ≤ 0 (log axis)`);
  const layers = distinctInOrder(kept.map((r) => r.layer));
  const hasGroups = kept.some((r) => r.group !== undefined);
  const groups = distinctInOrder(kept.map((r) => r.group ?? ""));
  const panel = (stat: string) => ({
    width: 260,
    height: 180,
    transform: [{ filter: { field: "stat", equal: stat } }],
    mark: { type: "line", point: true, strokeWidth: 2 },
    encoding: {
      x: { field: "layer", type: "ordinal", title: "layer (depth)", sort: layers, axis: { labelAngle: 0 } },
      y: {
        field: "value",
        type: "quantitative",
        title: stat,
        scale: isLog(stat) ? logScale(kept.filter((r) => r.stat === stat).map((r) => r.value)) : { zero: true },
        ...(isLog(stat)
          ? { axis: { format: logTickFormat(kept.filter((r) => r.stat === stat).map((r) => r.value)) } }
          : {}),
      },
      ...(hasGroups ? { color: { field: "group", type: "nominal", title: "group", sort: groups } } : {}),
      tooltip: [
        { field: "layer" },
        ...(hasGroups ? [{ field: "group" }] : []),
        { field: "stat" },
        { field: "value", format: ".4~g" },
      ],
    },
  });
  return applyChartOptions(
    "layerStats",
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: plotConfig(),
      title: titleWithNotes(opts.title ?? "per-layer statistics", notes),
      data: { values: kept.map((r) => ({ ...r, group: r.group ?? "" })) },
      hconcat: stats.map(panel),
    } as TopLevelSpec,
    opts,
  );
}
