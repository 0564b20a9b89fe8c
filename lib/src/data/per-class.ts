import { subset, type Dataset } from "./dataset";

/**
 * The first `n` examples of each class, in stored order — a "few labels" training set (n = 1: one image per
 * class). Take it from a set that is already a random subset (e.g. `mnistTrainValTest`'s train split) and the
 * chosen examples are a random sample per class, fixed by that subset's seed.
 * Throws when a class has fewer than `n` examples.
 *
 * @example firstPerClass(train, 5).y.length; // 5 × numClasses
 */
export function firstPerClass(ds: Dataset, n: number): Dataset {
  if (!Number.isInteger(n) || n < 1) throw new Error(`firstPerClass: n must be a positive integer, got ${n}`);
  const count = new Array<number>(ds.numClasses).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < ds.y.length; i++) if (count[ds.y[i]]++ < n) keep.push(i);
  const short = count.map((c, k) => [k, c]).filter(([, c]) => c < n);
  if (short.length) {
    throw new Error(
      `firstPerClass: "${ds.name}" has fewer than ${n} examples of class(es) ` +
        short.map(([k, c]) => `${k} (${c})`).join(", "),
    );
  }
  return subset(ds, keep, `${ds.name}[${n} per class]`);
}
