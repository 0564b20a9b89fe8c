import { fit, type FitOptions } from "./fit";
import { evaluate } from "./evaluate";
import { buildRun, type RunParts } from "./build";
import type { History } from "./history";
import type { RunConfig } from "./config";
import { deadUnitFraction, type Module, type Sequential } from "../nn";
import { weightNorm } from "../nn/weight-norm";
import { validateRunConfig } from "./validate-config";
import { checkResumeConfig } from "./checkpoint-resume";
import { accuracyInMode, consecutiveBatches } from "./accuracy-in-mode";
import { deadUnitTracker } from "./dead-unit-tracker";

export interface RunOptions {
  seed?: number;
  /** The run's label in the History rows (default: config.name or "run"). */
  run?: string;
  knob?: string;
  knobValue?: FitOptions["knobValue"];
  live?: boolean;
  checkpoint?: FitOptions["checkpoint"];
  resume?: FitOptions["resume"];
  /** Extra fit options that are not plain JSON (callbacks, custom metrics). */
  fitOptions?: Partial<FitOptions>;
}

/**
 * Runs one experiment from its plain-JSON config: builds data, model, optimizer and schedule for the seed, then
 * trains with `fit`. The same config and seed give the same History (bit for bit, apart from wall-clock `time`).
 *
 * @example
 *   const h = await run({ data: { dataset: "mnist", trainSize: 5000, valSize: 1000, batchSize: 64 },
 *                         model: { sizes: [784, 100, 10] }, optim: { name: "sgd", lr: 0.1 }, epochs: 2 }, { seed: 0 });
 */
export async function run(config: RunConfig, options: RunOptions = {}): Promise<History> {
  return (await runWithParts(config, options)).history;
}

/**
 * Like `run`, but also returns what was built — the trained model, its optimizer, data and validation set — for a
 * notebook that wants to look inside the model after training (see `trainModels`).
 */
export async function runWithParts(
  config: RunConfig,
  options: RunOptions = {},
): Promise<{ history: History; parts: RunParts }> {
  const seed = options.seed ?? 0;
  validateRunConfig(config);
  if (options.resume) checkResumeConfig(options.resume, config);
  const parts = buildRun(config, seed);
  const probe = parts.val?.x; // the dead-unit count's fixed probe batch: the whole validation set
  const metrics: Record<string, (m: Module) => number> = {};
  if (config.metrics?.includes("deadUnits") && probe)
    metrics["dead fraction"] = (m) => deadUnitFraction(m as Sequential, probe);
  if (config.metrics?.includes("deadUnitsPerLayer"))
    Object.assign(metrics, deadUnitTracker(parts.trainSet.x, config.model.sizes.length - 2));
  if (config.metrics?.includes("weightNorm")) metrics["weight norm"] = weightNorm;
  const val = parts.val;
  if (config.metrics?.includes("trainModeAccuracy") && val) {
    const batches = consecutiveBatches(val.x.rows, config.data.batchSize, true);
    metrics["train-mode accuracy"] = (m) => accuracyInMode(m, val, batches, "train").accuracy;
  }
  // The training set as the model sees it at prediction: eval mode (no dropout masks, BN running statistics),
  // the training labels (noisy ones included) — the honest "train" side of a generalization gap.
  if (config.metrics?.includes("trainSetAccuracy"))
    metrics["train-set accuracy"] = (m) => evaluate(m, parts.trainSet, parts.loss).accuracy;
  const history = await fit({
    model: parts.model,
    loss: parts.loss,
    optimizer: parts.optimizer,
    scheduler: parts.scheduler,
    schedulerInterval: config.schedule?.interval,
    train: parts.train,
    val: parts.val,
    epochs: config.epochs,
    maxSteps: config.maxSteps,
    evalEvery: config.evalEvery,
    evalAtStart: config.evalAtStart,
    stopAtTarget: config.stopAtTarget,
    logEvery: config.logEvery,
    perClassAccuracy: config.metrics?.includes("perClassAccuracy"),
    metrics: Object.keys(metrics).length ? metrics : undefined,
    clip: config.clip,
    run: options.run ?? config.name ?? "run",
    seed,
    knob: options.knob,
    knobValue: options.knobValue,
    live: options.live,
    checkpoint: options.checkpoint && { config, ...options.checkpoint }, // the config is stored for the resume check
    resume: options.resume,
    ...options.fitOptions,
  });
  return { history, parts };
}
