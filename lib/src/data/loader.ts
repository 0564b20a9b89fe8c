import { Tensor } from "../tensor/tensor";
import type { Augmentation } from "./augment";
import { type AugmentSpec, fromConfig } from "./augment-config";
import { sampleRng } from "./augment-grid";
import type { Dataset } from "./dataset";
import { Sampler, type SamplerKind } from "./sampler";
import { checkLoaderState, type DataLoaderState } from "./loader-state";

export type { DataLoaderState } from "./loader-state";

/** Options of `new DataLoader(dataset, opts)`; torch's names in camelCase. */
export interface DataLoaderOptions {
  batchSize?: number;
  /** Visiting order (see `SamplerKind`); default "reshuffle" (torch's `shuffle=True`). */
  sampler?: SamplerKind;
  /** Seeds the order and the augmentations; default 0. Never depends on the model. */
  seed?: number;
  dropLast?: boolean;
  /** Applied to each gathered image on the fly (the dataset is never changed): an augmentation or its JSON. */
  augment?: Augmentation | AugmentSpec | AugmentSpec[];
}

/**
 * One minibatch. Its buffers are reused: it is valid until the loader yields the next batch, so copy what you
 * keep (`b.x.clone()`), and collect with `Array.from(loader, (b) => …)` rather than `[...loader]`.
 */
export interface DataBatch {
  x: Tensor;
  y: Int32Array;
  /** Which dataset rows these are. */
  indices: Int32Array;
  epoch: number;
  /** Position of this batch within its epoch (0-based). */
  batchIndex: number;
}

/**
 * Yields minibatches of a dataset in the sampler's order. `for (const b of loader)` runs the rest of the current
 * epoch (the next `for` runs the next epoch); `loader.next()` is an endless stream across epochs. The order and
 * the augmentations are functions of (seed, epoch, sample) only, so every config in a sweep sees the same batches
 * for a seed, and `getState()`/`setState()` resume mid-epoch exactly.
 * Same as `torch.utils.data.DataLoader(ds, batch_size, shuffle, drop_last)` without workers; unlike torch the
 * order is reproducible from the loader's own seed, not from the global generator.
 *
 * @example
 *   const loader = new DataLoader(train, { batchSize: 64, seed: 0 });
 *   for (const { x, y } of loader) { ... }            // one epoch: loader.batchesPerEpoch batches
 *   const saved = loader.getState();                  // plain JSON, for a checkpoint
 */
export class DataLoader implements Iterable<DataBatch> {
  readonly dataset: Dataset;
  readonly batchSize: number;
  readonly dropLast: boolean;
  readonly seed: number;
  readonly sampler: Sampler;
  readonly augment?: Augmentation;
  private epochNow = 0;
  private batchNow = 0;
  private readonly buf: { x: Tensor; y: Int32Array; indices: Int32Array };

  constructor(dataset: Dataset, opts: DataLoaderOptions = {}) {
    const n = dataset.y.length;
    this.batchSize = opts.batchSize ?? 128;
    if (!Number.isInteger(this.batchSize) || this.batchSize <= 0) {
      throw new Error(`batch_size should be a positive integer value, but got batch_size=${opts.batchSize}`);
    }
    this.dropLast = opts.dropLast ?? false;
    this.seed = opts.seed ?? 0;
    this.dataset = dataset;
    this.sampler = new Sampler(opts.sampler ?? "reshuffle", { n, seed: this.seed, labels: dataset.y });
    const aug = opts.augment;
    this.augment = aug === undefined ? undefined : typeof aug === "function" ? aug : fromConfig(aug);
    if (this.batchesPerEpoch === 0) {
      throw new Error(
        `DataLoader: "${dataset.name}" has ${n} samples, too few for one batch of ${this.batchSize}` +
          (this.dropLast ? " with dropLast" : ""),
      );
    }
    const b = Math.min(this.batchSize, n);
    this.buf = {
      x: Tensor.zeros(b, dataset.x.cols, dataset.x.dtype),
      y: new Int32Array(b),
      indices: new Int32Array(b),
    };
  }

  /** Batches in one epoch: ⌈n / batchSize⌉, or ⌊n / batchSize⌋ with dropLast. */
  get batchesPerEpoch(): number {
    const n = this.dataset.y.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** The current epoch (0-based): the one being read, or just completed if `atEpochEnd()`. */
  get epoch(): number {
    return this.epochNow;
  }

  /** How many batches of the current epoch have been yielded. */
  get batchIndex(): number {
    return this.batchNow;
  }

  /** True when every batch of the current epoch has been yielded (the next batch starts a new epoch). */
  atEpochEnd(): boolean {
    return this.batchNow === this.batchesPerEpoch;
  }

  /** The next batch, starting the next epoch first if the current one is complete. */
  next(): DataBatch {
    if (this.atEpochEnd()) {
      this.epochNow++;
      this.batchNow = 0;
    }
    const epoch = this.epochNow;
    const batchIndex = this.batchNow++;
    const order = this.sampler.order(epoch);
    const start = batchIndex * this.batchSize;
    const m = Math.min(this.batchSize, order.length - start);
    const { x: src, y: labels } = this.dataset;
    const d = src.cols;
    const x = m === this.buf.x.rows ? this.buf.x : this.buf.x.sliceRows(0, m);
    const y = this.buf.y.subarray(0, m);
    const indices = this.buf.indices.subarray(0, m);
    for (let r = 0; r < m; r++) {
      const i = order[start + r];
      indices[r] = i;
      y[r] = labels[i];
      x.data.set(src.data.subarray(i * d, (i + 1) * d), r * d);
      if (this.augment) this.augment(x.data.subarray(r * d, (r + 1) * d), sampleRng(this.seed, epoch, i));
    }
    return { x, y, indices, epoch, batchIndex };
  }

  /** The remaining batches of the current epoch, or all of the next epoch's if the current one is complete. */
  *epochBatches(): Generator<DataBatch> {
    do yield this.next();
    while (!this.atEpochEnd());
  }

  /** Same as `epochBatches()`: `for (const batch of loader)` is one epoch. */
  [Symbol.iterator](): Iterator<DataBatch> {
    return this.epochBatches();
  }

  /** The position and configuration as plain JSON (for checkpoints). */
  getState(): DataLoaderState {
    return {
      epoch: this.epochNow,
      batchIndex: this.batchNow,
      sampler: this.sampler.getState(),
      batchSize: this.batchSize,
      dropLast: this.dropLast,
      augment: this.augment ? this.augment.config : null,
    };
  }

  /** Moves to a saved position; the saved configuration must match this loader's (else a clear error). */
  setState(state: DataLoaderState): void {
    checkLoaderState(state, this.getState(), this.batchesPerEpoch);
    this.epochNow = state.epoch;
    this.batchNow = state.batchIndex;
  }

  toString(): string {
    const aug = this.augment ? `, augment=${JSON.stringify(this.augment.config)}` : "";
    return (
      `DataLoader(${this.dataset.name}: ${this.dataset.y.length} samples, batchSize=${this.batchSize}, ` +
      `${this.batchesPerEpoch} batches/epoch, sampler=${this.sampler.kind}, seed=${this.seed}, dropLast=${this.dropLast}${aug})`
    );
  }
}
