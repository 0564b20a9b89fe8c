/** The hooks `fit` is made of, and the types for writing your own (see hook.ts). */
export type { FitHook, FitState, StepResult } from "./hook";
export { evaluation, type EvaluationOptions } from "./evaluation";
export { scheduling } from "./scheduling";
export { logging } from "./logging";
export { earlyStopping, type EarlyStopOptions } from "./early-stopping";
export { checkpoints, type CheckpointOptions } from "./checkpoints";
export { targetStopping, type TargetStopOptions } from "./target-stopping";
