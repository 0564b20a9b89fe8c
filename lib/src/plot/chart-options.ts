import type { TopLevelSpec } from "vega-lite";
import type { KnobValue, PlotEvent } from "./types";

/** A dashed grey reference line: horizontal at `y`, or vertical at `x`, with an optional label. */
export interface Rule {
  x?: number | string;
  y?: number;
  label?: string;
}

/**
 * Options every builder takes, so a notebook never edits a spec after the fact.
 * @example curves(rows, { width: 620, legendTitle: "momentum γ", legendOrder: [0.9, 0.5, 0], rules: [{ y: 0.1 }] })
 */
export interface ChartOptions {
  /** Plot width / height in pixels (one panel's, in a faceted or side-by-side chart). */
  width?: number;
  height?: number;
  title?: string;
  /** Angle of the x-axis labels in degrees (e.g. -45 for long category names). */
  labelAngle?: number;
  /** Title of the colour legend (default: the knob's human name). */
  legendTitle?: string;
  /** Order of the legend entries (and colours); entries not listed follow in their usual order. */
  legendOrder?: KnobValue[];
  /** Dashed grey reference lines, e.g. `{ y: 0.1, label: "chance" }`. */
  rules?: Rule[];
  /** Vertical markers with a label, e.g. where a schedule dropped the learning rate. */
  events?: PlotEvent[];
}

type Obj = Record<string, any>;
const LEGEND_CHANNELS = ["color", "strokeDash", "shape", "fill", "stroke"];

/** Every object in a spec that holds a view size: the top level, a facet's inner spec, concatenated views. */
function views(spec: Obj): Obj[] {
  if (spec.spec) return views(spec.spec);
  for (const k of ["hconcat", "vconcat", "concat"]) if (Array.isArray(spec[k])) return spec[k].flatMap(views);
  return [spec];
}

/** Every unit (a mark with encodings) in a spec. */
function units(spec: Obj): Obj[] {
  const inner = [
    spec.spec,
    ...(spec.layer ?? []),
    ...(spec.hconcat ?? []),
    ...(spec.vconcat ?? []),
    ...(spec.concat ?? []),
  ];
  return [...(spec.mark ? [spec] : []), ...inner.filter(Boolean).flatMap(units)];
}

function checkNumber(name: string, v: number | undefined, min: number): void {
  if (v !== undefined && !(Number.isFinite(v) && v >= min))
    throw new Error(`${name} must be a number ≥ ${min}, got ${v}`);
}

/** A unit view turned into a layer of one, so reference lines can be layered on it. */
function asLayer(view: Obj): Obj {
  if (view.layer) return view;
  const { mark, encoding, params, transform, ...rest } = view;
  const unit: Obj = { mark, encoding };
  if (params) unit.params = params;
  if (transform) unit.transform = transform;
  for (const k of Object.keys(view)) delete view[k];
  return Object.assign(view, rest, { layer: [unit] });
}

function isLogScale(view: Obj, channel: "x" | "y"): boolean {
  return units(view).some((u) => u.encoding?.[channel]?.scale?.type === "log");
}

/** The layers of a reference line and its label, each with its own one-row data (works inside facets too). */
function ruleLayers(rule: Rule, view: Obj, builder: string): Obj[] {
  const vertical = rule.x !== undefined;
  if (vertical === (rule.y !== undefined))
    throw new Error(`${builder}: a rule needs exactly one of x or y, got ${JSON.stringify(rule)}`);
  const channel = vertical ? "x" : "y";
  const at = vertical ? rule.x! : rule.y!;
  if (typeof at === "number" && !Number.isFinite(at))
    throw new Error(`${builder}: a rule's ${channel} must be finite, got ${at}`);
  if (typeof at === "number" && at <= 0 && isLogScale(view, channel)) {
    throw new Error(`${builder}: a rule at ${channel} = ${at} cannot be drawn on the log ${channel} axis (needs > 0)`);
  }
  const one = { values: [{}] };
  const out: Obj[] = [
    {
      data: one,
      mark: { type: "rule", strokeDash: [5, 4], color: "#888", strokeWidth: 1.2 },
      encoding: { [channel]: { datum: at } },
    },
  ];
  if (rule.label) {
    const text = { type: "text", fontSize: 10, color: "#555" };
    out.push(
      vertical
        ? {
            data: one,
            mark: { ...text, align: "left", baseline: "top", dx: 3, dy: 2 },
            encoding: { x: { datum: at }, y: { value: 0 }, text: { value: rule.label } },
          }
        : {
            data: one,
            mark: { ...text, align: "right", baseline: "bottom", dx: -2, dy: -2 },
            encoding: { y: { datum: at }, x: { value: { expr: "width" } }, text: { value: rule.label } },
          },
    );
  }
  return out;
}

/**
 * Applies the shared `ChartOptions` to a builder's spec (mutating and returning it): sizes, title (keeping the
 * builder's notes as subtitle), x-label angle, legend title and order, reference lines and event markers.
 * Throws on a bad value, naming the builder.
 */
export function applyChartOptions(builder: string, spec: TopLevelSpec, opts: ChartOptions): TopLevelSpec {
  const s = spec as Obj;
  checkNumber(`${builder}: width`, opts.width, 10);
  checkNumber(`${builder}: height`, opts.height, 10);
  for (const v of views(s)) {
    if (opts.width !== undefined) v.width = opts.width;
    if (opts.height !== undefined) v.height = opts.height;
  }
  if (opts.title !== undefined) {
    s.title = typeof s.title === "object" && s.title.subtitle ? { ...s.title, text: opts.title } : opts.title;
  }
  const all = units(s);
  if (opts.labelAngle !== undefined) {
    checkNumber(`${builder}: labelAngle`, Math.abs(opts.labelAngle), 0);
    for (const u of all) {
      const x = u.encoding?.x;
      if (x && x.axis !== null && (x.field || x.datum === undefined))
        x.axis = { ...(x.axis ?? {}), labelAngle: opts.labelAngle };
    }
  }
  if (opts.legendTitle !== undefined || opts.legendOrder !== undefined) {
    // The series legend: the first nominal/ordinal colour field (not a continuous colour scale, not marker shapes).
    const main = all
      .map((u) => u.encoding?.color)
      .find((e) => e?.field && e.legend !== null && (e.type === "nominal" || e.type === "ordinal"));
    const legends = main
      ? all.flatMap((u) => LEGEND_CHANNELS.map((c) => u.encoding?.[c]).filter((e) => e?.field === main.field))
      : [];
    if (!legends.length) throw new Error(`${builder}: legendTitle/legendOrder given, but this chart has no legend`);
    for (const e of legends) {
      if (opts.legendTitle !== undefined) e.title = opts.legendTitle;
      if (opts.legendOrder !== undefined) e.sort = legendSort(builder, e.sort, opts.legendOrder);
    }
  }
  const rules = [...(opts.rules ?? []), ...(opts.events ?? []).map((e) => ({ x: e.x, label: e.label }))];
  if (rules.length) {
    for (const v of views(s)) {
      const layered = asLayer(v);
      layered.layer.push(...rules.flatMap((r) => ruleLayers(r, layered, builder)));
    }
  }
  return spec;
}

/** The legend's new sort: the given order first, then the other entries in their previous order. */
function legendSort(builder: string, previous: unknown, order: KnobValue[]): KnobValue[] {
  if (!Array.isArray(previous)) return order;
  const key = (v: unknown) => String(v);
  const known = new Set(previous.map(key));
  const unknown = order.filter((v) => !known.has(key(v)));
  if (unknown.length) {
    throw new Error(
      `${builder}: legendOrder names ${unknown.map((v) => JSON.stringify(v)).join(", ")}, not in the legend; its entries are: ${previous.map((v) => JSON.stringify(v)).join(", ")}`,
    );
  }
  const listed = new Set(order.map(key));
  const matched = order.map((v) => previous.find((p) => key(p) === key(v)) as KnobValue);
  return [...matched, ...(previous as KnobValue[]).filter((p) => !listed.has(key(p)))];
}
