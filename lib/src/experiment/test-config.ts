import { Linear } from "../nn/linear";
import { Tensor } from "../tensor/tensor";
import type { OptimConfig, RunConfig } from "./config";

/** Tests only: a run of a few milliseconds — 100 two-moons points, a 2-8-2 tanh MLP, 2 epochs of 4 batches. */
export function tinyMoonsConfig(optim: OptimConfig, valSize = 50): RunConfig {
  return {
    data: { dataset: "moons", trainSize: 100, valSize, batchSize: 25, noise: 0.15 },
    model: { sizes: [2, 8, 2], activation: "tanh", init: "xavier" },
    optim,
    epochs: 2,
  };
}

/**
 * Tests only: a linear "net" on 2 × 2 images that predicts class 0 when the left column holds more ink and class 1
 * when the right one does — so a mirrored image gets the other class.
 */
export function columnNet(): Linear {
  const net = new Linear(4, 2, { seed: 0 });
  net.weight.value = Tensor.fromRows([
    [1, 0, 1, 0],
    [0, 1, 0, 1],
  ]);
  net.bias!.value = Tensor.zeros(1, 2);
  return net;
}
