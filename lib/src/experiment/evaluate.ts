import type { Module, Loss } from "../nn/module";
import { Tensor, argmaxRows } from "../tensor";

/** A labelled set of examples: inputs n × d and integer class labels. */
export interface Labelled {
  x: Tensor;
  y: Int32Array;
}

/** The result of `evaluate`: mean loss, accuracy and the accuracy of each class. */
export interface EvalResult {
  loss: number;
  accuracy: number;
  perClassAccuracy: number[];
}

/**
 * Mean loss and accuracy of a model on a whole dataset, in evaluation mode (Dropout off, BatchNorm on running
 * statistics), in chunks of `batchSize` rows. The model's previous mode is restored afterwards.
 * Same as a `torch.no_grad()` loop over a DataLoader with `model.eval()`.
 * `perClassAccuracy[k]` is the accuracy on the rows labelled k (recall of class k; NaN if no row has label k),
 * one entry per output column.
 */
export function evaluate(model: Module, data: Labelled, loss: Loss<Int32Array>, batchSize = 1000): EvalResult {
  const wasTraining = model.training;
  model.eval();
  let total = 0;
  let correct = 0;
  let seen: number[] = [];
  let hits: number[] = [];
  try {
    for (let start = 0; start < data.x.rows; start += batchSize) {
      const end = Math.min(start + batchSize, data.x.rows);
      const out = model.forward(data.x.sliceRows(start, end));
      const y = data.y.subarray(start, end);
      total += loss.forward(out, y) * (end - start);
      const pred = argmaxRows(out);
      if (seen.length === 0) [seen, hits] = [new Array(out.cols).fill(0), new Array(out.cols).fill(0)];
      for (let i = 0; i < pred.length; i++) {
        seen[y[i]]++;
        if (pred[i] !== y[i]) continue;
        correct++;
        hits[y[i]]++;
      }
    }
  } finally {
    model.train(wasTraining);
  }
  const n = data.x.rows;
  return { loss: total / n, accuracy: correct / n, perClassAccuracy: seen.map((s, k) => hits[k] / s) };
}

/** Accuracy of logits against labels (the fraction of rows whose argmax is the label). */
export function accuracy(logits: Tensor, y: ArrayLike<number>): number {
  const pred = argmaxRows(logits);
  let correct = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) correct++;
  return pred.length ? correct / pred.length : NaN;
}
