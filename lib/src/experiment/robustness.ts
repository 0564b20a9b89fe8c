import { transformImages, type PixelOp } from "../data/image-sets";
import { CrossEntropyLoss } from "../nn/cross-entropy-loss";
import type { KnobValue, MetricRow } from "../rows/types";
import { evaluate } from "./evaluate";
import type { ModelOnData } from "./confusion";

/**
 * How a transform of the validation images changes accuracy: for every model (one per seed) and every level
 * (a shift in pixels, an angle), the accuracy on its validation set with `op(level)` applied to every image, as
 * History rows (`split: "val"`, `metric: "accuracy"`, `knob`, `knobValue: level`, run `name`). The images of a
 * seed are transformed with the same draws in every call, so two groups of models (with and without augmentation)
 * are compared on identical images: `stats.compareAtEach(robustness(plain, …), robustness(augmented, …), …)`.
 * `images` keeps the first n validation images (default: all).
 * @example robustness(plain, [0, 1, 2, 3], data.shiftBy, { name: "no augmentation", knob: "shift (px)" })
 */
export function robustness<L extends KnobValue>(
  nets: readonly (ModelOnData & { seed: number })[],
  levels: readonly L[],
  op: (level: L) => PixelOp,
  o: { name: string; knob: string; images?: number },
): MetricRow[] {
  if (!nets.length || !levels.length) throw new Error("robustness: give at least one model and one level");
  const loss = new CrossEntropyLoss();
  return nets.flatMap(({ model, val, seed }) => {
    if (!val) throw new Error("robustness: a model has no validation set (build its config with data.valSize)");
    const n = Math.min(o.images ?? val.x.rows, val.x.rows);
    const images = { x: val.x.sliceRows(0, n), y: val.y.subarray(0, n) };
    return levels.map((level) => ({
      run: `${o.name}, ${o.knob} ${String(level)}`,
      seed,
      step: 0,
      epoch: 0,
      split: "val",
      metric: "accuracy",
      value: evaluate(model, transformImages(images, op(level), 1000 + seed), loss).accuracy,
      knob: o.knob,
      knobValue: level,
    }));
  });
}
