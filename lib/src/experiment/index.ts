/**
 * Experiments: the training loop (fit), runs and sweeps from plain-JSON configs, History rows, summaries,
 * checkpoints and optimizer trajectories on 2-D surfaces.
 */
export * from "./config";
export * from "./history";
export * from "./evaluate";
export { lastHistory, TrainingDiverged, NonFiniteData, StoppedByUser, type FitEnd } from "./errors";
export {
  DivergenceWatch,
  WARMUP_STEPS,
  EXPLOSION_FACTOR,
  WINDOW,
  type DivergenceState,
  type DivergenceReason,
} from "./divergence";
export * from "./parts";
export * from "./fit";
export * from "./hooks";
export * from "./build";
export * from "./run";
export { sweep, type SweepOptions, type SweepResult } from "./sweep";
export * from "./summary";
export * from "./checkpoint";
export * from "./surface";
export * from "./finetune";
export * from "./lr-range-test";
export * from "./train-models";
export * from "./checkpoint-reset";
export { checkResumeConfig } from "./checkpoint-resume";
export * from "./config-diff";
export * from "./sweep-grid";
export * from "./symmetry";
export * from "./dead-unit-tracker";
export * from "./order-floors";
export * from "./sorted-blocks";
export * from "./moving-average";
export * from "./update-ratio";
export * from "./trajectory-rows";
export * from "./lr-drops";
export * from "./task-switch";
export * from "./surface-grid-search";
export { accuracyInMode, consecutiveBatches, singleClassBatches } from "./accuracy-in-mode";
export * from "./ladder";
export * from "./samples-seen";
export * from "./confusion";
export * from "./robustness";
export * from "./per-class-rows";
export * from "./transfer";
export * from "./rows-diff";
export * from "./gradient-noise";
export * from "./throughput";
