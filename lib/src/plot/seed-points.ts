import type { TopLevelSpec } from "vega-lite";
import { distinctInOrder, droppedNote, requireRows } from "./check";
import { plotConfig, PLOT_SIZE, titleWithNotes } from "./theme";
import { logTickFormat } from "./log-scale";

/** Options of `seedPoints`: which fields of the rows go where, and the labels a reader sees. */
export interface SeedPointsOptions {
  /** The numeric field on the x axis (e.g. "optim.lr"). */
  x: string;
  /** The field whose values are told apart by colour (e.g. "model.init"). */
  color: string;
  /** The field of the measured value (default "value"). */
  y?: string;
  /** One panel per value of this field (e.g. "model.activation"). */
  facet?: string;
  logX?: boolean;
  /** Log y axis (values ≤ 0 are dropped and counted in the subtitle). */
  logY?: boolean;
  xTitle?: string;
  yTitle?: string;
  legendTitle?: string;
  /** Horizontal reference lines (dashed grey), e.g. `[{ y: 0.1, label: "chance" }]`. */
  rules?: { y: number; label: string }[];
  title?: string;
  width?: number;
  height?: number;
}

/**
 * One dot per seed and a line through the mean over seeds, against a numeric knob (e.g. final accuracy vs the
 * learning rate, one colour per init): shows the spread of seeds, not just a band, and how sensitive each setting
 * is to the knob. Rows are plain objects such as `{ "optim.lr": 0.01, "model.init": "kaiming", seed: 0,
 * value: 0.62 }` (see `gridFinals`). Non-finite values are dropped and counted in the subtitle.
 * @example seedPoints(gridFinals(grid, "accuracy"), { x: "optim.lr", color: "model.init", logX: true })
 */
export function seedPoints(rows: readonly Record<string, unknown>[], o: SeedPointsOptions): TopLevelSpec {
  requireRows("seedPoints", rows);
  const yField = o.y ?? "value";
  for (const f of [o.x, o.color, yField, ...(o.facet ? [o.facet] : [])]) {
    if (!rows.every((r) => r[f] !== undefined)) {
      const have = Object.keys(rows[0]).join(", ");
      throw new Error(`seedPoints: field "${f}" is missing from some rows (the rows have: ${have})`);
    }
  }
  const data = rows
    .map((r) => ({ x: Number(r[o.x]), y: Number(r[yField]), c: String(r[o.color]), f: String(r[o.facet ?? o.color]) }))
    .filter((d) => Number.isFinite(d.y) && Number.isFinite(d.x) && (!o.logX || d.x > 0) && (!o.logY || d.y > 0));
  if (!data.length) throw new Error("seedPoints: no finite values to plot");
  const colors = distinctInOrder(data.map((d) => d.c));
  const xs = distinctInOrder(data.map((d) => d.x)).sort((a, b) => a - b);
  const x = {
    field: "x",
    type: "quantitative",
    title: o.xTitle ?? o.x,
    scale: o.logX ? { type: "log", domain: [xs[0], xs[xs.length - 1]], nice: false } : { zero: false },
    axis: { values: xs, format: o.logX ? logTickFormat(xs) : "~g", labelAngle: 0 },
  };
  const color = { field: "c", type: "nominal", title: o.legendTitle ?? o.color, sort: colors };
  const y = {
    type: "quantitative",
    title: o.yTitle ?? yField,
    scale: o.logY ? { type: "log" } : { zero: false },
    ...(o.logY ? { axis: { format: "~e" } } : {}),
  };
  const layer: object[] = [
    {
      mark: { type: "point", filled: true, size: 30, opacity: 0.55 },
      encoding: { x, y: { ...y, field: "y" }, color, tooltip: [{ field: "x" }, { field: "c" }, { field: "y" }] },
    },
    {
      mark: { type: "line", strokeWidth: 2, point: false },
      encoding: { x, y: { ...y, field: "y", aggregate: "mean" }, color },
    },
    ...(o.rules ?? []).flatMap((r) => [
      { mark: { type: "rule", color: "#888", strokeDash: [4, 4] }, encoding: { y: { datum: r.y } } },
      {
        mark: { type: "text", text: r.label, color: "#666", align: "left", dx: 3, dy: -6, x: 0 },
        encoding: { y: { datum: r.y } },
      },
    ]),
  ];
  const size = { width: o.width ?? (o.facet ? PLOT_SIZE.facetWidth : PLOT_SIZE.width), height: o.height ?? 200 };
  const base = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: plotConfig(),
    title: titleWithNotes(o.title ?? `${o.yTitle ?? yField} per seed`, droppedNote(rows.length - data.length)),
    data: { values: data },
  };
  if (!o.facet) return { ...base, ...size, layer } as TopLevelSpec;
  const facets = distinctInOrder(data.map((d) => d.f));
  return {
    ...base,
    facet: { column: { field: "f", type: "nominal", title: null, sort: facets } },
    spec: { ...size, layer },
    resolve: { scale: { y: "independent" } },
  } as TopLevelSpec;
}
