import { describe, expect, it } from "vitest";
import { Rng } from "../rng";
import { Tensor } from "../tensor/tensor";
import { fromConfig } from "./augment-config";
import { augmentGrid, sampleRng } from "./augment-grid";
import { makeDataset } from "./dataset";
import { flipImage } from "./image-ops";
import { mirror } from "./image-sets";
import { augmentGallery, classGallery, deliveredSample } from "./gallery";

const rng = new Rng(1);
const ds = makeDataset({
  x: Tensor.fromRows(Array.from({ length: 40 }, () => Array.from({ length: 784 }, () => rng.uniform()))),
  y: Int32Array.from({ length: 40 }, (_, i) => (i * 7) % 3),
  numClasses: 4, // class 3 has no image
  name: "random",
});
const same = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => v === b[i]);
const rotate = [{ name: "rotate", maxDegrees: 20 }];

describe("augmentGallery", () => {
  it("gives per augmentation the original titled by name, then n draws as augmentGrid makes them", () => {
    const g = augmentGallery(
      ds.x.row(0),
      { rotate, shift: fromConfig({ name: "translate", maxShift: 2 }) },
      { n: 3, seed: 4 },
    );
    expect(g.map((i) => i.title)).toEqual([
      "rotate",
      "draw 1",
      "draw 2",
      "draw 3",
      "shift",
      "draw 1",
      "draw 2",
      "draw 3",
    ]);
    expect(same(g[0].pixels, ds.x.row(0))).toBe(true);
    expect(same(g[2].pixels, augmentGrid(ds.x.row(0), fromConfig(rotate), { n: 3, seed: 4 }).row(1))).toBe(true);
  });
});

describe("classGallery", () => {
  it("shows the first image of each present class, then each transformed", () => {
    const g = classGallery(ds, mirror(), "mirrored");
    expect(g.map((i) => i.title)).toEqual(["0", "1", "2", "mirrored 0", "mirrored 1", "mirrored 2"]);
    expect(same(g[1].pixels, ds.x.row(1))).toBe(true); // row 1 is the first 1 (7 mod 3)
    expect(same(g[4].pixels, flipImage(ds.x.row(1), new Float32Array(784)))).toBe(true);
  });
});

describe("deliveredSample", () => {
  it("is the same image whatever the batch size, the sampleRng draw, and new in the next epoch", () => {
    const opts = { seed: 5, augment: rotate };
    const b4 = deliveredSample(ds, { ...opts, batchSize: 4 }, 0, 7);
    const b16 = deliveredSample(ds, { ...opts, batchSize: 16 }, 0, 7);
    expect(same(b4, b16)).toBe(true);
    const byHand = ds.x.row(7).slice();
    fromConfig(rotate)(byHand, sampleRng(5, 0, 7));
    expect(same(b4, byHand)).toBe(true);
    expect(same(deliveredSample(ds, { ...opts, batchSize: 4 }, 1, 7), b4)).toBe(false);
    expect(() => deliveredSample(ds, opts, 0, 40)).toThrow(
      "deliveredSample: index must be a row of the dataset (0..39), got 40",
    );
  });
});
