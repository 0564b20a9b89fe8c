import { Tensor } from "../tensor/tensor";
import { gatherRows } from "../tensor/ops";
import { Rng } from "../rng";
import { deriveSeed, STREAM } from "./derive-seed";

/**
 * A labelled classification dataset: `x` is n × d float32 (one example a row), `y` holds the n class labels in
 * 0..numClasses-1. MNIST rows are 784 pixels with `imageShape: [28, 28]`; the synthetic sets are n × 2.
 *
 * Same role as a `torch.utils.data.TensorDataset(x, y)`, but plain data: no `__getitem__`, the DataLoader gathers rows.
 *
 * @example
 *   const ds = makeDataset({ x: Tensor.fromRows([[0, 1], [1, 0]]), y: Int32Array.of(0, 1), numClasses: 2, name: "xor-ish" });
 *   classCounts(ds); // [1, 1]
 */
export interface Dataset {
  x: Tensor;
  y: Int32Array;
  numClasses: number;
  name: string;
  imageShape?: [number, number];
}

/** Checks a dataset's parts (rows of x = labels, labels in range) and returns it; every helper here calls it. */
export function makeDataset(ds: Dataset): Dataset {
  const { x, y, numClasses, name } = ds;
  if (x.rows !== y.length) throw new Error(`Dataset "${name}": x is ${x.shapeString} but y has ${y.length} labels`);
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`Dataset "${name}": numClasses must be a positive integer, got ${numClasses}`);
  }
  for (let i = 0; i < y.length; i++) {
    if (!(y[i] >= 0 && y[i] < numClasses)) {
      throw new Error(`Dataset "${name}": label ${y[i]} at row ${i} is outside 0..${numClasses - 1}`);
    }
  }
  if (ds.imageShape && ds.imageShape[0] * ds.imageShape[1] !== x.cols) {
    throw new Error(`Dataset "${name}": imageShape [${ds.imageShape}] does not match ${x.cols} columns`);
  }
  return ds;
}

/**
 * The rows at `indices` (in that order) as a new dataset with its own copy of the data.
 * Same as `torch.utils.data.Subset`, except the rows are copied (so later edits cannot leak between the two).
 *
 * @example subset(mnist, [0, 1, 2]).x.rows; // 3
 */
export function subset(ds: Dataset, indices: ArrayLike<number>, name = ds.name): Dataset {
  const y = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!Number.isInteger(i) || i < 0 || i >= ds.y.length) {
      throw new Error(`subset: index ${i} out of range for dataset "${ds.name}" of ${ds.y.length} rows`);
    }
    y[r] = ds.y[i];
  }
  return makeDataset({ ...ds, x: gatherRows(ds.x, indices), y, name });
}

/**
 * Keeps only the examples whose label is in `classes`, in stored order. With `relabel: true` the labels become
 * positions in `classes` (digits [3, 8] → labels 0 and 1, numClasses 2); otherwise labels and numClasses are kept.
 *
 * @example filterClasses(mnist, [0, 1, 2, 3, 4]); // the "digits 0–4" task
 */
export function filterClasses(ds: Dataset, classes: number[], opts: { relabel?: boolean } = {}): Dataset {
  if (classes.length === 0) throw new Error(`filterClasses: need at least one class for "${ds.name}"`);
  const lookup = new Int32Array(ds.numClasses).fill(-1);
  classes.forEach((c, k) => {
    if (!Number.isInteger(c) || c < 0 || c >= ds.numClasses) {
      throw new Error(`filterClasses: class ${c} is outside 0..${ds.numClasses - 1} for "${ds.name}"`);
    }
    if (lookup[c] !== -1) throw new Error(`filterClasses: class ${c} is listed twice`);
    lookup[c] = k;
  });
  const keep: number[] = [];
  for (let i = 0; i < ds.y.length; i++) if (lookup[ds.y[i]] !== -1) keep.push(i);
  const out = subset(ds, keep, `${ds.name}[${classes.join(",")}]`);
  if (!opts.relabel) return out;
  for (let i = 0; i < out.y.length; i++) out.y[i] = lookup[out.y[i]];
  return makeDataset({ ...out, numClasses: classes.length });
}

/** `filterClasses` under the name MNIST notebooks read best: `takeDigits(mnist, [3, 8], { relabel: true })`. */
export const takeDigits = filterClasses;

/**
 * Splits a dataset into train and validation parts at random, deterministically for a seed. Give `valSize`
 * (a count) or `valFraction` (0..1). Each part keeps the stored order of its rows.
 * Same idea as `torch.utils.data.random_split(ds, [n - k, k], generator)`.
 *
 * @example const { train, val } = trainValSplit(ds, { valFraction: 0.1, seed: 0 });
 */
export function trainValSplit(
  ds: Dataset,
  opts: { valSize?: number; valFraction?: number; seed: number },
): { train: Dataset; val: Dataset } {
  const n = ds.y.length;
  if ((opts.valSize === undefined) === (opts.valFraction === undefined)) {
    throw new Error("trainValSplit: give exactly one of valSize or valFraction");
  }
  if (opts.valFraction !== undefined && !(opts.valFraction >= 0 && opts.valFraction <= 1)) {
    throw new Error(`trainValSplit: valFraction must be in [0, 1], got ${opts.valFraction}`);
  }
  const k = opts.valSize ?? Math.round(n * (opts.valFraction as number));
  const { trainIdx, valIdx } = splitIndices(n, k, opts.seed);
  return { train: subset(ds, trainIdx, `${ds.name}/train`), val: subset(ds, valIdx, `${ds.name}/val`) };
}

/** @internal trainValSplit's rows: k seeded validation rows of n and the rest, each in stored order. */
export function splitIndices(n: number, k: number, seed: number): { trainIdx: Int32Array; valIdx: Int32Array } {
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`trainValSplit: valSize must be in 0..${n}, got ${k}`);
  const perm = new Rng(deriveSeed(seed, STREAM.split)).permutation(n);
  return { trainIdx: perm.slice(k).sort(), valIdx: perm.slice(0, k).sort() };
}

/** How many examples of each class: `classCounts(mnistTrain)[0] === 5923`. */
export function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(ds.numClasses).fill(0);
  for (let i = 0; i < ds.y.length; i++) counts[ds.y[i]]++;
  return counts;
}
