import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { droppedNote, requireRows } from "./check";
import { plotConfig, titleWithNotes } from "./theme";

/** One grey-scale image, row-major (MNIST: 28 × 28 = 784 values in [0, 1] or [0, 255], or normalized). */
export interface ImageItem {
  pixels: ArrayLike<number>;
  /** Shown above the image, e.g. the digit. */
  label?: string | number;
  /** Shown instead of the label, e.g. "true 5, predicted 3". */
  title?: string;
}

/** Options of `imageGrid`. */
/** `width`/`height` here are the images' size in image pixels, not the chart's. */
export interface ImageGridOptions extends ChartOptions {
  /** Images per row (default 10). */
  columns?: number;
  /** Image size in pixels (default 28 × 28). */
  width?: number;
  height?: number;
  /** Screen pixels per image pixel (default 2). */
  pixelSize?: number;
  title?: string;
}

/**
 * A grid of small grey-scale images with a caption each: augmented samples, misclassified digits, filters.
 * Ink is dark on white: the smallest value over all images is white and the largest black, so raw [0, 255],
 * scaled [0, 1] and normalized (x − mean)/std images all look alike. Pixels equal to the smallest value are
 * left out of the spec (MNIST is ~80% background), which keeps 100 digits at ~15k rows. Non-finite pixels are
 * dropped (drawn as background) and counted; a wrong pixel count throws.
 *
 * @example
 * imageGrid(batch.map((pixels, i) => ({ pixels, label: labels[i] })), { columns: 8 })
 */
export function imageGrid(images: readonly ImageItem[], opts: ImageGridOptions = {}): TopLevelSpec {
  requireRows("imageGrid", images, "images");
  const w = opts.width ?? 28;
  const h = opts.height ?? 28;
  const size = opts.pixelSize ?? 2;
  let lo = Infinity;
  let hi = -Infinity;
  let bad = 0;
  images.forEach((img, k) => {
    const n = img?.pixels?.length;
    if (n !== w * h) {
      throw new Error(`imageGrid: images[${k}] has ${n ?? "no"} pixels, expected ${w} × ${h} = ${w * h}`);
    }
    for (let p = 0; p < n; p++) {
      const v = img.pixels[p];
      if (!Number.isFinite(v)) bad++;
      else if (v < lo) lo = v;
      if (v > hi && Number.isFinite(v)) hi = v;
    }
  });
  if (lo === Infinity) throw new Error("imageGrid: every pixel is NaN or ±Infinity");
  if (hi === lo) hi = lo + 1; // a blank batch still draws (all white)
  const values: { i: number; r: number; c: number; v: number }[] = [];
  images.forEach((img, i) => {
    for (let p = 0; p < w * h; p++) {
      const v = img.pixels[p];
      // Keep pixel 0 of every image even when it is background, so that a blank image still gets its panel.
      if (p === 0 || (Number.isFinite(v) && v !== lo))
        values.push({ i, r: Math.floor(p / w), c: p % w, v: Number.isFinite(v) ? v : lo });
    }
  });
  const captions = images.map((img) => img.title ?? (img.label === undefined ? "" : String(img.label)));
  return applyChartOptions(
    "imageGrid",
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: { ...plotConfig(), view: { stroke: "#ccc" }, header: { labelFontSize: 11, labelPadding: 2 } },
      title: titleWithNotes(opts.title ?? `${images.length} images`, droppedNote(bad, "pixels")),
      data: { values },
      transform: [
        { calculate: "datum.c + 1", as: "c1" },
        { calculate: "datum.r + 1", as: "r1" },
      ],
      facet: {
        field: "i",
        type: "ordinal",
        title: null,
        // The caption of panel i, looked up from a literal array in the header's label expression.
        header: { labelExpr: `${JSON.stringify(captions)}[datum.value]` },
      },
      columns: opts.columns ?? 10,
      spacing: { row: 4, column: 6 },
      spec: {
        width: w * size,
        height: h * size,
        mark: { type: "rect" },
        encoding: {
          x: { field: "c", type: "quantitative", scale: { domain: [0, w], nice: false }, axis: null },
          x2: { field: "c1" },
          y: { field: "r", type: "quantitative", scale: { domain: [0, h], nice: false, reverse: true }, axis: null },
          y2: { field: "r1" },
          color: {
            field: "v",
            type: "quantitative",
            scale: { range: ["white", "black"], domain: [lo, hi] },
            legend: null,
          },
        },
      },
    } as TopLevelSpec,
    { ...opts, width: undefined, height: undefined }, // the images' size, applied above
  );
}
