import type { TopLevelSpec } from "vega-lite";
import { distinctInOrder } from "./check";

/** A knob value an explorer can select. */
export type ExplorerValue = number | string;

/** Options of `explorer`. */
export interface ExplorerOptions {
  /**
   * The data field that holds the knob value in the chart's rows: "series" for `curves` (what tells its lines
   * apart), "name" for `trajectories`, "group" for `pointsWithErrorBars`.
   */
  field: string;
  /** The control's label, e.g. "η" or "momentum γ". Default: the field. */
  label?: string;
  /** The values offered, in order. Default: every value of the field in the chart's rows, in order. */
  values?: readonly ExplorerValue[];
  /** The value shown first. Default: the first value. */
  value?: ExplorerValue;
  /** "slider" (default for evenly spaced numbers) or "radio" (default otherwise: log grids, names). */
  bind?: "slider" | "radio";
  /** The Vega-Lite parameter's name (default "knob"); a page with several explorers needs no distinct names. */
  name?: string;
}

type Row = Record<string, unknown>;
type Node = Record<string, any>;

const POSITION = ["x", "y"] as const;
const CATEGORY = ["color", "strokeDash", "shape"] as const;

function extent(rows: readonly Row[], fields: string[], positiveOnly: boolean): [number, number] | undefined {
  const xs = rows
    .flatMap((r) => fields.map((f) => r[f]))
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v) && (!positiveOnly || v > 0));
  if (xs.length === 0) return undefined;
  const lo = xs.reduce((a, b) => Math.min(a, b));
  const hi = xs.reduce((a, b) => Math.max(a, b));
  return [lo, hi];
}

/**
 * Pins the scales a filter would otherwise shrink: the x/y extent and the colour/dash/shape categories of all rows,
 * so moving the knob redraws the data on fixed axes and every value keeps its colour. A position scale that a facet
 * or concat resolves independently (curves of several metrics) is left alone: one domain cannot fit every panel.
 */
function pinScales(unit: Node, rows: readonly Row[], independent: ReadonlySet<string>): void {
  const enc = unit.encoding ?? {};
  for (const ch of POSITION) {
    const e = enc[ch];
    if (independent.has(ch) || !e?.field || e.type !== "quantitative" || e.scale?.domain !== undefined) continue;
    const fields = [e.field, enc[`${ch}2`]?.field].filter((f): f is string => typeof f === "string");
    const ext = extent(rows, fields, e.scale?.type === "log");
    if (ext) e.scale = { ...e.scale, domain: ext };
  }
  for (const ch of CATEGORY) {
    const e = enc[ch];
    if (!e?.field || e.type === "quantitative" || e.scale?.domain !== undefined) continue;
    const seen = distinctInOrder(rows.map((r) => r[e.field]).filter((v) => v !== undefined));
    e.scale = { ...e.scale, domain: Array.isArray(e.sort) ? e.sort : seen };
  }
}

interface Unit {
  node: Node;
  rows: readonly Row[];
  /** Position channels that an enclosing facet or concat resolves independently. */
  independent: ReadonlySet<string>;
}

/** Every unit (mark) of the chart whose rows (its own data or its parent's) carry the field. */
function unitsWithField(
  node: Node,
  inherited: readonly Row[] | undefined,
  field: string,
  outer: ReadonlySet<string> = new Set(),
): Unit[] {
  const rows: readonly Row[] | undefined = Array.isArray(node.data?.values) ? node.data.values : inherited;
  if (node.mark !== undefined) {
    return rows && rows.some((r) => r[field] !== undefined) ? [{ node, rows, independent: outer }] : [];
  }
  const independent = new Set(outer);
  for (const ch of POSITION) if (node.resolve?.scale?.[ch] === "independent") independent.add(ch);
  const children: Node[] = ["layer", "hconcat", "vconcat", "concat"].flatMap((k) => node[k] ?? []);
  if (node.spec) children.push(node.spec);
  return children.flatMap((child) => unitsWithField(child, rows, field, independent));
}

/** Every data row of the chart (for error messages). */
function allRows(node: Node): Row[] {
  const own: Row[] = Array.isArray(node.data?.values) ? node.data.values : [];
  const children: Node[] = ["layer", "hconcat", "vconcat", "concat"].flatMap((k) => node[k] ?? []);
  if (node.spec) children.push(node.spec);
  return [...own, ...children.flatMap(allRows)];
}

function evenlySpaced(values: readonly ExplorerValue[]): number | undefined {
  if (values.length < 2 || !values.every((v) => typeof v === "number")) return undefined;
  const xs = values as number[];
  const step = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
  if (!(step > 0)) return undefined;
  const even = xs.every((v, i) => Math.abs(v - (xs[0] + i * step)) <= 1e-9 * Math.max(1, Math.abs(v)));
  return even ? Number(step.toPrecision(12)) : undefined;
}

/**
 * A knob explorer: the chart drawn for one knob value at a time, with a slider or radio buttons that switch the
 * value in the browser, instantly, over rows computed beforehand (a sweep, several optimizer paths). Give it a
 * chart from any builder whose rows hold every value (`curves(sweep.rows)`, `trajectories(grid, paths)`) and the
 * field that holds the value (an unknown field is an error that lists the chart's fields); the result is plain Vega-Lite (a bound parameter and a filter), so it works in
 * JupyterLab (`show(explorer(…))`), in the slides (vega-embed) and in the PNG fallback (which shows the first value).
 *
 * Axes and colours are pinned to all values' rows, so moving the knob moves the data, not the axes (except axes a
 * facet resolves independently, e.g. curves of two metrics: those follow the value shown). Like the
 * TensorFlow Playground's controls or Distill's momentum article, without a kernel.
 * @example
 *   const runs = await sweep(base, "optim.lr", [0.001, 0.01, 0.1, 1], { seeds: 3 });
 *   show(explorer(curves(runs.rows, { metric: "loss", logY: true }), { field: "series", label: "η" }));
 */
export function explorer(chart: TopLevelSpec, opts: ExplorerOptions): TopLevelSpec {
  if (typeof opts?.field !== "string" || opts.field === "") throw new Error("explorer: give the knob's field");
  const spec = structuredClone(chart) as Node;
  const name = opts.name ?? "knob";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`explorer: name "${name}" is not a valid identifier`);
  const units = unitsWithField(spec, undefined, opts.field);
  const rows = units.flatMap((u) => u.rows);
  if (rows.length === 0) {
    const fields = distinctInOrder(allRows(spec).flatMap((r) => Object.keys(r))).join(", ");
    throw new Error(`explorer: no layer of the chart has rows with a "${opts.field}" field (fields: ${fields})`);
  }
  const values = opts.values ?? distinctInOrder(rows.map((r) => r[opts.field] as ExplorerValue));
  if (values.length === 0) throw new Error("explorer: no values to choose from");
  const value = opts.value ?? values[0];
  if (!values.includes(value)) {
    throw new Error(`explorer: value ${JSON.stringify(value)} is not one of ${JSON.stringify(values)}`);
  }
  const step = evenlySpaced(values);
  const bindAs = opts.bind ?? (step !== undefined ? "slider" : "radio");
  if (bindAs === "slider" && step === undefined) {
    throw new Error('explorer: a slider needs evenly spaced numbers; use bind: "radio" for these values');
  }
  const label = `${opts.label ?? opts.field} `;
  const bind =
    bindAs === "slider"
      ? { input: "range", min: values[0], max: values[values.length - 1], step, name: label }
      : { input: "radio", options: [...values], labels: values.map(String), name: label };
  // A slider's value is min + k·step in the browser's arithmetic: compare numbers with a tolerance.
  const key = JSON.stringify(opts.field);
  const test =
    typeof value === "number"
      ? `abs(datum[${key}] - ${name}) <= 1e-9 * max(1, abs(${name}))`
      : `datum[${key}] == ${name}`;
  for (const { node, rows: unitRows, independent } of units) {
    pinScales(node, unitRows, independent);
    node.transform = [{ filter: test }, ...(node.transform ?? [])];
  }
  spec.params = [...(spec.params ?? []), { name, value, bind }];
  return spec as TopLevelSpec;
}
