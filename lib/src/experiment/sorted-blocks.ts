import { argmaxRows } from "../tensor";
import type { Sequential } from "../nn";
import type { MetricRow } from "../rows/types";
import { buildRun } from "./build";
import type { RunConfig } from "./config";

/**
 * Balanced accuracy rows from per-class accuracy rows ("accuracy/class k", recorded with
 * `metrics: ["perClassAccuracy"]`): the mean over classes at every evaluation of every run. Unlike plain accuracy it
 * stays at 1/k for a model that predicts one class for every input, however frequent that class is.
 * Like `sklearn.metrics.balanced_accuracy_score`.
 * @example balancedAccuracy(runs.rows) // rows with metric "balanced accuracy"
 */
export function balancedAccuracy(rows: readonly MetricRow[]): MetricRow[] {
  const groups = new Map<string, MetricRow[]>();
  for (const r of rows) {
    if (!r.metric.startsWith("accuracy/class ")) continue;
    const key = `${r.run}\u0000${r.seed}\u0000${r.split}\u0000${r.step}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (!groups.size) throw new Error('balancedAccuracy: no "accuracy/class k" rows (add metrics: ["perClassAccuracy"])');
  return [...groups.values()].map((g) => ({
    ...g[0],
    metric: "balanced accuracy",
    value: g.reduce((s, r) => s + r.value, 0) / g.length,
  }));
}

/** What the net predicts at the end of one label's block of a sorted epoch. */
export interface BlockPredictions {
  /** The label trained on in the block that just ended. */
  block: number;
  /** The step at which the block ended. */
  step: number;
  /** Share of the validation images predicted as each class. */
  shares: number[];
  /** Balanced accuracy on the validation set at that moment. */
  balancedAccuracy: number;
}

/**
 * Trains one epoch of a config in sorted order (the lecture's "all the cats first") and, at the end of each label's
 * block, records what the net predicts on the validation set: the share of images given each class, and the
 * balanced accuracy. A net that forgets predicts the block's own label for almost every image.
 * @example sortedBlockPredictions(base, 0).map((b) => b.shares[b.block]) // share predicted as the current digit
 */
export function sortedBlockPredictions(config: RunConfig, seed: number): BlockPredictions[] {
  const parts = buildRun({ ...config, data: { ...config.data, sampler: "sorted" } }, seed);
  const val = parts.val;
  if (!val) throw new Error("sortedBlockPredictions: the config needs a validation set (data.valSize)");
  const model = parts.model as Sequential,
    k = Math.max(...val.y) + 1;
  const out: BlockPredictions[] = [];
  let step = 0;
  let block = -1;
  // A block ends just before the first step whose batch reaches a new label (a batch may straddle two blocks).
  const record = () => {
    model.eval();
    const pred = argmaxRows(model.forward(val.x));
    model.train();
    const shares = new Array<number>(k).fill(0),
      hits = new Array<number>(k).fill(0);
    const count = new Array<number>(k).fill(0);
    pred.forEach((p, i) => ((shares[p] += 1 / pred.length), count[val.y[i]]++, p === val.y[i] && hits[val.y[i]]++));
    out.push({ block, step, shares, balancedAccuracy: hits.reduce((s, h, c) => s + h / (count[c] || 1), 0) / k });
  };
  for (const { x, y } of parts.train.epochBatches()) {
    if (block >= 0 && y[y.length - 1] !== block) record();
    block = y[y.length - 1];
    parts.optimizer.zeroGrad();
    parts.loss.forward(model.forward(x), y);
    model.backward(parts.loss.backward());
    parts.optimizer.step();
    step++;
  }
  record();
  return out;
}
