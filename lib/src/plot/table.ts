import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { requireRows } from "./check";
import { plotConfig } from "./theme";

/** How a cell shows: numbers with 4 significant digits (integers in full), everything else as text. */
export function formatCell(v: unknown): string {
  if (typeof v === "number") {
    if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
    return String(Number(v.toPrecision(4)));
  }
  if (v === undefined || v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/**
 * A small table drawn as a Vega-Lite chart (text marks), so a summary shows like any other figure, in
 * JupyterLab and in the PNG fallback. Columns default to the keys of the rows in order of first appearance;
 * numbers show 4 significant digits. Meant for summaries (≲ 40 rows), not data dumps.
 *
 * @example
 * table(summary, ["knobValue", "split", "metric", "mean", "std", "n"])
 */
export function table(rows: readonly object[], columns?: readonly string[], opts: ChartOptions = {}): TopLevelSpec {
  requireRows("table", rows);
  const cols = columns ? [...columns] : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (cols.length === 0) throw new Error("table: the rows have no fields to show");
  const missing = cols.filter((c) => rows.every((r) => !(c in r)));
  if (missing.length > 0) throw new Error(`table: no row has the column(s) ${missing.join(", ")}`);
  const values = rows.flatMap((r, i) =>
    cols.map((col) => ({ row: i, col, text: formatCell((r as Record<string, unknown>)[col]) })),
  );
  // Every column is as wide as the widest text (≈ 7 px per character at 12 px DejaVu Sans) plus padding.
  const chars = Math.max(...cols.map((c) => c.length), ...values.map((v) => v.text.length));
  const step = Math.min(260, Math.max(60, chars * 7.5 + 20));
  return applyChartOptions(
    "table",
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: { ...plotConfig(), view: { stroke: null } },
      ...(opts.title ? { title: opts.title } : {}),
      data: { values },
      width: { step },
      height: { step: 20 },
      mark: { type: "text", align: "center", baseline: "middle", fontSize: 12 },
      encoding: {
        x: {
          field: "col",
          type: "nominal",
          sort: cols,
          title: null,
          axis: {
            orient: "top",
            labelAngle: 0,
            labelFontWeight: "bold",
            labelFontSize: 12,
            domain: false,
            ticks: false,
            grid: false,
          },
        },
        y: { field: "row", type: "ordinal", axis: null },
        text: { field: "text" },
      },
    } as TopLevelSpec,
    opts,
  );
}
