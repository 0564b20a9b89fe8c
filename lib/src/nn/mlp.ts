import type { DType } from "../tensor";
import { type Rng, toRng } from "../rng";
import { Sequential } from "./sequential";
import { Linear } from "./linear";
import { BatchNorm1d } from "./batch-norm";
import { Dropout } from "./dropout";
import { makeActivation } from "./activations";
import type { ActivationName } from "./activation-functions";
import { checkMlpConfig } from "./mlp-config-check";
import { initLinearLayers, type InitScheme } from "./init-scheme";

/**
 * A multilayer perceptron as plain JSON, so notebooks and sweeps can build models from configs.
 * `sizes` = [inputs, hidden…, outputs]; every hidden layer is Linear → [BatchNorm1d] → activation → [Dropout].
 */
export interface MlpConfig {
  sizes: number[];
  /** Default "relu". */
  activation?: ActivationName;
  /** Default "torch" (torch's default Linear init). */
  init?: InitScheme;
  /** BatchNorm1d after each hidden Linear, before the activation (the lecture's σ(c·â + b)). Default false. */
  batchNorm?: boolean;
  /** Dropout probability after each hidden activation; 0 or absent = none. */
  dropout?: number;
  /** Biases in the Linear layers (default true). */
  bias?: boolean;
  /**
   * Sets every hidden Linear layer's bias to this constant after the init (the output layer keeps its own), e.g.
   * −1 to start most ReLUs on their flat side — the dead-ReLU experiment. Default: the init scheme's biases.
   */
  biasInit?: number;
  dtype?: DType;
}

/**
 * Builds a Sequential MLP from a config and a seed (or Rng): the same config and seed give the same weights.
 * The output layer has no activation (losses take logits). Dropout layers get generators forked from `rng`.
 *
 * @example
 *   const model = mlp({ sizes: [784, 256, 10], activation: "relu", init: "kaiming", dropout: 0.5 }, 0);
 *   model.toString(); // Sequential( (0): Linear(in=784, out=256) (1): ReLU (2): Dropout(p=0.5) (3): Linear(…) )
 */
export function mlp(config: MlpConfig, rngOrSeed: Rng | number): Sequential {
  checkMlpConfig(config);
  const {
    sizes,
    activation = "relu",
    init = "torch",
    batchNorm = false,
    dropout = 0,
    bias = true,
    dtype,
    biasInit,
  } = config;
  const rng = toRng(rngOrSeed);
  const model = new Sequential();
  for (let l = 0; l + 1 < sizes.length; l++) {
    model.add(new Linear(sizes[l], sizes[l + 1], { bias, rng, dtype }));
    if (l + 2 === sizes.length) break; // the output layer: logits
    if (batchNorm) model.add(new BatchNorm1d(sizes[l + 1], { dtype }));
    model.add(makeActivation(activation));
    if (dropout !== 0) model.add(new Dropout(dropout, { rng: rng.fork() }));
  }
  if (init !== "torch") initLinearLayers(model, init, rng);
  if (biasInit !== undefined) setHiddenBiases(model, biasInit, bias);
  return model;
}

/** Fills the bias of every Linear layer but the last (the output layer) with `value`. */
function setHiddenBiases(model: Sequential, value: number, bias: boolean): void {
  if (!bias || !Number.isFinite(value)) {
    throw new Error(`mlp: biasInit must be a finite number with bias: true, got ${value} (bias: ${bias})`);
  }
  const linears = model.layers.filter((l): l is Linear => l instanceof Linear);
  for (const l of linears.slice(0, -1)) l.bias!.value.data.fill(value);
}
