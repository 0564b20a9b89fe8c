import { Tensor } from "../tensor/tensor";
import { Rng } from "../rng";
import { Dataset, makeDataset } from "./dataset";

/** Options shared by the 2-D toy sets: `n` points in total (split as evenly as possible over the classes). */
export interface ToyOptions {
  n?: number;
  /** Standard deviation of the Gaussian noise added (per set: on the angle for spirals, on x and y otherwise). */
  noise?: number;
  seed: number;
  /** Shuffle the stored order (default true, like sklearn); false stores class 0 first, then class 1, … */
  shuffle?: boolean;
}

/** Per-class sizes: n split evenly, the first `n % k` classes get one more. */
function classSizes(n: number, k: number, where: string): number[] {
  if (!Number.isInteger(n) || n < k) throw new Error(`${where}: n must be an integer >= ${k}, got ${n}`);
  return Array.from({ length: k }, (_, c) => Math.floor(n / k) + (c < n % k ? 1 : 0));
}

/** Builds the dataset from per-point generators, then shuffles rows and labels together. */
function build(
  name: string,
  sizes: number[],
  opts: ToyOptions,
  point: (c: number, i: number, m: number, rng: Rng) => [number, number],
): Dataset {
  const rng = new Rng(opts.seed);
  const n = sizes.reduce((a, b) => a + b, 0);
  const xy = new Float32Array(2 * n);
  const y = new Int32Array(n);
  let r = 0;
  sizes.forEach((m, c) => {
    for (let i = 0; i < m; i++, r++) {
      const [px, py] = point(c, i, m, rng);
      xy[2 * r] = px;
      xy[2 * r + 1] = py;
      y[r] = c;
    }
  });
  const order = opts.shuffle === false ? Int32Array.from({ length: n }, (_, i) => i) : rng.permutation(n);
  const x = new Tensor(n, 2, new Float32Array(2 * n));
  const ys = new Int32Array(n);
  order.forEach((src, dst) => {
    x.data[2 * dst] = xy[2 * src];
    x.data[2 * dst + 1] = xy[2 * src + 1];
    ys[dst] = y[src];
  });
  return makeDataset({ x, y: ys, numClasses: sizes.length, name });
}

/** i/(m-1), or 0 for a single point: numpy's linspace(0, 1, m). */
const lin = (i: number, m: number) => (m > 1 ? i / (m - 1) : 0);

/**
 * Interleaved spiral arms, one per class (the CS231n "spiral" set, not linearly separable): class c's point i has
 * radius r = i/(m-1) and angle t = 4c + 4r + noise·N(0, 1), at (r·sin t, r·cos t).
 *
 * @example const ds = spirals({ n: 300, classes: 3, noise: 0.2, seed: 0 }); // 300 × 2, 100 per class
 */
export function spirals(opts: ToyOptions & { classes?: number }): Dataset {
  const k = opts.classes ?? 2;
  const noise = opts.noise ?? 0.2;
  return build(`spirals(${k})`, classSizes(opts.n ?? 300, k, "spirals"), opts, (c, i, m, rng) => {
    const r = lin(i, m);
    const t = 4 * c + 4 * r + rng.normal(0, noise);
    return [r * Math.sin(t), r * Math.cos(t)];
  });
}

/**
 * Two interleaving half circles; same as `sklearn.datasets.make_moons(n, noise=noise)`: class 0 at
 * (cos t, sin t), class 1 at (1 − cos t, 0.5 − sin t), t evenly spaced in [0, π], plus N(0, noise²) on each axis.
 *
 * @example const ds = moons({ n: 200, noise: 0.1, seed: 0 });
 */
export function moons(opts: ToyOptions): Dataset {
  const noise = opts.noise ?? 0.1;
  return build("moons", classSizes(opts.n ?? 200, 2, "moons"), opts, (c, i, m, rng) => {
    const t = Math.PI * lin(i, m);
    const p: [number, number] = c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [p[0] + rng.normal(0, noise), p[1] + rng.normal(0, noise)];
  });
}

/**
 * A small circle inside a big one; same as `sklearn.datasets.make_circles(n, noise=noise, factor=factor)`:
 * class 0 on the unit circle, class 1 on the circle of radius `factor`, angles evenly spaced, plus N(0, noise²).
 *
 * @example const ds = circles({ n: 200, noise: 0.05, factor: 0.5, seed: 0 });
 */
export function circles(opts: ToyOptions & { factor?: number }): Dataset {
  const noise = opts.noise ?? 0.05;
  const factor = opts.factor ?? 0.5;
  if (!(factor >= 0 && factor < 1)) throw new Error(`circles: 'factor' has to be between 0 and 1, got ${factor}`);
  return build("circles", classSizes(opts.n ?? 200, 2, "circles"), opts, (c, i, m, rng) => {
    const t = (2 * Math.PI * i) / m; // sklearn: linspace(0, 2π, m, endpoint=False)
    const rad = c === 0 ? 1 : factor;
    return [rad * Math.cos(t) + rng.normal(0, noise), rad * Math.sin(t) + rng.normal(0, noise)];
  });
}

/**
 * Isotropic Gaussian blobs, one per class; same as `sklearn.datasets.make_blobs(n, centers, cluster_std=std)`:
 * `centers` is a count (drawn uniformly in `box`, default [-10, 10]²) or a list of [x, y] points. `noise` is accepted
 * as another name for `std` (so every toy set reads a run config's `noise`).
 *
 * @example const ds = blobs({ n: 300, centers: [[-2, 0], [2, 0], [0, 3]], std: 1, seed: 0 });
 */
export function blobs(
  opts: ToyOptions & { centers?: number | [number, number][]; std?: number; box?: [number, number] },
): Dataset {
  const rng = new Rng(opts.seed);
  const [lo, hi] = opts.box ?? [-10, 10];
  const spec = opts.centers ?? 3;
  const centers: [number, number][] =
    typeof spec === "number" ? Array.from({ length: spec }, () => [rng.uniform(lo, hi), rng.uniform(lo, hi)]) : spec;
  const std = opts.std ?? opts.noise ?? 1;
  if (!(std >= 0)) throw new Error(`blobs: std must be non-negative, got ${std}`);
  // The centres' draws come from a fork of the seed so the points' stream does not depend on how they were chosen.
  return build(
    `blobs(${centers.length})`,
    classSizes(opts.n ?? 300, centers.length, "blobs"),
    { ...opts, seed: rng.nextUint32() },
    (c, _i, _m, r) => [centers[c][0] + r.normal(0, std), centers[c][1] + r.normal(0, std)],
  );
}
