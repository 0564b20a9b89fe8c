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
