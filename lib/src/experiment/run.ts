import { fit, type FitOptions } from "./fit";
import { buildRun, type RunParts } from "./build";
import type { History } from "./history";
import type { RunConfig } from "./config";
import { deadUnitFraction, type Module, type Sequential } from "../nn";
import { weightNorm } from "../nn/weight-norm";

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
  for (const m of config.metrics ?? []) {
    if (m !== "perClassAccuracy" && m !== "deadUnits" && m !== "weightNorm")
      throw new Error(`Unknown metric "${String(m)}" in config.metrics: use perClassAccuracy, deadUnits or weightNorm`);
  }
  const parts = buildRun(config, seed);
  const probe = parts.val?.x; // the dead-unit count's fixed probe batch: the whole validation set
  const metrics: Record<string, (m: Module) => number> = {};
  if (config.metrics?.includes("deadUnits") && probe)
    metrics["dead fraction"] = (m) => deadUnitFraction(m as Sequential, probe);
  if (config.metrics?.includes("weightNorm")) metrics["weight norm"] = weightNorm;
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
    logEvery: config.logEvery,
    perClassAccuracy: config.metrics?.includes("perClassAccuracy"),
    metrics: Object.keys(metrics).length ? metrics : undefined,
    clip: config.clip,
    run: options.run ?? config.name ?? "run",
    seed,
    knob: options.knob,
    knobValue: options.knobValue,
    live: options.live,
    checkpoint: options.checkpoint,
    resume: options.resume,
    ...options.fitOptions,
  });
  return { history, parts };
}
