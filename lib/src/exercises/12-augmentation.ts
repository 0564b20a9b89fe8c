import { ExerciseFailed } from "../exercise";
import type { RunConfig } from "../experiment/config";
import { mergeConfig } from "../experiment/ladder";
import type { AugmentSpec } from "../data/augment-config";
import { augmentFromConfig } from "../data";
import { checkBeatsRung, type RungToBeat } from "./beats-rung";

/**
 * Exercise 1 of notebook 12: design an augmentation of your own and measure it. `spec` is a list of transforms as
 * `data.augment` takes them; it must be new (not one of the notebook's settings `tried`), must not mirror digits
 * (hflip/vflip change the label), and must beat "no augmentation" on the notebook's base config, paired by seed
 * (verdict "helped" on the final validation loss: the overfitting augmentation fights shows there first). The check
 * trains the base config with only `data.augment` replaced.
 */
export async function checkDesignedAugmentation(
  spec: AugmentSpec[],
  none: RungToBeat,
  tried: readonly AugmentSpec[][],
): Promise<void> {
  if (!Array.isArray(spec) || spec.length === 0) throw new ExerciseFailed("✗ give a non-empty list of transforms");
  try {
    augmentFromConfig(spec);
  } catch (e) {
    throw new ExerciseFailed(`✗ the list is not a valid data.augment: ${(e as Error).message}`);
  }
  if (tried.some((t) => JSON.stringify(t) === JSON.stringify(spec))) {
    throw new ExerciseFailed("✗ that is one of the settings the notebook already measured: design your own");
  }
  if (spec.some((t) => /flip/i.test(t.name))) throw new ExerciseFailed("✗ a mirrored digit is another shape: no flips");
  const mine: RunConfig = mergeConfig(none.rung.config, { data: { augment: spec } });
  const sentence = await checkBeatsRung(mine, none, "loss");
  console.log(`✓ your augmentation ${JSON.stringify(spec)}: ${sentence}`);
}
