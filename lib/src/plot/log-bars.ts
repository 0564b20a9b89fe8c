import type { TopLevelSpec } from "vega-lite";
import { type BarRow, categoryX, frame, prepare } from "./bar-rows";
import type { ChartOptions } from "./chart-options";
import { logTickFormat } from "./log-scale";

/** Options of `logBars`. */
export interface LogBarsOptions extends ChartOptions {
  xTitle?: string;
  yTitle?: string;
  /** d3 format of the value written above each bar (default ",.3~r": 3 significant digits); "" writes none. */
  format?: string;
}

/**
 * Bars on a log y axis for values that span decades (throughput per batch size, effective step sizes per
 * parameter, gradient norms per layer). The axis is bounded to the data's decades, each bar is labelled with its
 * value, and error bars (std or lo..hi) are drawn when given. Values ≤ 0 or non-finite cannot be drawn on a log
 * axis: they are left out and named in the subtitle (lower error bars reaching ≤ 0 are cut at the bar). The axis
 * also spans every horizontal `rules` line, so a tolerance far from the bars stays in view.
 * @example logBars([{ x: 1, mean: 310 }, { x: 128, mean: 41000 }], { xTitle: "batch size", yTitle: "samples/s" })
 */
export function logBars(rows: readonly BarRow[], opts: LogBarsOptions = {}): TopLevelSpec {
  const p = prepare("logBars", rows, true);
  // The axis covers the bars, their error bars and every horizontal reference line (e.g. a tolerance).
  const ruleYs = (opts.rules ?? []).flatMap((r) => (typeof r.y === "number" && r.y > 0 ? [r.y] : []));
  const all = [...p.values.flatMap((v) => [v.mean, v.lo ?? v.mean, v.hi ?? v.mean]), ...ruleYs];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all)) + 1e-9);
  const grouped = p.groups.length > 1;
  const x = categoryX(p, opts.xTitle);
  const y = {
    type: "quantitative",
    title: opts.yTitle ?? "value",
    scale: { type: "log", domain: [lo, hi], nice: false },
    axis: { format: logTickFormat([lo, hi]) },
  };
  const offset = grouped ? { xOffset: { field: "group", sort: p.groups } } : {};
  const color = grouped ? { color: { field: "group", type: "nominal", title: "group", sort: p.groups } } : {};
  // A log axis has no 0: bars start at the bottom of the axis (y2 = the domain's low end).
  const layer: object[] = [
    {
      mark: { type: "bar", ...(grouped ? {} : { color: "#0072B2" }) },
      encoding: {
        x,
        y: { ...y, field: "mean" },
        y2: { datum: lo },
        ...color,
        ...offset,
        tooltip: [{ field: "x" }, { field: "mean", format: ".4~g" }],
      },
    },
  ];
  if (p.values.some((v) => v.lo !== undefined)) {
    layer.push({
      mark: { type: "errorbar", ticks: true, size: 12, thickness: 1.2, color: "black" },
      encoding: { x, y: { ...y, field: "lo" }, y2: { field: "hi" }, ...offset },
    });
  }
  const format = opts.format ?? ",.3~r";
  if (format !== "") {
    layer.push({
      transform: [{ calculate: "isValid(datum.hi) ? datum.hi : datum.mean", as: "top" }], // above the error bar
      mark: { type: "text", baseline: "bottom", dy: -3, fontSize: 10 },
      encoding: { x, y: { ...y, field: "top" }, text: { field: "mean", format }, ...offset },
    });
  }
  return frame("logBars", p, opts, `${opts.yTitle ?? "value"} (log scale)`, layer);
}
