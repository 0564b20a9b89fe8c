/**
 * Experiments: the training loop (fit), runs and sweeps from plain-JSON configs, History rows, summaries,
 * checkpoints and optimizer trajectories on 2-D surfaces.
 */
export * from "./config";
export * from "./history";
export * from "./evaluate";
export * from "./errors";
export * from "./parts";
export * from "./fit";
export * from "./build";
export * from "./run";
export * from "./sweep";
export * from "./summary";
export * from "./checkpoint";
export * from "./surface";
export * from "./finetune";
export * from "./lr-range-test";
export { accuracyInMode, consecutiveBatches, singleClassBatches } from "./accuracy-in-mode";
