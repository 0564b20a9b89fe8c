import type { Module } from "../nn/module";
import { argmaxRows } from "../tensor";
import { transformImages, type PixelOp } from "../data/image-sets";
import type { ConfusionCell } from "../rows/types";
import type { Labelled } from "./evaluate";

/** A trained model with the labelled set it is judged on (what `trainModels` returns has both). */
export interface ModelOnData {
  model: Module;
  val?: Labelled;
}

function dataOf(net: ModelOnData, where: string): Labelled {
  if (!net.val) throw new Error(`${where}: a model has no validation set (build its config with data.valSize)`);
  return net.val;
}

/**
 * The row-normalized confusion matrix of models on their validation sets, pooled over the models (eval mode):
 * cell (t, p) is the share of the images of class t that the models predict as p. With `op`, every image is
 * transformed first (model k's images with seed k), e.g. `data.mirror()`: what a net predicts for mirrored digits.
 * Like sklearn's `confusion_matrix(y, pred, normalize="true")` over the pooled predictions. Draw it with
 * `plot.confusionMatrix`.
 */
export function confusion(nets: readonly ModelOnData[], op?: PixelOp): ConfusionCell[] {
  if (!nets.length) throw new Error("confusion: give at least one model");
  let counts: number[][] = [];
  nets.forEach((net, k) => {
    const val = dataOf(net, "confusion");
    const data = op ? transformImages(val, op, k) : val;
    const wasTraining = net.model.training;
    const out = net.model.eval().forward(data.x);
    if (wasTraining) net.model.train();
    if (!counts.length) counts = Array.from({ length: out.cols }, () => new Array<number>(out.cols).fill(0));
    argmaxRows(out).forEach((p, i) => counts[data.y[i]][p]++);
  });
  return counts.flatMap((row, truth) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n ? row.map((c, predicted) => ({ truth, predicted, share: c / n })) : [];
  });
}

/** Per true class of a confusion matrix: the share kept (predicted as itself) and the most common other answer. */
export interface ConfusionSummary {
  truth: number;
  kept: number;
  /** The most frequent wrong prediction and its share. */
  other: number;
  otherShare: number;
}

/** One line per true class of `confusion`'s cells, in class order. */
export function confusionSummary(cells: readonly ConfusionCell[]): ConfusionSummary[] {
  const classes = [...new Set(cells.map((c) => c.truth))].sort((a, b) => a - b);
  return classes.map((truth) => {
    const row = cells.filter((c) => c.truth === truth);
    const wrong = row.filter((c) => c.predicted !== truth).sort((a, b) => b.share - a.share)[0];
    const kept = row.find((c) => c.predicted === truth)?.share ?? 0;
    return { truth, kept, other: wrong?.predicted ?? truth, otherShare: wrong?.share ?? 0 };
  });
}
