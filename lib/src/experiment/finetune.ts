import { Module, type Parameter } from "../nn/module";
import { Linear } from "../nn/linear";
import type { Sequential } from "../nn/sequential";
import type { Rng } from "../rng";

/**
 * Warm start and fine-tuning (the lecture's bonus knob): "take features from a network trained for one task and
 * just change the last layer for the new task". Freeze what you keep, replace the head, train the rest.
 *
 * @example
 *   freeze(model);                                           // every parameter
 *   replaceLastLayer(model, new Linear(256, 5, { seed: 1 }));  // a fresh, trainable head
 *   const opt = new SGD(trainableParameters(model), { lr: 0.1 });
 */
export function freeze(target: Module | Parameter[], frozen = true): void {
  const params = target instanceof Module ? target.parameters() : target;
  for (const p of params) p.requiresGrad = !frozen;
}

/** Makes parameters trainable again. */
export function unfreeze(target: Module | Parameter[]): void {
  freeze(target, false);
}

/** The parameters an optimizer should update (requiresGrad = true). */
export function trainableParameters(model: Module): Parameter[] {
  return model.parameters().filter((p) => p.requiresGrad);
}

/**
 * Replaces the last Linear layer of a Sequential with `layer`, or with a fresh Linear with `outFeatures` outputs
 * (torch's default init from `rng`). Returns the layer that was removed.
 */
export function replaceLastLayer(model: Sequential, layer: Module | { outFeatures: number; rng: Rng }): Module {
  let i = model.layers.length - 1;
  while (i >= 0 && !(model.layers[i] instanceof Linear)) i--;
  if (i < 0) throw new Error("replaceLastLayer: the model has no Linear layer");
  const old = model.layers[i] as Linear;
  const fresh =
    layer instanceof Module
      ? layer
      : new Linear(old.weight.value.cols, layer.outFeatures, { rng: layer.rng, dtype: old.weight.value.dtype });
  model.replace(i, fresh);
  return old;
}
