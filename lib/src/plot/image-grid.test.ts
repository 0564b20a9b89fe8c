import { describe, expect, it } from "vitest";
import { imageGrid } from "./image-grid";

const spec = (s: unknown) =>
  s as { data: { values: any[] }; facet: any; spec: any; title: { text: string; subtitle?: string[] } };

describe("imageGrid", () => {
  it("keeps only non-background pixels (plus pixel 0 of each image) at their row and column", () => {
    // 2 × 2 images, row-major: image 0 = [0, 5 / 0, 9] has ink at p=1 (r0,c1) and p=3 (r1,c1);
    // image 1 is blank and keeps only its pixel 0 so that its panel still exists.
    const s = spec(imageGrid([{ pixels: [0, 5, 0, 9], label: 3 }, { pixels: [0, 0, 0, 0] }], { width: 2, height: 2 }));
    expect(s.data.values).toEqual([
      { i: 0, r: 0, c: 0, v: 0 },
      { i: 0, r: 0, c: 1, v: 5 },
      { i: 0, r: 1, c: 1, v: 9 },
      { i: 1, r: 0, c: 0, v: 0 },
    ]);
    // Background (the smallest value, 0) is white, the largest (9) black.
    expect(s.spec.encoding.color.scale).toEqual({ range: ["white", "black"], domain: [0, 9] });
    expect(s.spec.width).toBe(4); // 2 pixels × pixelSize 2
  });

  it("captions each panel with its title, else its label", () => {
    const s = spec(
      imageGrid([{ pixels: [1], label: 7 }, { pixels: [0], label: 1, title: "true 1, pred 7" }, { pixels: [0] }], {
        width: 1,
        height: 1,
      }),
    );
    expect(s.facet.header.labelExpr).toBe('["7","true 1, pred 7",""][datum.value]');
  });

  it("handles normalized (negative) images: the minimum is the background", () => {
    const s = spec(imageGrid([{ pixels: [-0.4, 2.8, -0.4, -0.4] }], { width: 2, height: 2 }));
    expect(s.data.values.map((v) => v.v)).toEqual([-0.4, 2.8]);
  });

  it("throws on a wrong pixel count, no images, or all-NaN pixels; counts NaN pixels otherwise", () => {
    expect(() => imageGrid([{ pixels: new Float32Array(783) }])).toThrow(
      "imageGrid: images[0] has 783 pixels, expected 28 × 28 = 784",
    );
    expect(() => imageGrid([])).toThrow("imageGrid: no images to plot");
    expect(() => imageGrid([{ pixels: [NaN] }], { width: 1, height: 1 })).toThrow(
      "imageGrid: every pixel is NaN or ±Infinity",
    );
    const s = spec(imageGrid([{ pixels: [NaN, 1] }], { width: 2, height: 1 }));
    expect(s.title.subtitle).toEqual(["dropped 1 pixel (NaN or ±Infinity), e.g. from a diverged run"]);
  });
});
