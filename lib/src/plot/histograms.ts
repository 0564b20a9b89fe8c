import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { gridColumns } from "./grid-columns";
import { distinctInOrder, droppedNote, requireField, requireNumberField, requireRows } from "./check";
import { plotConfig, titleWithNotes } from "./theme";

/** One sample (a weight, an activation, a gradient entry) of one layer, optionally of a group (e.g. an init). */
export interface HistogramRow {
  layer: string | number;
  value: number;
  group?: string;
}

/** One bar of a histogram: the count of values in [x0, x1) (the last bin also holds its right edge). */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Equal-width histogram over [min, max] of finite values: bin k covers [min + k·w, min + (k+1)·w) with
 * w = (max − min)/bins, and max falls in the last bin. All-equal values get one bin [v − 0.5, v + 0.5].
 * Same as `torch.histc(values, bins)` (min and max from the data).
 *
 * @example
 * histogramBins([0, 1, 1, 2, 4], 2) // → [{ x0: 0, x1: 2, count: 3 }, { x0: 2, x1: 4, count: 2 }]
 */
export function histogramBins(values: readonly number[], bins: number): HistogramBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`histograms: bins must be a positive integer, got ${bins}`);
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min === max) return [{ x0: min - 0.5, x1: max + 0.5, count: values.length }];
  const w = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / w))]++;
  return counts.map((count, k) => ({ x0: min + k * w, x1: k === bins - 1 ? max : min + (k + 1) * w, count }));
}

/** Options of `histograms`. */
export interface HistogramsOptions extends ChartOptions {
  /** Bins per panel (default 30). */
  bins?: number;
  /** Counts on a log axis (empty bins are then left out). */
  logY?: boolean;
  /** What the values are, for the x axis title: e.g. "activation", "weight", "gradient" (default "value"). */
  xTitle?: string;
  title?: string;
  /** Panels per row when there are no groups (default: up to 5, chosen so the last row is full, e.g. 8 → 4). */
  columns?: number;
}

/**
 * Histograms of weights, activations or gradients, one panel per layer (columns) and per group (rows, e.g. one
 * row per init scheme). Each panel has its own bins and x range, so a distribution that shrinks layer by layer
 * keeps its shape visible; read the scale off the axis. The builder bins the values itself (see
 * `histogramBins`), so the spec stays small even for 10⁵ values. NaN/±Infinity are dropped and counted.
 *
 * @example
 * histograms(acts.map(({ layer, value }) => ({ layer, value })), { xTitle: "activation", bins: 40 })
 */
export function histograms(rows: readonly HistogramRow[], opts: HistogramsOptions = {}): TopLevelSpec {
  requireRows("histograms", rows);
  requireField("histograms", rows, "layer");
  requireNumberField("histograms", rows, "value");
  const finite = rows.filter((r) => Number.isFinite(r.value));
  if (finite.length === 0) throw new Error(`histograms: all ${rows.length} values are NaN or ±Infinity`);
  const layers = distinctInOrder(finite.map((r) => r.layer));
  const hasGroups = finite.some((r) => r.group !== undefined);
  const groups = distinctInOrder(finite.map((r) => r.group ?? ""));
  const values = layers.flatMap((layer) =>
    groups.flatMap((group) => {
      const vs = finite.filter((r) => r.layer === layer && (r.group ?? "") === group).map((r) => r.value);
      return histogramBins(vs, opts.bins ?? 30)
        .filter((b) => !opts.logY || b.count > 0)
        .map((b) => ({ layer, group, ...b }));
    }),
  );
  const what = opts.xTitle ?? "value";
  const spec = {
    width: hasGroups ? 130 : 160,
    height: hasGroups ? 80 : 110,
    mark: { type: "rect", color: "#0072B2", opacity: 0.85, stroke: "white", strokeWidth: 0.3 },
    encoding: {
      x: {
        field: "x0",
        type: "quantitative",
        title: what,
        scale: { zero: false, nice: false },
        axis: { tickCount: 4, format: ".2~g" },
      },
      x2: { field: "x1" },
      y: { field: "count", type: "quantitative", title: "count", scale: opts.logY ? { type: "log" } : {} },
      y2: { datum: opts.logY ? 0.5 : 0 }, // bars rise from 0, or from ½ (below one count) on a log axis
      tooltip: [
        { field: "layer" },
        ...(hasGroups ? [{ field: "group" }] : []),
        { field: "x0", title: "from", format: ".4~g" },
        { field: "x1", title: "to", format: ".4~g" },
        { field: "count" },
      ],
    },
  };
  const layerFacet = { field: "layer", type: "ordinal", title: "layer", sort: layers };
  return applyChartOptions(
    "histograms",
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: plotConfig(),
      title: titleWithNotes(
        opts.title ?? `${opts.xTitle ?? ""} histograms by layer`.trimStart(),
        droppedNote(rows.length - finite.length),
      ),
      data: { values },
      ...(hasGroups
        ? { facet: { column: layerFacet, row: { field: "group", type: "nominal", title: null, sort: groups } } }
        : { facet: layerFacet, columns: opts.columns ?? gridColumns(layers.length, [5, 4, 3], 5) }),
      spec,
      resolve: { scale: { x: "independent", y: "independent" } },
    } as TopLevelSpec,
    opts,
  );
}
