import { describe, expect, test } from "vitest";
import { classCounts, type Dataset } from "./dataset";
import { blobs, circles, moons, spirals } from "./synthetic";

const radius = (ds: Dataset, i: number) => Math.hypot(ds.x.get(i, 0), ds.x.get(i, 1));

describe("synthetic 2-D sets", () => {
  test.each([
    ["spirals", () => spirals({ n: 301, classes: 3, seed: 1 }), [101, 100, 100]],
    ["moons", () => moons({ n: 201, seed: 1 }), [101, 100]],
    ["circles", () => circles({ n: 200, seed: 1 }), [100, 100]],
    ["blobs", () => blobs({ n: 90, centers: 3, seed: 1 }), [30, 30, 30]],
  ] as const)("%s: shape n × 2 float32, balanced classes, same seed → same data", (_name, make, counts) => {
    const a = make();
    const b = make();
    expect(a.x.cols).toBe(2);
    expect(a.x.dtype).toBe("float32");
    expect(classCounts(a)).toEqual(counts);
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
  });

  test("different seeds give different points; shuffle: false stores class 0 first", () => {
    expect(Array.from(moons({ n: 20, seed: 1 }).x.data)).not.toEqual(Array.from(moons({ n: 20, seed: 2 }).x.data));
    const s = moons({ n: 20, seed: 1, shuffle: false });
    expect(Array.from(s.y)).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
    const shuffled = moons({ n: 20, seed: 1 });
    expect(Array.from(shuffled.y)).not.toEqual(Array.from(s.y));
  });

  test("noise 0 puts points exactly on the generating curves", () => {
    // circles: class 0 on radius 1, class 1 on radius factor.
    const c = circles({ n: 40, noise: 0, factor: 0.3, seed: 0 });
    for (let i = 0; i < 40; i++) expect(radius(c, i)).toBeCloseTo(c.y[i] === 0 ? 1 : 0.3, 6);
    // moons: class 0 on the unit circle's upper half; class 1 on the circle of radius 1 about (1, 0.5), lower half.
    const m = moons({ n: 40, noise: 0, seed: 0 });
    for (let i = 0; i < 40; i++) {
      const [x, y] = [m.x.get(i, 0), m.x.get(i, 1)];
      if (m.y[i] === 0) expect(Math.hypot(x, y)).toBeCloseTo(1, 6);
      else expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 6);
    }
    // spirals: the point's radius runs 0..1 along each arm, so the largest radius per class is 1.
    const s = spirals({ n: 30, classes: 3, noise: 0, seed: 0, shuffle: false });
    expect(radius(s, 9)).toBeCloseTo(1, 6);
    expect(radius(s, 0)).toBe(0);
  });

  test("blobs: given centres and std are respected (sample mean and std within a few standard errors)", () => {
    const ds = blobs({
      n: 4000,
      centers: [
        [-3, 0],
        [3, 2],
      ],
      std: 0.5,
      seed: 3,
    });
    for (const c of [0, 1]) {
      const xs: number[] = [];
      for (let i = 0; i < ds.y.length; i++) if (ds.y[i] === c) xs.push(ds.x.get(i, 0));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
      expect(Math.abs(mean - [-3, 3][c])).toBeLessThan(0.05); // standard error 0.5/√2000 ≈ 0.011
      expect(Math.abs(sd - 0.5)).toBeLessThan(0.04);
    }
    expect(blobs({ n: 10, std: 2, seed: 0 }).x.data).toEqual(blobs({ n: 10, noise: 2, seed: 0 }).x.data);
  });

  test("errors", () => {
    expect(() => spirals({ n: 2, classes: 3, seed: 0 })).toThrow("spirals: n must be an integer >= 3, got 2");
    expect(() => circles({ n: 10, factor: 1, seed: 0 })).toThrow("'factor' has to be between 0 and 1");
  });
});
