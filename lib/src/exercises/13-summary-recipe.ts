import { ExerciseFailed } from "../exercise";
import type { RunConfig } from "../experiment/config";
import { configDiffLines } from "../experiment/config-diff";
import { checkBeatsRung, type RungToBeat } from "./beats-rung";

export type { RungToBeat };

/**
 * Exercise 1 of notebook 13: a batch-128 config that beats the batch-16 momentum rung. Allowed: any `optim` and
 * `schedule`; required: the rung's data with `batchSize` 128, the same model and the same number of epochs. The
 * check trains the config with the rung's seeds and passes when the paired verdict (`stats.compareLadder`, the
 * rung as baseline) is "helped" on final validation accuracy.
 */
export async function checkBeatsRungAtBatch128(mine: RunConfig, target: RungToBeat): Promise<void> {
  const ref = target.rung.config;
  const dataChanges = configDiffLines(ref.data, mine?.data);
  const wanted = [`batchSize: ${JSON.stringify(ref.data.batchSize)} → 128`];
  if (mine?.data?.batchSize !== 128) throw new ExerciseFailed("✗ your config must use data.batchSize = 128");
  if (JSON.stringify(dataChanges) !== JSON.stringify(wanted)) {
    throw new ExerciseFailed(`✗ only the batch size may change in data; you also changed: ${dataChanges.join("; ")}`);
  }
  const fixed = configDiffLines({ model: ref.model, epochs: ref.epochs }, { model: mine.model, epochs: mine.epochs });
  if (fixed.length)
    throw new ExerciseFailed(`✗ keep the model and the number of epochs; you changed: ${fixed.join("; ")}`);
  const sentence = await checkBeatsRung(mine, target);
  console.log(`✓ batch 128 beats "${target.rung.name}": ${sentence}`);
}
