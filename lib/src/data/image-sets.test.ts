import { describe, expect, it } from "vitest";
import { Rng } from "../rng";
import { Tensor } from "../tensor/tensor";
import { affineImage, flipImage, shiftImage } from "./image-ops";
import { mirror, rotateBy, shiftBy, transformImages } from "./image-sets";

// Three random 28 × 28 "images" with labels.
const rng = new Rng(3);
const x = Tensor.fromRows(Array.from({ length: 3 }, () => Array.from({ length: 784 }, () => rng.uniform())));
const set = { x, y: Int32Array.of(4, 1, 7) };
const same = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => v === b[i]);

describe("transformImages and its pixel ops", () => {
  it("mirrors every image into a copy, labels and input unchanged; twice gives the original", () => {
    const before = x.row(0).slice();
    const m = transformImages(set, mirror(), 0);
    expect(m.y).toEqual(set.y);
    expect(same(x.row(0), before)).toBe(true);
    expect(same(m.x.row(1), flipImage(x.row(1), new Float32Array(784)))).toBe(true);
    expect(same(transformImages(m, mirror(), 0).x.row(2), x.row(2))).toBe(true);
  });
  it("shiftBy(k) moves each image by exactly k pixels in one of four directions, reproducibly by seed", () => {
    const s = transformImages(set, shiftBy(2), 5);
    for (let i = 0; i < 3; i++) {
      const options = [
        [2, 0],
        [-2, 0],
        [0, 2],
        [0, -2],
      ].map(([dx, dy]) => shiftImage(x.row(i), dx, dy, new Float32Array(784)));
      expect(options.some((o) => same(o, s.x.row(i)))).toBe(true);
    }
    expect(same(transformImages(set, shiftBy(2), 5).x.data, s.x.data)).toBe(true);
    expect(same(transformImages(set, shiftBy(0), 5).x.data, x.data)).toBe(true);
    expect(() => shiftBy(-1)).toThrow("shiftBy: k must be a whole number of pixels ≥ 0, got -1");
    expect(() => shiftBy(1.5)).toThrow("shiftBy");
  });
  it("rotateBy(θ) turns each image by +θ or −θ", () => {
    const r = transformImages(set, rotateBy(90), 1);
    for (let i = 0; i < 3; i++) {
      const options = [90, -90].map((d) => affineImage(x.row(i), d, 1, new Float32Array(784)));
      expect(options.some((o) => same(o, r.x.row(i)))).toBe(true);
      expect(same(r.x.row(i), x.row(i))).toBe(false);
    }
    expect(() => rotateBy(NaN)).toThrow("rotateBy: degrees must be a finite number, got NaN");
  });
});
