import { describe, expect, test } from "vitest";
import { Rng } from "../rng";
import { compose, gaussianNoise, hflip, intensityJitter, rotate, scale, translate } from "./augment";
import { fromConfig } from "./augment-config";
import { augmentGrid, sampleRng } from "./augment-grid";
import { affineImage, flipImage, shiftImage } from "./image-ops";

const S = 28;
/** A 28 × 28 image with the given (row, col) pixels set to 1. */
const dots = (...pts: [number, number][]) => {
  const img = new Float32Array(S * S);
  for (const [r, c] of pts) img[r * S + c] = 1;
  return img;
};
/** The (row, col) of every non-zero pixel. */
const lit = (img: Float32Array) =>
  Array.from(img.keys())
    .filter((i) => img[i] !== 0)
    .map((i) => [Math.floor(i / S), i % S]);

describe("pixel operations", () => {
  test("shiftImage moves a pixel by (dx right, dy down) and fills with zeros", () => {
    expect(lit(shiftImage(dots([10, 10]), 1, 0, new Float32Array(S * S)) as Float32Array)).toEqual([[10, 11]]);
    expect(lit(shiftImage(dots([10, 10]), -2, 3, new Float32Array(S * S)) as Float32Array)).toEqual([[13, 8]]);
    expect(lit(shiftImage(dots([0, 27]), 1, 0, new Float32Array(S * S)) as Float32Array)).toEqual([]); // pushed out
  });

  test("flipImage mirrors columns: (r, c) → (r, 27 − c)", () => {
    expect(lit(flipImage(dots([3, 0], [9, 20]), new Float32Array(S * S)) as Float32Array)).toEqual([
      [3, 27],
      [9, 7],
    ]);
  });

  test("affineImage by 90° sends (row r, col k) to (row 27 − k, col r) exactly; 4 × 90° is the identity", () => {
    // Counter-clockwise on screen: the right edge goes to the top. (5, 20) → (27 − 20, 5) = (7, 5).
    const out = affineImage(dots([5, 20]), 90, 1, new Float32Array(S * S)) as Float32Array;
    expect(lit(out)).toEqual([[7, 5]]);
    expect(out[7 * S + 5]).toBe(1);
    let img: Float32Array = dots([5, 20], [13, 2], [27, 27]);
    const start = Array.from(img);
    for (let k = 0; k < 4; k++) img = affineImage(img, 90, 1, new Float32Array(S * S)) as Float32Array;
    expect(Array.from(img)).toEqual(start);
  });

  test("affineImage zoom: bilinear is exact on a ramp, so img[r][k] = k becomes c + (k − c)/f", () => {
    const ramp = Float32Array.from({ length: S * S }, (_, i) => i % S);
    const out = affineImage(ramp, 0, 2, new Float32Array(S * S));
    const c = 13.5;
    for (const k of [0, 5, 13, 14, 27]) expect(out[10 * S + k]).toBeCloseTo(c + (k - c) / 2, 5);
    // Shrinking by 2 samples outside the image near the border: zero fill.
    const small = affineImage(ramp, 0, 0.5, new Float32Array(S * S));
    expect(small[0]).toBe(0); // samples at (−13.5, −13.5)
    expect(small[13 * S + 13]).toBeCloseTo(c + (13 - c) * 2, 5);
  });

  test("errors name the problem", () => {
    expect(() => shiftImage(new Float32Array(10), 1, 0, new Float32Array(10))).toThrow(
      "shiftImage: expected a square image as one row (e.g. 784 = 28×28 values), got 10 values",
    );
    const img = dots();
    expect(() => flipImage(img, img)).toThrow("flipImage: out must be a different buffer from img");
  });
});

describe("random augmentations", () => {
  test("translate({ maxShift: 1 }) lands a pixel on each of the 9 neighbours, never further", () => {
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) {
      const img = dots([10, 10]);
      translate({ maxShift: 1 })(img, new Rng(s));
      const p = lit(img);
      expect(p.length).toBe(1);
      expect(Math.max(Math.abs(p[0][0] - 10), Math.abs(p[0][1] - 10))).toBeLessThanOrEqual(1);
      seen.add(p[0].join());
    }
    expect(seen.size).toBe(9); // P(one of 9 positions missed in 200 draws) < 9·(8/9)^200 ≈ 5e-10
  });

  test("hflip: p = 1 mirrors, p = 0 never does, p = 0.5 about half the time", () => {
    const img = dots([4, 1]);
    hflip({ p: 1 })(img, new Rng(0));
    expect(lit(img)).toEqual([[4, 26]]);
    hflip({ p: 0 })(img, new Rng(0));
    expect(lit(img)).toEqual([[4, 26]]);
    let flips = 0;
    for (let s = 0; s < 400; s++) {
      const x = dots([4, 1]);
      hflip()(x, new Rng(s));
      flips += x[4 * S + 26];
    }
    expect(Math.abs(flips - 200)).toBeLessThan(40); // binomial sd = 10: 4 sd
  });

  test("rotate({ degrees: [90, 90] }) is the exact 90° map; the default draws within ±15°", () => {
    const img = dots([5, 20]);
    rotate({ degrees: [90, 90] })(img, new Rng(1));
    expect(lit(img)).toEqual([[7, 5]]);
    expect(rotate().config).toEqual({ name: "rotate", degrees: [-15, 15] });
    // A pixel 10 px right of centre row 13.5 moves by at most 10·sin(15°) ≈ 2.6 rows.
    for (let s = 0; s < 30; s++) {
      const x = dots([13, 24]);
      rotate()(x, new Rng(s));
      for (const [r] of lit(x)) expect(Math.abs(r - 13)).toBeLessThanOrEqual(4);
    }
  });

  test("scale({ min: 1, max: 1 }) is the identity; the factor stays in [min, max]", () => {
    const img = dots([3, 4], [20, 9]);
    const before = Array.from(img);
    scale({ min: 1, max: 1 })(img, new Rng(0));
    expect(Array.from(img)).toEqual(before);
    // On the ramp k the output at column 20 is c + (20 − c)/f (sampled inside the image for f in [0.9, 1.1]),
    // so f = 6.5 / (out − 13.5) must lie in [0.9, 1.1].
    for (let s = 0; s < 20; s++) {
      const ramp = Float32Array.from({ length: S * S }, (_, i) => i % S);
      scale()(ramp, new Rng(s));
      const f = 6.5 / (ramp[14 * S + 20] - 13.5);
      expect(f).toBeGreaterThanOrEqual(0.9 - 1e-5);
      expect(f).toBeLessThanOrEqual(1.1 + 1e-5);
    }
  });

  test("gaussianNoise: sample std ≈ std without clipping; values in [0, 1] with clipping", () => {
    let sum = 0;
    let sq = 0;
    const m = 50 * S * S;
    for (let s = 0; s < 50; s++) {
      const img = new Float32Array(S * S).fill(0.5);
      gaussianNoise({ std: 0.1, clip: false })(img, new Rng(s));
      for (const v of img) {
        sum += v - 0.5;
        sq += (v - 0.5) ** 2;
      }
    }
    const mean = sum / m;
    expect(Math.abs(mean)).toBeLessThan(0.002); // standard error 0.1/√39200 ≈ 0.0005
    expect(Math.abs(Math.sqrt(sq / m - mean * mean) - 0.1)).toBeLessThan(0.002);
    const img = dots([1, 1]);
    gaussianNoise({ std: 0.5 })(img, new Rng(3));
    expect(Math.min(...img)).toBe(0);
    expect(Math.max(...img)).toBe(1);
  });

  test("intensityJitter: 0 and 0 is the identity; brightness scales every pixel by one factor; contrast keeps the mean", () => {
    // Values 0.2..0.8, so neither a brightness factor ≤ 1.2 nor a contrast factor ≤ 1.3 about the mean 0.5 clamps.
    const base = Float32Array.from({ length: S * S }, (_, i) => 0.2 + (i % 7) / 10);
    const same = base.slice();
    intensityJitter({ brightness: 0, contrast: 0 })(same, new Rng(0));
    expect(Array.from(same)).toEqual(Array.from(base));
    const b = base.slice();
    intensityJitter({ brightness: 0.2, contrast: 0 })(b, new Rng(1));
    const factor = b[0] / base[0];
    expect(factor).not.toBeCloseTo(1, 3);
    for (let i = 1; i < 7; i++) expect(b[i] / base[i]).toBeCloseTo(factor, 5);
    const c = base.slice();
    intensityJitter({ brightness: 0, contrast: 0.3 })(c, new Rng(2));
    const avg = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(avg(c)).toBeCloseTo(avg(base), 5);
    expect(Array.from(c)).not.toEqual(Array.from(base));
  });

  test("compose runs steps in order with one rng; configs nest and round-trip through JSON", () => {
    const twice = compose(hflip({ p: 1 }), hflip({ p: 1 }));
    const img = dots([2, 3]);
    twice(img, new Rng(0));
    expect(lit(img)).toEqual([[2, 3]]);
    const aug = compose(rotate({ maxDegrees: 10 }), translate({ maxShift: 2 }), gaussianNoise({ std: 0.05 }));
    const json = JSON.parse(JSON.stringify({ augment: aug }));
    expect(json.augment).toEqual({
      name: "compose",
      steps: [
        { name: "rotate", degrees: [-10, 10] },
        { name: "translate", maxShift: 2 },
        { name: "gaussianNoise", mean: 0, std: 0.05, clip: true },
      ],
    });
    const [a, b] = [dots([12, 12], [14, 15]), dots([12, 12], [14, 15])];
    aug(a, sampleRng(1, 2, 3));
    fromConfig(json.augment)(b, sampleRng(1, 2, 3));
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  test("fromConfig: lists compose, defaults fill in, typos are errors", () => {
    expect(fromConfig([{ name: "translate", maxShift: 2 }, { name: "hflip" }]).config).toEqual({
      name: "compose",
      steps: [
        { name: "translate", maxShift: 2 },
        { name: "hflip", p: 0.5 },
      ],
    });
    expect(() => fromConfig({ name: "rotate", maxDegree: 10 })).toThrow(
      'augmentFromConfig: rotate has no option "maxDegree" (options: maxDegrees, degrees)',
    );
    expect(() => fromConfig({ name: "shear" })).toThrow('augmentFromConfig: unknown augmentation "shear"');
    expect(() => fromConfig({ name: "translate", maxShift: 1.5 })).toThrow(
      "translate: maxShift must be a non-negative integer, got 1.5",
    );
  });

  test("augmentGrid: n copies, deterministic per seed, all different", () => {
    const img = dots([10, 10], [15, 12]);
    const g = augmentGrid(img, translate({ maxShift: 3 }), { n: 6, seed: 4 });
    expect(g.shapeString).toBe("[6, 784] float32");
    expect(g.toRows()).toEqual(augmentGrid(img, translate({ maxShift: 3 }), { n: 6, seed: 4 }).toRows());
    expect(new Set(g.toRows().map((r) => r.join())).size).toBeGreaterThan(3);
    expect(lit(img)).toEqual([
      [10, 10],
      [15, 12],
    ]); // the source image is untouched
  });
});
