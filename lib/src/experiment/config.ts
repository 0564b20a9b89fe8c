/**
 * An experiment as plain JSON: what data, which model, which optimizer and schedule, how long. A notebook prints
 * the config it ran, a sweep changes one dotted key of it ("optim.momentum"), and a worker thread rebuilds the
 * whole run from it — so a config must never hold functions or class instances.
 *
 * @example
 *   const base: RunConfig = {
 *     data: { dataset: "mnist", trainSize: 10000, valSize: 2000, batchSize: 128 },
 *     model: { sizes: [784, 128, 10], activation: "relu", init: "kaiming" },
 *     optim: { name: "sgd", lr: 0.05, momentum: 0.9 },
 *     epochs: 2,
 *   };
 */
import type { MlpConfig } from "../nn";
import type { ScheduleName } from "../optim/schedulers/registry";

export type DatasetName = "mnist" | "spirals" | "moons" | "circles" | "blobs";
export type SamplerName = "sequential" | "sorted" | "replacement" | "shuffle-once" | "reshuffle";

export interface DataConfig {
  dataset: DatasetName;
  /** Training-set size (MNIST: a random subset of the 60,000; synthetic: the number of points). */
  trainSize?: number;
  /** Held-out validation size (MNIST: taken from the training file; synthetic: fresh points). */
  valSize?: number;
  /** MNIST only: keep these digits (e.g. [0, 1, 2, 3, 4]) and relabel them 0..k-1. */
  digits?: number[];
  batchSize: number;
  sampler?: SamplerName;
  dropLast?: boolean;
  /** Augmentations by name with their options, e.g. [{ name: "translate", maxShift: 2 }]. */
  augment?: ({ name: string } & Record<string, unknown>)[];
  /** Noise level for synthetic sets. */
  noise?: number;
  /** Fix the data (subset, split, order) to this seed instead of the run's seed. */
  seed?: number;
  /** MNIST/synthetic: give this fraction of the *training* labels a random wrong class (see `withLabelNoise`). */
  labelNoise?: number;
}

export interface OptimConfig {
  name: "sgd" | "heavy-ball" | "adagrad" | "rmsprop" | "adam" | "adamw";
  lr: number;
  [option: string]: unknown;
}

export interface ScheduleConfig {
  /** A scheduler of the registry (lib/src/optim/schedulers/registry.ts), e.g. "cosine", "onecycle", "plateau". */
  name: ScheduleName;
  /** When the schedule steps: after every optimizer step or after every epoch (plateau: after each evaluation). */
  interval?: "step" | "epoch";
  [option: string]: unknown;
}

export interface RunConfig {
  name?: string;
  data: DataConfig;
  model: MlpConfig;
  optim: OptimConfig;
  schedule?: ScheduleConfig;
  clip?: { maxNorm?: number; normType?: number; value?: number };
  /** Number of passes over the training set (default 1). */
  epochs?: number;
  /** Stop after this many optimizer steps, even mid-epoch. */
  maxSteps?: number;
  /** Evaluate on the validation set every N steps (default: at the end of every epoch). */
  evalEvery?: number;
  /** Also evaluate the initial weights: validation rows (and extra metrics) at step 0. Default false. */
  evalAtStart?: boolean;
  /**
   * Stop at the first evaluation whose validation metric reaches a target, e.g. `{ metric: "loss", value: 0.5 }`
   * (mode "min", the default: reached when ≤ value). The run's last step is then its steps-to-target.
   */
  stopAtTarget?: { metric: string; value: number; mode?: "min" | "max" };
  /** Record the training loss every N steps (default 1). */
  logEvery?: number;
  /**
   * Extra validation metrics by name, recorded at every evaluation: "perClassAccuracy" → "accuracy/class k" rows;
   * "deadUnits" → "dead fraction" rows, the fraction of hidden units whose input is ≤ 0 on every validation example;
   * "deadUnitsPerLayer" → "train-set dead/layer k" and "revived/layer k" rows per hidden layer, on the whole training
   * set (see `deadUnitTracker`: which dead units come back);
   * "weightNorm" → "weight norm" rows, ‖W‖ of all parameters (what weight decay shrinks);
   * "trainModeAccuracy" → "train-mode accuracy" rows, the validation accuracy predicted in train mode, in batches of
   * the training batch size (BatchNorm then normalizes with each batch's statistics; compare with "accuracy").
   * "trainSetAccuracy" → "train-set accuracy" rows: the whole training set (its labels as trained on) in eval mode.
   */
  metrics?: RunMetricName[];
}

/** The extra metrics a plain-JSON config can ask for (see `RunConfig.metrics`). */
export type RunMetricName =
  "perClassAccuracy" | "deadUnits" | "deadUnitsPerLayer" | "weightNorm" | "trainModeAccuracy" | "trainSetAccuracy";

/** Reads a dotted key: `getPath(cfg, "optim.lr")`. */
export function getPath(obj: unknown, path: string): unknown {
  return path.split(".").reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);
}

/** A deep copy of `obj` with the dotted key set to `value`, creating objects on the way. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj) as any;
  const keys = path.split(".");
  let o = copy;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === undefined) o[k] = {};
    if (typeof o[k] !== "object" || o[k] === null) throw new Error(`setPath: "${k}" in "${path}" is not an object`);
    o = o[k];
  }
  o[keys[keys.length - 1]] = value;
  return copy;
}

/** One line per config, e.g. "optim.momentum=0.9". */
export function describeKnob(knob: string, value: unknown): string {
  return `${knob}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
}
