import { Rng } from "../rng";
import { makeDataset, type Dataset } from "./dataset";

/**
 * A copy of `ds` in which `round(fraction · n)` examples, chosen at random, get a wrong label drawn uniformly from
 * the other classes — the "noisy labels" regime where a network that memorizes its training set pays for it, and
 * where dropout and weight decay show what they are for (notebooks 10 and 11). `x` is shared, `y` is new.
 * `noisyRows` lists the relabelled rows. Same seed, same rows and labels.
 * @example withLabelNoise(train, 0.4, 7).noisyRows.length   // 0.4 · train.x.rows
 */
export function withLabelNoise(ds: Dataset, fraction: number, seed: number): Dataset & { noisyRows: Int32Array } {
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`withLabelNoise: fraction must be in [0, 1], got ${fraction}`);
  if (ds.numClasses < 2) throw new Error(`withLabelNoise: "${ds.name}" has ${ds.numClasses} class; need at least 2`);
  const rng = new Rng(seed);
  const n = ds.y.length;
  const noisyRows = rng
    .permutation(n)
    .slice(0, Math.round(fraction * n))
    .sort();
  const y = Int32Array.from(ds.y);
  for (const i of noisyRows) {
    const other = rng.integers(0, ds.numClasses - 1); // one of the k − 1 wrong classes
    y[i] = other >= ds.y[i] ? other + 1 : other;
  }
  const noisy = makeDataset({ ...ds, y, name: `${ds.name} (${Math.round(100 * fraction)}% noisy labels)` });
  return { ...noisy, noisyRows };
}
