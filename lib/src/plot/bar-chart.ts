import type { TopLevelSpec } from "vega-lite";
import { type BarChartOptions, type BarRow, categoryX, frame, prepare } from "./bar-rows";
import { logScale } from "./log-scale";

const ERRORBAR = { type: "errorbar", ticks: true, size: 10, thickness: 1.2, color: "black" };
const tooltip = [
  { field: "x" },
  { field: "mean", format: ".4~g" },
  { field: "lo", format: ".4~g" },
  { field: "hi", format: ".4~g" },
];

/**
 * A bar per category (e.g. a final metric per knob value), with error bars when the rows carry std or lo/hi;
 * bars of several groups stand side by side. Rows with a non-finite mean are left out and named in the subtitle.
 *
 * @example
 * barChart([{ x: "SGD", mean: 0.91, std: 0.01 }, { x: "Adam", mean: 0.95, std: 0.004 }], { yTitle: "val accuracy" })
 */
export function barChart(rows: readonly BarRow[], opts: Omit<BarChartOptions, "logY" | "logX"> = {}): TopLevelSpec {
  const p = prepare("barChart", rows, false);
  const grouped = p.groups.length > 1;
  const x = categoryX(p, opts.xTitle);
  const color = grouped
    ? {
        color: { field: "group", type: "nominal", title: "group", sort: p.groups },
        xOffset: { field: "group", sort: p.groups },
      }
    : {};
  const y = { type: "quantitative", title: opts.yTitle ?? "mean" };
  const bars = {
    mark: { type: "bar", ...(grouped ? {} : { color: "#0072B2" }) },
    encoding: { x, y: { ...y, field: "mean" }, ...color, tooltip },
  };
  const hasErr = p.values.some((v) => v.lo !== undefined);
  const err = {
    mark: ERRORBAR,
    encoding: { x, y: { ...y, field: "lo" }, y2: { field: "hi" }, ...(grouped ? { xOffset: color.xOffset } : {}) },
  };
  return frame("barChart", p, opts, opts.yTitle ?? "mean per category", hasErr ? [bars, err] : [bars]);
}

/**
 * Points with error bars for a final metric against a knob value; numeric knob values get a quantitative
 * (optionally log) x axis and a connecting line, e.g. final loss against the learning rate on a log grid.
 * Rows with a non-finite mean (a diverged run) are left out and named in the subtitle, as are x ≤ 0 on a log x axis.
 *
 * @example
 * pointsWithErrorBars(lrs.map((lr, k) => ({ x: lr, mean: finals[k], std: stds[k] })), { logX: true, logY: true, xTitle: "learning rate" })
 */
export function pointsWithErrorBars(rows: readonly BarRow[], opts: BarChartOptions = {}): TopLevelSpec {
  const p = prepare("pointsWithErrorBars", rows, opts.logY ?? false);
  if (opts.logX && p.numericX) {
    // A log axis cannot show x ≤ 0 (e.g. momentum 0 or weight decay 0): say so instead of dropping it silently.
    const out = p.values.filter((v) => (v.x as number) <= 0);
    if (out.length === p.values.length) throw new Error("pointsWithErrorBars: logX needs some x > 0; every x is ≤ 0");
    if (out.length) {
      p.values = p.values.filter((v) => (v.x as number) > 0);
      p.notes.push(`x = ${[...new Set(out.map((v) => v.x))].join(", ")} not shown: ≤ 0 has no place on the log x axis`);
    }
  }
  // A few whole-number knob values (shifts in pixels, layers) are the ticks: no "0.5 pixels" between them.
  const xs = [...new Set(p.values.map((v) => v.x as number))].sort((a, b) => a - b);
  const ticks = p.numericX && !opts.logX && xs.length <= 12 && xs.every(Number.isInteger) ? xs : undefined;
  const x = p.numericX
    ? {
        field: "x",
        type: "quantitative",
        title: opts.xTitle ?? "",
        scale: opts.logX ? logScale(p.values.map((v) => v.x as number)) : { zero: false },
        ...(ticks ? { axis: { values: ticks } } : {}),
      }
    : categoryX(p, opts.xTitle);
  const y = {
    type: "quantitative",
    title: opts.yTitle ?? "mean",
    scale: opts.logY ? logScale(p.values.flatMap((v) => [v.mean, v.lo ?? v.mean, v.hi ?? v.mean])) : { zero: false },
  };
  const legend = { symbolOpacity: 1 };
  const color =
    p.groups.length > 1 ? { color: { field: "group", type: "nominal", title: "group", sort: p.groups, legend } } : {};
  const layer: object[] = [
    { mark: { type: "point", filled: true, size: 60 }, encoding: { x, y: { ...y, field: "mean" }, ...color, tooltip } },
  ];
  if (p.numericX)
    layer.unshift({ mark: { type: "line", opacity: 0.6 }, encoding: { x, y: { ...y, field: "mean" }, ...color } });
  if (p.values.some((v) => v.lo !== undefined)) {
    layer.push({ mark: ERRORBAR, encoding: { x, y: { ...y, field: "lo" }, y2: { field: "hi" }, ...color } });
  }
  return frame("pointsWithErrorBars", p, opts, `${opts.yTitle ?? "mean"} vs ${opts.xTitle || "x"}`, layer);
}
