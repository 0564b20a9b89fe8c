import { mlp, CrossEntropyLoss, type Module } from "../nn";
import * as optim from "../optim";
import * as data from "../data";
import type { Dataset } from "../data";
import type { Parameter } from "../nn/module";
import { didYouMean } from "../config/suggest";
import { deriveSeed } from "../data/derive-seed";
import { type DataConfig, type OptimConfig, type RunConfig, type ScheduleConfig } from "./config";
import type { FitLoader, FitOptimizer, FitScheduler } from "./parts";

/**
 * Builds the parts of a run from its plain-JSON config and a seed. The seed is split into independent streams:
 * "data" (subset, split, batch order, augmentation), "model" (initial weights) and "dropout" — so runs that differ
 * only in a knob see exactly the same batches for the same seed, and the same initial weights when the model
 * config is the same.
 */
/** Tags for the run's independent random streams (see data/derive-seed.ts). */
export const RUN_STREAMS = { data: 101, model: 102, val: 103, labels: 104 } as const;

export interface RunParts {
  model: Module;
  loss: CrossEntropyLoss;
  optimizer: FitOptimizer;
  scheduler?: FitScheduler;
  train: FitLoader;
  trainSet: Dataset;
  val?: Dataset;
}

export function buildRun(config: RunConfig, seed: number): RunParts {
  const dataSeed = config.data.seed ?? deriveSeed(seed, RUN_STREAMS.data);
  const clean = buildData(config.data, dataSeed);
  const val = clean.val;
  const noise = config.data.labelNoise;
  const trainSet = noise
    ? data.withLabelNoise(clean.trainSet, noise, deriveSeed(dataSeed, RUN_STREAMS.labels))
    : clean.trainSet;
  const model = mlp(config.model, deriveSeed(seed, RUN_STREAMS.model));
  const opt = buildOptimizer(model.parameters(), config.optim);
  const stepsPerEpoch = batchesPerEpoch(trainSet.x.rows, config.data);
  const scheduler = config.schedule
    ? buildScheduler(opt, config.schedule, stepsPerEpoch * (config.epochs ?? 1))
    : undefined;
  const train = new data.DataLoader(trainSet, {
    batchSize: config.data.batchSize,
    sampler: config.data.sampler ?? "reshuffle",
    dropLast: config.data.dropLast ?? false,
    seed: dataSeed,
    augment: config.data.augment ? data.augmentFromConfig(config.data.augment) : undefined,
  });
  return { model, loss: new CrossEntropyLoss(), optimizer: opt, scheduler, train, trainSet, val };
}

function batchesPerEpoch(n: number, d: DataConfig): number {
  return d.dropLast ? Math.floor(n / d.batchSize) : Math.ceil(n / d.batchSize);
}

/** The training and validation sets named by a data config. */
export function buildData(d: DataConfig, seed: number): { trainSet: Dataset; val?: Dataset } {
  if (d.dataset === "mnist") {
    const s = data.mnistTrainValTest({
      trainSize: d.trainSize,
      valSize: d.valSize,
      digits: d.digits,
      relabel: d.digits !== undefined,
      testSize: 0, // a run never uses the test split; converting its 10,000 images cost ~70 ms per run
      seed,
    });
    return { trainSet: s.train, val: s.val };
  }
  const make = (n: number, s: number) => {
    const opts = { n, noise: d.noise, seed: s };
    switch (d.dataset) {
      case "spirals":
        return data.spirals(opts);
      case "moons":
        return data.moons(opts);
      case "circles":
        return data.circles(opts);
      case "blobs":
        return data.blobs(opts);
      default:
        throw new Error(`Unknown dataset "${String(d.dataset)}": use mnist, spirals, moons, circles or blobs`);
    }
  };
  return {
    trainSet: make(d.trainSize ?? 1000, seed),
    val: d.valSize ? make(d.valSize, deriveSeed(seed, RUN_STREAMS.val)) : undefined,
  };
}

/** An optimizer from `{ name, lr, …options }` (options in camelCase, as the classes take them). */
export function buildOptimizer(params: Parameter[], c: OptimConfig): FitOptimizer {
  const { name, ...options } = c;
  const classes: Record<string, new (p: Parameter[], o: any) => FitOptimizer> = {
    sgd: optim.SGD,
    "heavy-ball": optim.HeavyBall,
    adagrad: optim.Adagrad,
    rmsprop: optim.RMSprop,
    adam: optim.Adam,
    adamw: optim.AdamW,
  };
  const Cls = classes[name];
  if (!Cls)
    throw new TypeError(
      `Unknown optimizer "${name}": use one of ${Object.keys(classes).join(", ")}.${didYouMean(String(name), Object.keys(classes))}`,
    );
  return new Cls(params, options);
}

/** A learning-rate schedule from `{ name, …options }` (names: optim's scheduler registry); `totalSteps` fills
 * CosineAnnealingLR's tMax and OneCycleLR's length. */
export function buildScheduler(opt: FitOptimizer, c: ScheduleConfig, totalSteps: number): FitScheduler {
  const { name, interval: _interval, ...options } = c;
  return optim.makeScheduler(name, opt as never, options as never, totalSteps) as FitScheduler;
}
