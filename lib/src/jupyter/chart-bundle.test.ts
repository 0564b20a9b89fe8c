import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg } from "../plot/render";
import { chartBundle, describeSpec, renderSvgSync } from "./chart-bundle";

const rows = Array.from({ length: 30 }, (_, i) => ({ step: i, run: i % 2 ? "a" : "b", loss: 1 / (i + 1) }));
const line: TopLevelSpec = {
  title: "loss",
  width: 200,
  height: 100,
  data: { values: rows },
  mark: "line",
  encoding: { x: { field: "step", type: "quantitative" }, y: { field: "loss", type: "quantitative" } },
};
const layered: TopLevelSpec = {
  data: { values: rows },
  layer: [
    {
      mark: "line",
      encoding: { x: { field: "step", type: "quantitative" }, y: { field: "loss", type: "quantitative" } },
    },
    {
      mark: "point",
      encoding: {
        x: { field: "step", type: "quantitative" },
        y: { field: "loss", type: "quantitative" },
        color: { field: "run" },
      },
    },
  ],
};
const concat: TopLevelSpec = {
  hconcat: [
    { data: { values: rows }, mark: "bar", encoding: { x: { field: "loss", bin: true }, y: { aggregate: "count" } } },
    {
      data: { values: rows },
      mark: "rect",
      encoding: { x: { field: "run" }, y: { field: "step", bin: true }, color: { aggregate: "mean", field: "loss" } },
    },
  ],
};

describe("describeSpec", () => {
  it("names title, marks and rows", () => {
    expect(describeSpec(line)).toBe('Chart "loss": line, 30 rows');
    expect(describeSpec(layered)).toBe("Chart: line + point, 30 rows");
    // concat: data lives in the children, so no row count at the top.
    expect(describeSpec(concat)).toBe("Chart: bar + rect");
    expect(describeSpec({ data: { values: [{}] }, mark: { type: "area" } } as TopLevelSpec)).toBe("Chart: area, 1 row");
  });
});

describe("renderSvgSync", () => {
  it.each([
    ["line", line],
    ["layered", layered],
    ["concat", concat],
  ])("draws the same SVG as vega's async view.toSVG() (%s)", async (_name, spec) => {
    // vega numbers gradients with a global counter, so ids differ between two renders; the rest must match.
    const norm = (svg: string) => svg.replace(/gradient_\d+/g, "gradient_N");
    const same = norm(renderSvgSync(spec).svg) === norm(await renderSvg(spec));
    expect(same).toBe(true);
  });

  it("reports the full size including padding and axes", () => {
    const { svg, width, height } = renderSvgSync(line);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    // 200×100 plot area plus axes, title and 5 px padding on each side.
    expect(width).toBeGreaterThan(210);
    expect(height).toBeGreaterThan(110);
  });

  it("refuses specs whose data loads from a URL", () => {
    const spec = { ...line, data: { url: "https://example.invalid/data.json" } } as TopLevelSpec;
    expect(() => renderSvgSync(spec)).toThrow(/showAsync/);
  });
});

describe("chartBundle", () => {
  it("has the three mime types and a PNG at twice the chart size", () => {
    const b = chartBundle(line);
    expect(Object.keys(b.data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "text/plain"]);
    expect(b.data["application/vnd.vegalite.v5+json"]).toBe(line);
    expect(b.data["text/plain"]).toBe('Chart "loss": line, 30 rows');
    const png = Buffer.from(b.data["image/png"], "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height are big-endian uint32 at bytes 16 and 20.
    const { width, height } = b.metadata["image/png"] as { width: number; height: number };
    expect(png.readUInt32BE(16)).toBe(Math.round(2 * width));
    expect(png.readUInt32BE(20)).toBe(Math.round(2 * height));
  });
});
