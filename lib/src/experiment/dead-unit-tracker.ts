import type { Tensor } from "../tensor";
import { deadUnitMasks, type Module, type Sequential } from "../nn";

/**
 * Metrics that follow single dead units through training, per hidden layer k (RunConfig `metrics:
 * ["deadUnitsPerLayer"]`, probe = the whole training set):
 * - "train-set dead/layer k": the fraction of layer k's units whose input a[v] is ≤ 0 on every training example;
 * - "revived/layer k": the fraction of layer k's units that were dead at an earlier evaluation and are alive now.
 *
 * The lecture: a ReLU unit dead "for all data points … never recovers from 0 gradient". With plain SGD that is exact
 * for layer 1: its inputs are the fixed images, so a unit dead on the whole training set gets no gradient and never
 * moves. A deeper unit gets no gradient either, but its inputs o[u] change when the layers below it train, which
 * can lift a[v] above 0 again: "revived" tells the two cases apart. (Momentum or weight decay would also move
 * dead weights.) The masks are computed once per evaluation, when the first of these metrics is read — the
 * evaluation hook reads a run's metrics in the order they were added.
 * @example fit({ ...parts, metrics: deadUnitTracker(trainSet.x, 2) })
 */
export function deadUnitTracker(probe: Tensor, hiddenLayers: number): Record<string, (model: Module) => number> {
  let masks: Uint8Array[] = [];
  let everDead: Uint8Array[] | undefined;
  const metrics: Record<string, (model: Module) => number> = {};
  for (let k = 1; k <= hiddenLayers; k++) {
    metrics[`train-set dead/layer ${k}`] = (model) => {
      if (k === 1) {
        masks = deadUnitMasks(model as Sequential, probe);
        everDead ??= masks.map((m) => new Uint8Array(m.length));
      }
      const m = masks[k - 1];
      m.forEach((dead, j) => (everDead![k - 1][j] ||= dead));
      return m.reduce((s, d) => s + d, 0) / m.length;
    };
  }
  for (let k = 1; k <= hiddenLayers; k++) {
    metrics[`revived/layer ${k}`] = () => {
      const m = masks[k - 1];
      return m.reduce((s, dead, j) => s + (!dead && everDead![k - 1][j] ? 1 : 0), 0) / m.length;
    };
  }
  return metrics;
}
