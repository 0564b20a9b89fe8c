import * as util from "util";
import { isMainThread } from "worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { chartBundle, chartBundleAsync, describeSpec } from "./chart-bundle";
import { isInKernel, sendDisplay } from "./tslab-hooks";
import { checkSpec } from "../plot/spec-check";

/**
 * A Vega-Lite chart that shows itself when it is a cell's last expression (tslab prints the last expression
 * with console.log, which calls `[util.inspect.custom]`). Made by `chart(spec)`.
 * @example chart({ data: { values: rows }, mark: "line", encoding: { ... } })   // as the last line of a cell
 */
export class Chart {
  constructor(readonly spec: TopLevelSpec) {}

  /** Displays the chart now (same as `show(this)`). */
  show(): void {
    show(this.spec);
  }

  toString(): string {
    return describeSpec(this.spec);
  }

  toJSON(): TopLevelSpec {
    return this.spec;
  }

  [util.inspect.custom](depth: number): string {
    // Only a top-level inspect (a cell's last expression, console.log(chart)) displays; nested ones print text.
    if (depth < 0 || !sendChart(this.spec)) return this.toString();
    swallowNextNewline();
    return "";
  }
}

/**
 * Wraps a Vega-Lite spec in a `Chart` that displays itself as a cell's last expression.
 * @example const c = chart(spec); c   // shows the chart
 */
export function chart(spec: TopLevelSpec): Chart {
  checkSpec(spec, "chart()");
  return new Chart(spec);
}

/** The spec of a chart or spec, checked (`checkSpec`: undefined, not an object, an unknown mark fail clearly). */
function specOf(x: TopLevelSpec | Chart, where: string): TopLevelSpec {
  const spec = x instanceof Chart ? x.spec : x;
  checkSpec(spec, where);
  return spec;
}

function sendChart(spec: TopLevelSpec): boolean {
  // Draw the PNG only inside a kernel: a picture no one sees would waste time in tests and scripts.
  return isInKernel() && sendDisplay(chartBundle(spec));
}

/** console.log(chart) writes "" + "\n" after our display; drop that newline so the cell has no stray stdout. */
export function swallowNextNewline(): void {
  const original = process.stdout.write;
  const restore = () => {
    if (process.stdout.write === patched) process.stdout.write = original;
  };
  const patched = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    restore();
    if (chunk === "\n") return true;
    return (original as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  } as typeof process.stdout.write;
  process.stdout.write = patched;
  setImmediate(restore);
}

/**
 * Shows a Vega-Lite spec (or a `Chart`) in the running cell: ONE display_data carrying the Vega-Lite JSON,
 * a PNG drawn in the kernel and a one-line text. Synchronous, so `show(spec)` and `await show(spec)` both work.
 * Outside a kernel it prints the text line; in a worker thread it prints nothing.
 * Like matplotlib's `plt.show()` in a notebook; charts that load data from a URL need `await showAsync(spec)`.
 * @example show({ data: { values: rows }, mark: "line", encoding: { x: { field: "step" }, y: { field: "loss" } } });
 */
export function show(x: TopLevelSpec | Chart): void {
  const spec = specOf(x, "show()");
  if (sendChart(spec)) return;
  if (isMainThread) console.log(describeSpec(spec));
}

/** Like `show`, but renders asynchronously, so it also handles specs whose data loads from a URL. */
export async function showAsync(x: TopLevelSpec | Chart): Promise<void> {
  const spec = specOf(x, "showAsync()");
  if (isInKernel()) {
    sendDisplay(await chartBundleAsync(spec));
  } else if (isMainThread) {
    console.log(describeSpec(spec));
  }
}
