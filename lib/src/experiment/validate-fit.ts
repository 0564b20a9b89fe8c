/**
 * The runtime schema of `fit`'s options: unknown keys (e.g. `epoch: 3`, which would train 1 epoch) and bad counts
 * (`epochs: -2 | NaN | 1.5`, `maxSteps: 0`, `logEvery: 0`, `evalEvery: -3`, `checkpoint.every: 0`) are errors naming
 * the field. The schema lists exactly the keys of `FitOptions` (`satisfies`), so the two cannot drift. `fit` is
 * often given a spread of a larger object (`fit({ ...parts, epochs: 2 })`, whose `trainSet` it does not use), so a
 * key unlike every option is let through; a key near one (a misspelling) is an error.
 */
import { checkObject, positiveInteger, nonNegative, type Field, type Schema } from "../config/fields";
import type { FitOptions } from "./fit";
import type { EarlyStopOptions } from "./hooks/early-stopping";
import type { CheckpointOptions } from "./hooks/checkpoints";

const fitSchema = {
  model: { kind: "object", required: true },
  loss: { kind: "object", required: true },
  optimizer: { kind: "object", required: true },
  train: { kind: "object", required: true },
  val: { kind: "object" },
  scheduler: { kind: "object" },
  schedulerInterval: { kind: "string", oneOf: ["step", "epoch"] },
  epochs: positiveInteger,
  maxSteps: positiveInteger,
  evalEvery: positiveInteger,
  evalAtStart: { kind: "boolean" },
  logEvery: positiveInteger,
  clip: { kind: "object" },
  metrics: { kind: "object" },
  perClassAccuracy: { kind: "boolean" },
  earlyStop: { kind: "object" },
  stopAtTarget: { kind: "object" },
  onStep: { kind: "function" },
  run: { kind: "string" },
  seed: { kind: "number", integer: true },
  knob: { kind: "string" },
  knobValue: { kind: "any" },
  live: { kind: "boolean" },
  checkpoint: { kind: "object" },
  resume: { kind: "object" },
  hooks: { kind: "array" },
} satisfies Record<keyof FitOptions, Field>;

const earlyStopSchema = {
  metric: { kind: "string", required: true },
  patience: { kind: "number", integer: true, min: 1, required: true },
  mode: { kind: "string", oneOf: ["min", "max"] },
  minDelta: nonNegative,
} satisfies Record<keyof EarlyStopOptions, Field>;

const checkpointSchema = {
  path: { kind: "string", required: true },
  every: { ...positiveInteger, required: true },
  config: { kind: "any" },
} satisfies Record<keyof CheckpointOptions, Field>;

/** Throws a TypeError naming the first unknown key or bad value in `fit`'s options. */
export function validateFitOptions(o: FitOptions): void {
  checkObject(o, fitSchema as Schema, "fit options", true);
  if (o.earlyStop) checkObject(o.earlyStop, earlyStopSchema as Schema, "fit options.earlyStop");
  if (o.checkpoint) checkObject(o.checkpoint, checkpointSchema as Schema, "fit options.checkpoint");
}
