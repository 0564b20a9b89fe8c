import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { distinctInOrder, plural, requireField, requireNumberField, requireRows } from "./check";
import { plotConfig, titleWithNotes } from "./theme";
import type { KnobValue } from "./types";

/** One cell of a heatmap, e.g. `{ x: 0.1, y: 1e-4, value: 0.962 }` (η, λ → val accuracy) or a class pair. */
export interface HeatmapCell {
  x: KnobValue;
  y: KnobValue;
  value: number;
}

/** Options of `heatmap`. */
export interface HeatmapOptions extends ChartOptions {
  xTitle?: string;
  yTitle?: string;
  /** The colour legend's title (default "value"). */
  valueTitle?: string;
  /** d3 format of the numbers written in the cells (default ".3~g"; ".1%" for accuracies); "" writes none. */
  format?: string;
  /** Colour scheme (default "viridis"; "blues" for counts, "redblue" with `domainMid` for signed values). */
  scheme?: string;
  /** A diverging scale's midpoint, e.g. 0 for differences. */
  domainMid?: number;
  /** Log colour scale (values must be > 0). */
  logColor?: boolean;
  /** The text of a grey cell whose value is NaN or ±Infinity (default "NaN"), e.g. "not reached". */
  missingLabel?: string;
}

/**
 * A grid of coloured cells with the value written in each: per-class accuracy, a confusion matrix, or a final
 * metric over a grid of two knobs such as (learning rate, weight decay). The axes are ordinal (one column per
 * value, in ascending order for numbers), so log-spaced grids are evenly spaced. Cells whose value is NaN or
 * ±Infinity (a diverged run) are drawn grey with the text "NaN" (or `missingLabel`).
 * @example heatmap(grid.map(({ lr, wd, acc }) => ({ x: lr, y: wd, value: acc })), { xTitle: "η", yTitle: "λ", format: ".1%" })
 */
export function heatmap(cells: readonly HeatmapCell[], opts: HeatmapOptions = {}): TopLevelSpec {
  requireRows("heatmap", cells, "cells");
  for (const f of ["x", "y"]) requireField("heatmap", cells, f, "cells");
  requireNumberField("heatmap", cells, "value", "cells");
  const seen = new Set<string>();
  for (const c of cells) {
    const key = JSON.stringify([c.x, c.y]);
    if (seen.has(key)) throw new Error(`heatmap: cell (x=${String(c.x)}, y=${String(c.y)}) appears twice`);
    seen.add(key);
  }
  const finite = cells.filter((c) => Number.isFinite(c.value));
  if (opts.logColor && finite.some((c) => c.value <= 0)) {
    throw new Error("heatmap: logColor needs every finite value > 0");
  }
  const xs = distinctInOrder(cells.map((c) => c.x));
  const ys = distinctInOrder(cells.map((c) => c.y));
  const format = opts.format ?? ".3~g";
  const values = cells.map((c) => ({ x: c.x, y: c.y, value: Number.isFinite(c.value) ? c.value : null }));
  const nonFinite = cells.length - finite.length;
  const x = { field: "x", type: "ordinal", title: opts.xTitle ?? "x", sort: xs, axis: { labelAngle: 0, grid: false } };
  const y = { field: "y", type: "ordinal", title: opts.yTitle ?? "y", sort: [...ys].reverse(), axis: { grid: false } };
  const scale = {
    scheme: opts.scheme ?? "viridis",
    ...(opts.logColor ? { type: "log" } : {}),
    ...(opts.domainMid !== undefined ? { domainMid: opts.domainMid } : {}),
  };
  const layer: object[] = [
    { mark: { type: "rect", color: "#ccc" }, encoding: { x, y } }, // grey under NaN cells
    {
      transform: [{ filter: "isValid(datum.value)" }],
      mark: { type: "rect" },
      encoding: {
        x,
        y,
        color: { field: "value", type: "quantitative", title: opts.valueTitle ?? "value", scale },
        tooltip: [{ field: "x" }, { field: "y" }, { field: "value", type: "quantitative", format: format || ".4~g" }],
      },
    },
  ];
  if (format !== "") {
    // Text in black on light cells and white on dark ones (viridis is dark at its low end).
    const mid = finite.length
      ? (Math.min(...finite.map((c) => c.value)) + Math.max(...finite.map((c) => c.value))) / 2
      : 0;
    const dark =
      opts.scheme === undefined || opts.scheme === "viridis" ? `datum.value < ${mid}` : `datum.value > ${mid}`;
    layer.push({
      mark: { type: "text", fontSize: 10 },
      transform: [
        {
          calculate: `isValid(datum.value) ? format(datum.value, '${format}') : ${JSON.stringify(opts.missingLabel ?? "NaN")}`,
          as: "label",
        },
      ],
      encoding: {
        x,
        y,
        text: { field: "label" },
        color: { condition: { test: `isValid(datum.value) && ${dark}`, value: "white" }, value: "black" },
      },
    });
  }
  const notes = nonFinite ? [`${plural(nonFinite, "cells")} NaN or ±Infinity (grey), e.g. a diverged run`] : [];
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: plotConfig(),
    title: titleWithNotes(
      opts.title ?? `${opts.valueTitle ?? "value"} by ${opts.xTitle ?? "x"} and ${opts.yTitle ?? "y"}`,
      notes,
    ),
    data: { values },
    width: { step: Math.max(28, Math.min(60, 440 / xs.length)) },
    height: { step: Math.max(22, Math.min(40, 300 / ys.length)) },
    layer,
  } as TopLevelSpec;
  return applyChartOptions("heatmap", spec, opts);
}
