import * as path from "path";
import type { TopLevelSpec } from "vega-lite";
import { checkSpec } from "./spec-check";

/**
 * Renders a Vega-Lite spec without a browser: vega-lite compiles it to a Vega spec, vega draws it to an SVG
 * string, and resvg rasterizes the SVG to a PNG (the static fallback that nbconvert HTML, GitHub and VS Code show).
 * Text uses DejaVu Sans shipped by the npm package dejavu-fonts-ttf, so PNGs look the same on every machine.
 */

// vega and vega-lite are loaded lazily: importing nn-knobs stays fast when no chart is drawn.
function vegaLib(): typeof import("vega") {
  return require("vega");
}
function vegaLiteLib(): typeof import("vega-lite") {
  return require("vega-lite");
}

/**
 * Compiles a Vega-Lite spec to a Vega spec; a missing spec, a non-object or an unknown mark fails first with our
 * message (`checkSpec`), anything else invalid with vega-lite's own.
 */
export function compileSpec(spec: TopLevelSpec): import("vega").Spec {
  checkSpec(spec, "render");
  return vegaLiteLib().compile(spec).spec;
}

/** The SVG markup of a Vega-Lite spec, as vega's `view.toSVG()` draws it. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = vegaLib();
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function fontDir(): string {
  return path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

/** Rasterizes SVG markup to PNG bytes at the given scale (2 = crisp on high-DPI screens). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const { Resvg } = require("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  const dir = fontDir();
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"].map((f) => path.join(dir, f)),
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return resvg.render().asPng();
}

/** A Vega-Lite spec straight to PNG bytes. */
export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<Uint8Array> {
  return svgToPng(await renderSvg(spec), scale);
}
