/** Learning-rate schedulers: one file per scheduler (options, closed form, class) and the registry of their names. */
export * from "./lr-scheduler";
export * from "./step-lr";
export * from "./multi-step-lr";
export * from "./exponential-lr";
export * from "./cosine-annealing-lr";
export * from "./lambda-lr";
export * from "./linear-lr";
export * from "./inverse-time-lr";
export { oneCycleTotalSteps, oneCycleAt, oneCycleValues, OneCycleLR, type OneCycleLROptions } from "./one-cycle-lr";
export * from "./reduce-lr-on-plateau";
export { scheduleValues, makeScheduler, type ScheduleKinds, type ScheduleName } from "./registry";
