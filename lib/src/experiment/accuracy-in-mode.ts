import type { Module } from "../nn/module";
import { argmaxRows, gatherRows } from "../tensor";
import type { Labelled } from "./evaluate";

/**
 * Accuracy of `model` on `data` predicted batch by batch (each batch a list of row indices) in "train" or "eval"
 * mode. In train mode a BatchNorm layer normalizes each batch with that batch's own statistics — so the prediction
 * for one image depends on the others in its batch — and overwrites its running statistics; `moved` reports the
 * largest change of a running mean, and every buffer is restored afterwards, as is the mode.
 * Eval mode is what torch's `model.eval()` gives; train mode at test time is the bug this measures.
 *
 * @example
 *   accuracyInMode(net, val, consecutiveBatches(val.x.rows, 100), "train")   // { accuracy: 0.93, moved: 0.4 }
 */
export function accuracyInMode(
  model: Module,
  data: Labelled,
  batches: readonly (readonly number[])[],
  mode: "train" | "eval",
): { accuracy: number; moved: number } {
  const wasTraining = model.training;
  const named = model.namedBuffers();
  const buffers = named.map(([, b]) => b);
  const means = named.flatMap(([n], k) => (n.endsWith("runningMean") ? [k] : []));
  const saved = buffers.map((b) => b.data.slice());
  let correct = 0;
  let seen = 0;
  try {
    model.train(mode === "train");
    for (const batch of batches) {
      const pred = argmaxRows(model.forward(gatherRows(data.x, batch)));
      batch.forEach((row, i) => (correct += pred[i] === data.y[row] ? 1 : 0));
      seen += batch.length;
    }
    let moved = 0;
    for (const k of means) buffers[k].data.forEach((v, i) => (moved = Math.max(moved, Math.abs(v - saved[k][i]))));
    return { accuracy: correct / seen, moved };
  } finally {
    buffers.forEach((b, k) => b.data.set(saved[k]));
    model.train(wasTraining);
  }
}

/** Row indices 0 … n−1 cut into consecutive batches of `size` (the last one shorter unless `dropLast`). */
export function consecutiveBatches(n: number, size: number, dropLast = false): number[][] {
  const out: number[][] = [];
  for (let s = 0; s < n; s += size) {
    if (dropLast && s + size > n) break;
    out.push(Array.from({ length: Math.min(size, n - s) }, (_, i) => s + i));
  }
  return out;
}

/** Row indices grouped by label and cut into batches of at most `size` that each hold a single class. */
export function singleClassBatches(labels: ArrayLike<number>, size: number): number[][] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) byClass.set(labels[i], [...(byClass.get(labels[i]) ?? []), i]);
  return [...byClass.keys()]
    .sort((a, b) => a - b)
    .flatMap((k) => {
      const rows = byClass.get(k)!;
      return consecutiveBatches(rows.length, size).map((b) => b.map((i) => rows[i]));
    });
}
