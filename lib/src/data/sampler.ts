import { Rng } from "../rng";
import { deriveSeed, STREAM } from "./derive-seed";

/**
 * The order in which SGD visits the data (the lecture's pitfall: "all the cats first" ruins SGD):
 * - `"sequential"`: stored order every epoch (`torch.utils.data.SequentialSampler`);
 * - `"sorted"`: sorted by label, stable (class 0 first, then class 1, …), every epoch;
 * - `"replacement"`: n i.i.d. uniform draws per epoch, so some samples repeat and ~1/e are missed
 *   (`RandomSampler(replacement=True)`);
 * - `"shuffle-once"`: one random permutation, reused every epoch;
 * - `"reshuffle"`: a new random permutation every epoch (`RandomSampler`, `DataLoader(shuffle=True)`); the default.
 */
export type SamplerKind = "sequential" | "sorted" | "replacement" | "shuffle-once" | "reshuffle";

/** All sampler kinds, in the order the notebooks compare them. */
export const samplerKinds: readonly SamplerKind[] = [
  "sequential",
  "sorted",
  "replacement",
  "shuffle-once",
  "reshuffle",
];

/** Everything a sampler is: plain JSON, so a checkpoint can store it and a worker can rebuild it. */
export interface SamplerState {
  kind: SamplerKind;
  seed: number;
  n: number;
}

/**
 * A sampler: the visiting order of epoch e is a pure function of (kind, seed, e) (and the labels for "sorted"),
 * so there is no hidden stream to save. A checkpoint stores `{ epoch, position }` and `order(epoch)` recomputes
 * the rest. Unlike torch, where a sampler's order depends on how far its generator has advanced, resuming needs
 * no replay.
 *
 * @example
 *   const s = new Sampler("reshuffle", { n: 5, seed: 0 });
 *   s.order(0); // a permutation of 0..4
 *   s.order(1); // another one; s.order(0) again gives the first one back
 */
export class Sampler {
  readonly kind: SamplerKind;
  readonly seed: number;
  readonly n: number;
  private labels?: ArrayLike<number>;
  private cache?: { epoch: number; order: Int32Array };

  constructor(kind: SamplerKind, opts: { n: number; seed: number; labels?: ArrayLike<number> }) {
    if (!samplerKinds.includes(kind)) {
      throw new Error(`Sampler: unknown kind "${kind}"; expected one of ${samplerKinds.join(", ")}`);
    }
    if (!Number.isInteger(opts.n) || opts.n < 0)
      throw new Error(`Sampler: n must be a non-negative integer, got ${opts.n}`);
    if (!Number.isFinite(opts.seed)) throw new Error(`Sampler: seed must be a finite number, got ${opts.seed}`);
    if (kind === "sorted" && (!opts.labels || opts.labels.length !== opts.n)) {
      throw new Error(`Sampler "sorted": needs the ${opts.n} labels to sort by`);
    }
    this.kind = kind;
    this.seed = opts.seed;
    this.n = opts.n;
    this.labels = opts.labels;
  }

  /** The n sample indices of epoch `epoch` (0-based), in visiting order. Do not modify the returned array. */
  order(epoch: number): Int32Array {
    if (!Number.isInteger(epoch) || epoch < 0)
      throw new Error(`Sampler: epoch must be a non-negative integer, got ${epoch}`);
    // "sequential", "sorted" and "shuffle-once" are the same every epoch: cache under epoch -1.
    const key = this.kind === "replacement" || this.kind === "reshuffle" ? epoch : -1;
    if (this.cache?.epoch !== key) this.cache = { epoch: key, order: this.compute(epoch) };
    return this.cache.order;
  }

  private compute(epoch: number): Int32Array {
    const n = this.n;
    switch (this.kind) {
      case "sequential":
        return Int32Array.from({ length: n }, (_, i) => i);
      case "sorted": {
        const labels = this.labels as ArrayLike<number>;
        // Array.prototype.sort is stable (ES2019), so equal labels keep their stored order.
        return Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((i, j) => labels[i] - labels[j]));
      }
      case "replacement":
        return new Rng(deriveSeed(this.seed, STREAM.order, epoch)).choice(n, n, true);
      case "shuffle-once":
        return new Rng(deriveSeed(this.seed, STREAM.order)).permutation(n);
      case "reshuffle":
        return new Rng(deriveSeed(this.seed, STREAM.order, epoch)).permutation(n);
    }
  }

  /** `{ kind, seed, n }`: with the labels, enough to rebuild an identical sampler. */
  getState(): SamplerState {
    return { kind: this.kind, seed: this.seed, n: this.n };
  }

  toString(): string {
    return `Sampler(${this.kind}, n=${this.n}, seed=${this.seed})`;
  }
}
