import { ExerciseFailed } from "../exercise";
import type { RunConfig } from "../experiment/config";
import { sweepLadder, type LadderStep } from "../experiment/ladder";
import type { MetricRow } from "../plot/types";
import { compareLadder } from "../stats/ladder";

/** A setting the student must beat: its config, its rows from the notebook's sweep, and the seeds they ran with. */
export interface RungToBeat {
  rung: LadderStep;
  rows: readonly MetricRow[];
  seeds: number[];
  /** Worker threads for training the student's config (default: the sweep's "auto"). */
  workers?: number;
}

/**
 * Trains `mine` with the target's seeds and throws `ExerciseFailed` unless its final validation `metric` (accuracy,
 * or a loss: lower is better) beats the target's **paired by seed** (verdict "helped" from `stats.compareLadder`).
 * Returns the verdict sentence.
 */
export async function checkBeatsRung(mine: RunConfig, target: RungToBeat, metric = "accuracy"): Promise<string> {
  const yours = await sweepLadder([{ name: "yours", config: mine }], {
    seeds: target.seeds,
    live: false,
    workers: target.workers,
  });
  if (yours.failures.length) {
    throw new ExerciseFailed(`✗ your config failed to train: ${yours.failures.map((f) => f.message).join("; ")}`);
  }
  const refRows = target.rows.filter((r) => (r.knobValue ?? r.run) === target.rung.name);
  const cmp = compareLadder([...refRows, ...yours.rows], [target.rung.name, "yours"], { metric });
  const sentence = cmp.sentences()[0];
  if (cmp.get("yours").step!.verdict !== "helped") {
    throw new ExerciseFailed(`✗ not better than "${target.rung.name}" beyond noise: ${sentence}`);
  }
  return sentence;
}
