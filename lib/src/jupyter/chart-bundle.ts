import type { TopLevelSpec } from "vega-lite";
import { compileSpec, renderPng, svgToPng } from "../plot/render";

/**
 * Turns a Vega-Lite spec into the Jupyter mime bundle nn-knobs sends for every chart:
 * `application/vnd.vegalite.v5+json` (interactive in JupyterLab), `image/png` (drawn in the kernel, for
 * nbconvert HTML, GitHub, VS Code) and `text/plain` (a one-line summary, also what plain node prints).
 */

/** @internal A mime bundle with its metadata, ready for display_data (the machinery of `show`). */
export interface ChartBundle {
  data: { "application/vnd.vegalite.v5+json": TopLevelSpec; "image/png": string; "text/plain": string };
  metadata: Record<string, unknown>;
}

function marksOf(spec: any): string[] {
  if (!spec || typeof spec !== "object") return [];
  if (spec.mark) return [typeof spec.mark === "string" ? spec.mark : String(spec.mark.type)];
  const children = [spec.spec, ...(spec.layer ?? []), ...(spec.hconcat ?? []), ...(spec.vconcat ?? [])];
  const nested = [...children, ...(spec.concat ?? [])].flatMap(marksOf);
  return [...new Set(nested)];
}

function rowsOf(spec: any): number | null {
  if (Array.isArray(spec?.data?.values)) return spec.data.values.length;
  if (spec?.datasets && typeof spec.datasets === "object") {
    return Object.values(spec.datasets as Record<string, unknown[]>).reduce((n, v) => n + v.length, 0);
  }
  return null;
}

/**
 * The one-line text form of a chart: title, marks and number of data rows.
 * @example describeSpec({ title: "loss", mark: "line", data: { values: rows } }) // 'Chart "loss": line, 200 rows'
 */
export function describeSpec(spec: TopLevelSpec): string {
  const s = spec as any;
  const title = typeof s.title === "string" ? s.title : Array.isArray(s.title) ? s.title.join(" ") : s.title?.text;
  const marks = marksOf(s);
  const rows = rowsOf(s);
  return (
    `Chart${title ? ` "${String(title)}"` : ""}: ${marks.length ? marks.join(" + ") : "no marks"}` +
    (rows === null ? "" : `, ${rows} row${rows === 1 ? "" : "s"}`)
  );
}

/**
 * Draws a Vega-Lite spec to SVG synchronously, so `show(spec)` works without `await`. vega's public
 * `view.toSVG()` is async only because data may load from URLs; with inline data the dataflow runs
 * synchronously, and the renderer is set up exactly as vega-view's `renderHeadless` does (checked in the tests).
 * Throws when the spec loads data asynchronously (use `showAsync`).
 */
export function renderSvgSync(spec: TopLevelSpec): { svg: string; width: number; height: number } {
  const vega = require("vega") as typeof import("vega");
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: "none" }) as any;
  try {
    view.run();
    if (view._pending) {
      throw new Error("show(): this chart loads data asynchronously (a data url); use `await showAsync(spec)`.");
    }
    const pad = view.padding();
    const width = Math.max(0, view._viewWidth + pad.left + pad.right);
    const height = Math.max(0, view._viewHeight + pad.top + pad.bottom);
    const origin = [pad.left + view._origin[0], pad.top + view._origin[1]];
    const r = new (vega as any).SVGStringRenderer(view.loader()).initialize(null, width, height, origin);
    r.background(view.background()).render(view.scenegraph().root);
    return { svg: r.svg() as string, width, height };
  } finally {
    view.finalize();
  }
}

function bundleFrom(spec: TopLevelSpec, png: Uint8Array, width?: number, height?: number): ChartBundle {
  return {
    data: {
      "application/vnd.vegalite.v5+json": spec,
      "image/png": Buffer.from(png).toString("base64"),
      "text/plain": describeSpec(spec),
    },
    // The PNG is drawn at 2× for sharp screens; the metadata asks viewers to show it at the chart's own size.
    metadata: width && height ? { "image/png": { width, height } } : {},
  };
}

/** The full mime bundle of a chart, synchronously (inline data only). */
export function chartBundle(spec: TopLevelSpec): ChartBundle {
  const { svg, width, height } = renderSvgSync(spec);
  return bundleFrom(spec, svgToPng(svg), width, height);
}

/** The full mime bundle of a chart, for any spec (also data loaded from URLs). */
export async function chartBundleAsync(spec: TopLevelSpec): Promise<ChartBundle> {
  return bundleFrom(spec, await renderPng(spec));
}
