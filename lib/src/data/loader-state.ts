import type { AugmentConfig } from "./augment";
import type { SamplerState } from "./sampler";

/**
 * A loader's position and configuration as plain JSON. `batchIndex` batches of epoch `epoch` have been yielded;
 * `batchIndex === batchesPerEpoch` means that epoch is complete and the next batch starts epoch `epoch + 1`.
 */
export interface DataLoaderState {
  epoch: number;
  batchIndex: number;
  sampler: SamplerState;
  batchSize: number;
  dropLast: boolean;
  augment: AugmentConfig | null;
}

/** Throws a clear error unless `saved` fits a loader whose own state is `mine` (same configuration, valid position). */
export function checkLoaderState(saved: DataLoaderState, mine: DataLoaderState, batchesPerEpoch: number): void {
  const where = "DataLoader.setState";
  for (const key of ["batchSize", "dropLast"] as const) {
    if (saved?.[key] !== mine[key])
      throw new Error(`${where}: saved ${key} ${saved?.[key]}, this loader has ${mine[key]}`);
  }
  for (const key of ["kind", "seed", "n"] as const) {
    if (saved.sampler?.[key] !== mine.sampler[key]) {
      throw new Error(`${where}: saved sampler ${key} ${saved.sampler?.[key]}, this loader has ${mine.sampler[key]}`);
    }
  }
  const a = JSON.stringify(saved.augment ?? null);
  const b = JSON.stringify(mine.augment);
  if (a !== b) throw new Error(`${where}: saved augment ${a}, this loader has ${b}`);
  const { epoch, batchIndex } = saved;
  if (
    !Number.isInteger(epoch) ||
    epoch < 0 ||
    !Number.isInteger(batchIndex) ||
    batchIndex < 0 ||
    batchIndex > batchesPerEpoch
  ) {
    throw new Error(
      `${where}: position epoch ${epoch}, batch ${batchIndex} is out of range (batch 0..${batchesPerEpoch})`,
    );
  }
}
