import type { Tensor } from "../tensor";

/**
 * What `fit` needs from its parts, as small structural types: any optimizer, scheduler or data loader with these
 * methods works (the library's own ones do).
 */
export interface Batch {
  x: Tensor;
  y: Int32Array;
  /** Where the batch sits (0-based), for error messages. */
  batchIndex?: number;
  epoch?: number;
}

export interface FitOptimizer {
  paramGroups: { lr: number }[];
  zeroGrad(): void;
  step(): void;
  stateDict(): unknown;
  loadStateDict(state: any): void;
}

export interface FitScheduler {
  /** ReduceLROnPlateau steps with a metric after each evaluation; the others step without one. */
  readonly isPlateau?: boolean;
  step(metric?: number): void;
  stateDict(): unknown;
  loadStateDict(state: any): void;
}

export interface FitLoader {
  readonly batchesPerEpoch: number;
  /** Named in the error about a batch with NaN or ±Infinity inputs. */
  readonly dataset?: { name: string };
  readonly augment?: unknown;
  /** The remaining batches of the current epoch (all of them at the start of an epoch). */
  epochBatches(): Iterable<Batch>;
  /** True when the current epoch's batches are exhausted (then the next `epochBatches()` starts a new epoch). */
  atEpochEnd(): boolean;
  getState(): unknown;
  setState(state: any): void;
}
