import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { distinctInOrder, requireNumberField, requireRows } from "./check";
import { plotConfig, titleWithNotes } from "./theme";
import type { ConfusionCell } from "./types";

/** Options of `confusionMatrix`. */
export interface ConfusionMatrixOptions extends ChartOptions {
  /** Shares at least this large are written in their cell (default 0.1; 0 writes every cell). */
  minLabel?: number;
  /** A line under the title, e.g. which models and data the matrix pools. */
  subtitle?: string;
  /** What a class is called in the axis titles, e.g. "digit" ("true digit", "predicted digit"); default "class". */
  classNoun?: string;
}

/**
 * A row-normalized confusion matrix: true class down (first class at the top), predicted class across, each cell
 * coloured by the share of its row on a fixed 0–100% blue scale, with the larger shares written in percent. The
 * diagonal is what the model gets right; a dark cell off it is a class the model mistakes for another.
 * Like sklearn's `ConfusionMatrixDisplay` with `normalize="true"`. Rows from `experiment.confusion`.
 * @example show(plot.confusionMatrix(experiment.confusion(nets), { title: "digits" }))
 */
export function confusionMatrix(cells: readonly ConfusionCell[], opts: ConfusionMatrixOptions = {}): TopLevelSpec {
  requireRows("confusionMatrix", cells, "cells");
  for (const f of ["truth", "predicted", "share"]) requireNumberField("confusionMatrix", cells, f, "cells");
  const bad = cells.find((c) => !(c.share >= 0 && c.share <= 1));
  if (bad) throw new Error(`confusionMatrix: a share must lie in [0, 1], got ${bad.share} at ${JSON.stringify(bad)}`);
  const minLabel = opts.minLabel ?? 0.1;
  const noun = opts.classNoun ?? "class";
  const classes = distinctInOrder([...cells.map((c) => c.truth), ...cells.map((c) => c.predicted)]).sort(
    (a, b) => a - b,
  );
  const side = Math.max(200, Math.min(360, 30 * classes.length));
  const x = { field: "predicted", type: "ordinal", title: `predicted ${noun}`, sort: classes, axis: { labelAngle: 0 } };
  const y = { field: "truth", type: "ordinal", title: `true ${noun}`, sort: classes };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: plotConfig(),
    title: titleWithNotes(
      opts.title ?? "confusion matrix (share of each true class)",
      opts.subtitle ? [opts.subtitle] : [],
    ),
    data: { values: cells.map(({ truth, predicted, share }) => ({ truth, predicted, share })) },
    width: side,
    height: side,
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          x,
          y,
          color: { field: "share", type: "quantitative", title: "share", scale: { scheme: "blues", domain: [0, 1] } },
          tooltip: [
            { field: "truth" },
            { field: "predicted" },
            { field: "share", type: "quantitative", format: ".1%" },
          ],
        },
      },
      {
        transform: [{ filter: `datum.share >= ${minLabel} && datum.share > 0` }],
        mark: { type: "text", fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: "share", type: "quantitative", format: ".0%" },
          color: { condition: { test: "datum.share > 0.5", value: "white" }, value: "black" },
        },
      },
    ],
  } as TopLevelSpec;
  return applyChartOptions("confusionMatrix", spec, opts);
}
