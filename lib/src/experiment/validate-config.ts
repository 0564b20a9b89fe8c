/**
 * The runtime schema of a `RunConfig`, one per section (data, model, optim, schedule, clip, top level), checked by
 * `run` and by `sweep` (for every value of the knob, before any run starts). A typo is an error that names the key
 * and the nearest valid one; a bad number names its field and why; required sections and options are required.
 * Each schema is written `satisfies Record<keyof …Config, Field>`, so it lists exactly the keys of the TypeScript
 * type: the types and the runtime checks cannot drift apart.
 *
 * The optimizer and schedule sections are checked by building them on a one-weight model with the same code `run`
 * uses, so their messages are the classes' own (torch's where torch has one).
 */
import { Tensor } from "../tensor";
import { Parameter } from "../nn/module";
import { checkMlpConfig } from "../nn/mlp-config-check";
import {
  checkObject,
  nonNegative,
  nonNegativeInteger,
  positiveInteger,
  type Field,
  type Schema,
} from "../config/fields";
import { didYouMean } from "../config/suggest";
import { augmentFromConfig } from "../data";
import { buildOptimizer, buildScheduler } from "./build";
import type { DataConfig, RunConfig, RunMetricName } from "./config";

const DATASETS = ["mnist", "spirals", "moons", "circles", "blobs"] as const;
const SAMPLERS = ["sequential", "sorted", "replacement", "shuffle-once", "reshuffle"] as const;
export const RUN_METRICS: readonly RunMetricName[] = [
  "perClassAccuracy",
  "deadUnits",
  "deadUnitsPerLayer",
  "weightNorm",
  "trainModeAccuracy",
  "trainSetAccuracy",
];

/** More points than a course run needs; 1e9 would run out of memory minutes later. */
const MAX_SIZE = 10_000_000;

const dataSchema = {
  dataset: { kind: "string", oneOf: DATASETS, required: true },
  trainSize: { ...positiveInteger, max: MAX_SIZE },
  valSize: { ...nonNegativeInteger, max: MAX_SIZE },
  digits: { kind: "integers", min: 0, max: 9 },
  batchSize: { ...positiveInteger, required: true },
  sampler: { kind: "string", oneOf: SAMPLERS },
  dropLast: { kind: "boolean" },
  augment: { kind: "array" }, // each augmentation is checked by building it (data.augmentFromConfig)
  noise: nonNegative,
  seed: { kind: "number", integer: true },
  labelNoise: { kind: "number", min: 0, max: 1 },
} satisfies Record<keyof DataConfig, Field>;

const clipSchema = {
  maxNorm: { kind: "number", above: 0 },
  normType: { kind: "number", above: 0 },
  value: { kind: "number", above: 0 },
} satisfies Record<keyof NonNullable<RunConfig["clip"]>, Field>;

const runSchema = {
  name: { kind: "string" },
  data: { kind: "object", required: true },
  model: { kind: "object", required: true },
  optim: { kind: "object", required: true },
  schedule: { kind: "object" },
  clip: { kind: "object" },
  epochs: positiveInteger,
  maxSteps: positiveInteger,
  evalEvery: positiveInteger,
  evalAtStart: { kind: "boolean" },
  stopAtTarget: { kind: "object" },
  logEvery: positiveInteger,
  metrics: { kind: "array" },
} satisfies Record<keyof RunConfig, Field>;

/** A one-weight model, enough to build an optimizer and a schedule and so run their own option checks. */
function probeParameters(): Parameter[] {
  return [new Parameter(Tensor.zeros(1, 1))];
}

/**
 * Throws a TypeError (or the optimizer's/schedule's own Error) naming the first problem of a run config.
 *
 * @example
 *   validateRunConfig({ ...base, optim: { name: "sgd", lr: 0.1, momentun: 0.9 } });
 *   // TypeError: SGD() got an unexpected option "momentun". Did you mean "momentum"? Valid options: lr, momentum, …
 */
export function validateRunConfig(config: RunConfig): void {
  checkObject(config, runSchema as Schema, "config");
  checkObject(config.data, dataSchema as Schema, "config.data");
  if (config.data.augment) augmentFromConfig(config.data.augment);
  checkMlpConfig(config.model, "config.model");
  if (config.clip) checkObject(config.clip, clipSchema as Schema, "config.clip");
  const names = RUN_METRICS.join(", ").replace(/, (?=\w+$)/, " or ");
  for (const m of config.metrics ?? []) {
    if (!RUN_METRICS.includes(m))
      throw new TypeError(
        `Unknown metric "${String(m)}" in config.metrics: use ${names}.${didYouMean(String(m), RUN_METRICS)}`,
      );
  }
  const optimizer = buildOptimizer(probeParameters(), config.optim);
  if (config.schedule) {
    const { interval } = config.schedule;
    if (interval !== undefined && interval !== "step" && interval !== "epoch")
      throw new TypeError(`config.schedule.interval = ${JSON.stringify(interval)} must be "step" or "epoch"`);
    buildScheduler(optimizer, config.schedule, 1);
  }
}
