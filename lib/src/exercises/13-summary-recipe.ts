import { ExerciseFailed } from "../exercise";
import type { RunConfig } from "../experiment/config";
import { sweepLadder, type LadderStep } from "../experiment/ladder";
import { configDiffLines } from "../experiment/config-diff";
import type { MetricRow } from "../plot/types";
import { compareLadder } from "../stats/ladder";

/** What the check needs: the rung to beat, its rows from the ladder's sweep, and the seeds they ran with. */
export interface RungToBeat {
  rung: LadderStep;
  rows: readonly MetricRow[];
  seeds: number[];
  /** Worker threads for training the student's config (default: the sweep's "auto"). */
  workers?: number;
}

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
  const yours = await sweepLadder([{ name: "yours", config: mine }], {
    seeds: target.seeds,
    live: false,
    workers: target.workers,
  });
  if (yours.failures.length) {
    throw new ExerciseFailed(`✗ your config failed to train: ${yours.failures.map((f) => f.message).join("; ")}`);
  }
  const refRows = target.rows.filter((r) => (r.knobValue ?? r.run) === target.rung.name);
  const cmp = compareLadder([...refRows, ...yours.rows], [target.rung.name, "yours"], { metric: "accuracy" });
  const step = cmp.get("yours").step!;
  if (step.verdict !== "helped") {
    throw new ExerciseFailed(`✗ not better than "${target.rung.name}" beyond noise: ${cmp.sentences()[0]}`);
  }
  console.log(`✓ batch 128 beats "${target.rung.name}": ${cmp.sentences()[0]}`);
}
