import { DataLoader } from "../data/loader";
import { deriveSeed } from "../data/derive-seed";
import type { MetricRow } from "../rows/types";
import { buildData, buildOptimizer, buildRun } from "./build";
import type { DataConfig, RunConfig } from "./config";
import { fit } from "./fit";
import { History } from "./history";

/** Options of `runTaskSwitch`. */
export interface TaskSwitchOptions {
  /** What changes in the data config for the second task, e.g. `{ digits: [5, 6, 7, 8, 9] }`. */
  second: Partial<DataConfig>;
  /** Epochs on the second task (default: the config's epochs). */
  secondEpochs?: number;
  /** Start the second task with a fresh optimizer (state such as AdaGrad's sum s reset to 0). Default false. */
  resetOptimizer?: boolean;
  seed?: number;
  /** Labels for the History rows. */
  run?: string;
  knob?: string;
  knobValue?: MetricRow["knobValue"];
}

/**
 * Trains one model on a first task (the config's data), then keeps training the same weights — and, unless
 * `resetOptimizer`, the same optimizer with its accumulated state — on a second task. The lecture's complaint that
 * AdaGrad "reduces the learning rate too aggressively" shows here: its per-weight sum s of squared gradients
 * still holds the first task's gradients when the second task needs large steps again; RMSprop and Adam forget.
 *
 * Rows of the first task keep their splits ("train", "val"); the second task's rows get the splits "train (task 2)"
 * and "val (task 2)" and continue the step count. The second task's data comes from the same data seed, so a run
 * with and without `resetOptimizer` sees the same batches: the pair differs only by the optimizer state.
 *
 * @example
 *   const h = await runTaskSwitch({ ...base, optim: { name: "adagrad", lr: 0.03 } },
 *     { second: { digits: [5, 6, 7, 8, 9] }, seed: 0 });
 *   h.last("accuracy", "val (task 2)");
 */
export async function runTaskSwitch(config: RunConfig, options: TaskSwitchOptions): Promise<History> {
  const seed = options.seed ?? 0;
  const parts = buildRun(config, seed);
  const label = { run: options.run ?? config.name ?? "run", seed, knob: options.knob, knobValue: options.knobValue };
  const common = { model: parts.model, loss: parts.loss, evalEvery: config.evalEvery, live: false, ...label };
  const first = await fit({
    ...common,
    optimizer: parts.optimizer,
    train: parts.train,
    val: parts.val,
    epochs: config.epochs,
  });
  const steps = Math.max(0, ...first.rows.map((r) => r.step));
  const data = { ...config.data, ...options.second };
  const dataSeed = deriveSeed(data.seed ?? deriveSeed(seed, 101), 2); // the second task's own, fixed stream
  const { trainSet, val } = buildData(data, dataSeed);
  const train = new DataLoader(trainSet, {
    batchSize: data.batchSize,
    sampler: data.sampler ?? "reshuffle",
    dropLast: data.dropLast ?? false,
    seed: dataSeed,
  });
  const optimizer = options.resetOptimizer ? buildOptimizer(parts.model.parameters(), config.optim) : parts.optimizer;
  const second = await fit({ ...common, optimizer, train, val, epochs: options.secondEpochs ?? config.epochs });
  const shifted = second.rows.map((r) => ({ ...r, step: r.step + steps, split: `${r.split} (task 2)` }));
  return new History([...first.rows, ...shifted]);
}
