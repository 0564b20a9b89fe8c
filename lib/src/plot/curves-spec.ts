import type { TopLevelSpec } from "vega-lite";
import type { BandKind, BandRow, CurveKey, CurveX } from "../rows/aggregate-seeds";
import { distinctInOrder } from "./check";
import type { CurvesOptions } from "./curves";
import { PLOT_SIZE, plotConfig, titleWithNotes } from "./theme";
import { knobName } from "../rows/labels";
import { gridColumns } from "./grid-columns";
import { logScale, logTickFormat } from "./log-scale";

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
  const legendTitle = o.color === "knobValue" ? knobName(o.knob) : o.color;
  const dashed = o.splits.length > 1 && o.color !== "split";
  const x = {
    field: "x",
    type: "quantitative" as const,
    title: X_TITLES[o.x],
    scale: o.logX ? logScale(agg.map((r) => r.x)) : { type: "linear" },
    ...(o.logX ? { axis: { format: logTickFormat(agg.map((r) => r.x)) } } : {}),
  };
  const yTitle = o.facet === "metric" ? "value" : o.metrics.join(", ");
  const y = {
    type: "quantitative" as const,
    title: yTitle,
    scale: o.logY ? logScale(agg.flatMap((r) => [r.lo, r.hi])) : { zero: false },
    ...(o.logY ? { axis: { format: logTickFormat(agg.flatMap((r) => [r.lo, r.hi])) } } : {}),
  };
  const legend = { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 3 };
  if (knobs.length > 20) {
    throw new Error(`curves: ${knobs.length} lines are too many to tell apart; facet them or plot fewer values`);
  }
  // Never two lines of one colour: beyond the 8 colour-blind-safe colours, a 20-colour palette.
  const scale = knobs.length > 8 ? { scale: { scheme: "tableau20" } } : {};
  const color = { field: "series", type: "nominal" as const, title: legendTitle, sort: knobs, legend, ...scale };
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
  if (knobs.length > 6) layer.push(directLabels(x, y, color));
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
  const height = o.height ?? (o.facet ? PLOT_SIZE.facetHeight : PLOT_SIZE.height);
  const lineEnds = knobs.length > 6 ? labelPositions(lastPoints(agg, o.splits[0]), agg, height, !!o.logY) : new Map();
  const values = [
    ...agg.map((r) => {
      const labelY = lineEnds.get(r);
      return { kind: "curve", ...r, ...(labelY !== undefined ? { end: true, labelY } : {}) };
    }),
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
      title: o.facet === "knobValue" ? knobName(o.knob) : o.facet,
      sort: facets as (string | number)[],
    },
    columns: gridColumns(facets.length),
    spec: { width: PLOT_SIZE.facetWidth, height: PLOT_SIZE.facetHeight, layer },
    resolve: o.facet === "metric" ? { scale: { y: "independent" } } : undefined,
  } as TopLevelSpec;
}

/** The last point of each line (per series, metric and facet) of one split: where its direct label goes. */
function lastPoints(agg: BandRow[], split: string | undefined): BandRow[] {
  const last = new Map<string, BandRow>();
  for (const r of agg) {
    if (r.split !== split) continue;
    const key = JSON.stringify([r.series, r.metric, r.facet ?? null]);
    const prev = last.get(key);
    if (!prev || r.x >= prev.x) last.set(key, r);
  }
  return [...last.values()];
}

/**
 * The y of each end label, moved apart so labels of lines that end close together do not overlap: at least
 * 12 px between neighbours in each panel (computed in data units from the y range and the panel height).
 */
function labelPositions(ends: BandRow[], agg: BandRow[], height: number, log: boolean): Map<BandRow, number> {
  const f = (v: number) => (log ? Math.log10(v) : v);
  const inv = (v: number) => (log ? 10 ** v : v);
  const ys = agg
    .flatMap((r) => [r.lo, r.hi, r.mean])
    .filter((v) => Number.isFinite(v) && (!log || v > 0))
    .map(f);
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const gap = ((hi - lo) / height) * 12;
  const out = new Map<BandRow, number>();
  const panels = new Map<string, BandRow[]>();
  for (const r of ends) {
    const key = JSON.stringify([r.metric, r.facet ?? null]);
    panels.set(key, [...(panels.get(key) ?? []), r]);
  }
  for (const panel of panels.values()) {
    const sorted = [...panel].sort((a, b) => a.mean - b.mean);
    const p = sorted.map((r) => f(r.mean));
    for (let i = 1; i < p.length; i++) p[i] = Math.max(p[i], p[i - 1] + gap);
    const overflow = p[p.length - 1] - hi;
    if (overflow > 0) for (let i = 0; i < p.length; i++) p[i] = Math.max(p[i] - overflow, lo + i * gap);
    sorted.forEach((r, i) => out.set(r, inv(p[i])));
  }
  return out;
}

/** Labels at the end of each line, in its colour: with more than 6 lines a legend alone is hard to match. */
function directLabels(x: object, y: object, color: object): object {
  return {
    transform: [{ filter: "datum.kind === 'curve' && datum.end" }],
    mark: { type: "text", align: "left", dx: 4, fontSize: 10, fontWeight: "bold" },
    encoding: { x, y: { ...y, field: "labelY" }, color, text: { field: "series" } }, // same colour legend as the lines
  };
}
