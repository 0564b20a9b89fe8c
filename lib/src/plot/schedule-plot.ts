import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { distinctInOrder, droppedNote, plural, requireField, requireNumberField, requireRows } from "./check";
import { logScale } from "./log-scale";
import { PLOT_SIZE, plotConfig, titleWithNotes } from "./theme";
import type { PlotEvent } from "./types";

/** The learning rate of one schedule at one step, e.g. `{ schedule: "step decay ÷10 @ 30", step: 31, lr: 0.01 }`. */
export interface ScheduleRow {
  schedule: string;
  step: number;
  lr: number;
}

/** Options of `schedulePlot`. */
export interface SchedulePlotOptions extends ChartOptions {
  /** Log y axis: step decays become stairs of equal height (default true). */
  logY?: boolean;
  /** x axis title (default "step"; say "epoch" when the schedule steps per epoch). */
  xTitle?: string;
  events?: PlotEvent[];
  title?: string;
}

/**
 * Learning rate against step for several schedules: the lecture's "drop by 10 when stuck", η₀/(C + t),
 * cosine, warm-up… Drawn as step lines (the rate is constant between scheduler steps). Non-finite rates and,
 * on the log axis, rates ≤ 0 are dropped and counted.
 *
 * @example
 * schedulePlot([...range(100)].flatMap((t) => [{ schedule: "1/(C+t)", step: t, lr: 0.1 / (1 + t / 10) }]))
 */
export function schedulePlot(rows: readonly ScheduleRow[], opts: SchedulePlotOptions = {}): TopLevelSpec {
  requireRows("schedulePlot", rows);
  requireField("schedulePlot", rows, "schedule");
  for (const f of ["step", "lr"]) requireNumberField("schedulePlot", rows, f);
  const logY = opts.logY ?? true;
  const finite = rows.filter((r) => Number.isFinite(r.lr) && Number.isFinite(r.step));
  const kept = logY ? finite.filter((r) => r.lr > 0) : finite;
  if (kept.length === 0)
    throw new Error(`schedulePlot: no finite learning rate${logY ? " > 0" : ""} among ${rows.length} rows`);
  const notes = droppedNote(rows.length - finite.length, "rates");
  if (finite.length > kept.length) notes.push(`dropped ${plural(finite.length - kept.length, "rates")} ≤ 0 (log axis)`);
  const schedules = distinctInOrder(kept.map((r) => r.schedule));
  const events = opts.events ?? [];
  const x = { type: "quantitative" as const, title: opts.xTitle ?? "step" };
  return applyChartOptions(
    "schedulePlot",
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: plotConfig(),
      title: titleWithNotes(opts.title ?? "learning-rate schedules", notes),
      width: PLOT_SIZE.width,
      height: PLOT_SIZE.height,
      layer: [
        {
          data: { values: kept },
          params: [{ name: "pick", select: { type: "point", fields: ["schedule"] }, bind: "legend" }],
          mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
          encoding: {
            x: { ...x, field: "step" },
            y: {
              field: "lr",
              type: "quantitative",
              title: "learning rate η",
              scale: logY ? logScale(kept.map((r) => r.lr)) : { zero: true },
            },
            color: { field: "schedule", type: "nominal", title: "schedule", sort: schedules },
            opacity: { condition: { param: "pick", value: 1 }, value: 0.15 },
            tooltip: [{ field: "schedule" }, { field: "step" }, { field: "lr", title: "η", format: ".4~g" }],
          },
        },
        ...(events.length > 0
          ? [
              {
                data: { values: events },
                mark: { type: "rule", strokeDash: [4, 3], color: "#666" },
                encoding: { x: { ...x, field: "x" } },
              },
              {
                data: { values: events },
                // At the bottom: a decaying schedule's lines crowd the top.
                mark: { type: "text", align: "left", baseline: "bottom", dx: 3, dy: -2, fontSize: 10, color: "#444" },
                encoding: { x: { ...x, field: "x" }, y: { value: { expr: "height" } }, text: { field: "label" } },
              },
            ]
          : []),
      ],
    } as TopLevelSpec,
    { ...opts, events: undefined }, // drawn above
  );
}
