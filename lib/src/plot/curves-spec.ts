import type { TopLevelSpec } from "vega-lite";
import type { BandKind, BandRow, CurveKey, CurveX } from "../rows/aggregate-seeds";
import { distinctInOrder } from "./check";
import type { CurvesOptions } from "./curves";
import { PLOT_SIZE, plotConfig, titleWithNotes } from "./theme";

// The Vega-Lite layers of `curves`, built from rows already aggregated over seeds (see curves.ts).

/** The x axis title for each choice of x, with its unit. */
export const X_TITLES: Record<CurveX, string> = {
  step: "step (minibatch updates)",
  epoch: "epoch (passes over the training set)",
  samples: "training samples seen",
  time: "wall-clock time (s)",
};

/** The options of `curves` after defaults and input checks. */
export interface Resolved extends Omit<CurvesOptions, "facet"> {
  knob: string;
  x: CurveX;
  color: CurveKey;
  band: BandKind;
  facet?: CurveKey;
  notes: string[];
  metrics: string[];
  splits: string[];
}

/** Band areas, mean lines (legend-highlightable), event rules and labels; faceted when asked. */
export function curvesSpec(agg: BandRow[], o: Resolved): TopLevelSpec {
  const knobs = distinctInOrder(agg.map((r) => r.series)).filter((v): v is string | number | boolean => v !== null);
  const legendTitle = o.color === "knobValue" ? o.knob : o.color;
  const dashed = o.splits.length > 1 && o.color !== "split";
  const x = {
    field: "x",
    type: "quantitative" as const,
    title: X_TITLES[o.x],
    scale: { type: o.logX ? "log" : "linear" },
  };
  const yTitle = o.facet === "metric" ? "value" : o.metrics.join(", ");
  const y = {
    type: "quantitative" as const,
    title: yTitle,
    scale: o.logY ? { type: "log" as const } : { zero: false },
  };
  const legend = { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 3 };
  const color = { field: "series", type: "nominal" as const, title: legendTitle, sort: knobs, legend };
  const highlight = (on: number, off: number) => ({ condition: { param: "pick", value: on }, value: off });
  const curveOnly = { filter: "datum.kind === 'curve'" };
  const layer: any[] = [];
  if (o.band !== "none") {
    layer.push({
      transform: [curveOnly],
      mark: { type: "area", clip: true },
      encoding: {
        x,
        y: { ...y, field: "lo" },
        y2: { field: "hi" },
        color,
        detail: { field: "split" },
        opacity: highlight(0.2, 0.04),
      },
    });
  }
  layer.push({
    transform: [curveOnly],
    params: [{ name: "pick", select: { type: "point", fields: ["series"] }, bind: "legend" }],
    mark: { type: "line", strokeWidth: 2, clip: true },
    encoding: {
      x,
      y: { ...y, field: "mean" },
      color,
      ...(dashed
        ? { strokeDash: { field: "split", type: "nominal", title: "split", sort: o.splits } }
        : { detail: { field: "split" } }),
      opacity: highlight(1, 0.15),
      tooltip: [
        { field: "series", title: legendTitle },
        { field: "split" },
        { field: "metric" },
        { field: "step", type: "quantitative" },
        ...(o.x === "step" ? [] : [{ field: "x", type: "quantitative", title: o.x, format: ".4~g" }]),
        { field: "mean", type: "quantitative", format: ".4~g" },
        { field: "std", type: "quantitative", format: ".3~g" },
        { field: "n", type: "quantitative", title: "seeds" },
      ],
    },
  });
  const events = o.events ?? [];
  if (events.length > 0) {
    const eventOnly = { filter: "datum.kind === 'event'" };
    const ex = { field: "eventX", type: "quantitative" as const };
    layer.push({
      transform: [eventOnly],
      mark: { type: "rule", strokeDash: [4, 3], color: "#666" },
      encoding: { x: ex },
    });
    layer.push({
      transform: [eventOnly],
      mark: { type: "text", align: "left", baseline: "top", dx: 3, dy: 2, fontSize: 10, color: "#444" },
      encoding: { x: ex, y: { value: 0 }, text: { field: "label" } },
    });
  }
  const facets = o.facet ? distinctInOrder(agg.map((r) => r.facet)) : [null];
  const values = [
    ...agg.map((r) => ({ kind: "curve", ...r })),
    ...facets.flatMap((facet) => events.map((e) => ({ kind: "event", eventX: e.x, label: e.label, facet }))),
  ];
  const base = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", config: plotConfig() };
  const title = titleWithNotes(o.title ?? `${o.metrics.join(", ")} vs ${o.x}`, o.notes);
  if (!o.facet) {
    return {
      ...base,
      title,
      data: { values },
      width: PLOT_SIZE.width,
      height: PLOT_SIZE.height,
      layer,
    } as TopLevelSpec;
  }
  return {
    ...base,
    title,
    data: { values },
    facet: {
      field: "facet",
      type: "nominal",
      title: o.facet === "knobValue" ? o.knob : o.facet,
      sort: facets as (string | number)[],
    },
    columns: 3,
    spec: { width: PLOT_SIZE.facetWidth, height: PLOT_SIZE.facetHeight, layer },
    resolve: o.facet === "metric" ? { scale: { y: "independent" } } : undefined,
  } as TopLevelSpec;
}
