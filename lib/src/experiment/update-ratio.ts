import type { Module, Parameter } from "../nn/module";
import type { MetricRow } from "../rows/types";
import type { History } from "./history";
import type { RunConfig } from "./config";
import { run, type RunOptions } from "./run";

/**
 * CS231n's babysitting number: the size of one update relative to the weights it changes, ‖ΔW‖ / ‖W‖ over all
 * weight matrices of the model (biases left out), in Frobenius norm. For plain SGD ΔW = −η∇ℓ, so the ratio grows
 * in proportion to η: "somewhere around 1e-3; much lower and the learning rate is probably too low, much higher
 * and it is probably too high" (CS231n, Neural Networks Part 3). Returns the ratio of the step just taken.
 *
 * @example
 *   const ratio = updateRatio();
 *   await fit({ ..., onStep: ({ model }) => console.log(ratio(model)) });   // NaN at the first call (no previous W)
 */
export function updateRatio(): (model: Module) => number {
  let previous: Float64Array[] | undefined;
  return (model) => {
    const weights = model.parameters().filter(isMatrix);
    let update = 0;
    let size = 0;
    weights.forEach((p, k) => {
      const w = p.value.data;
      const before = previous?.[k];
      for (let i = 0; i < w.length; i++) {
        size += w[i] * w[i];
        if (before) update += (w[i] - before[i]) ** 2;
      }
    });
    const ratio = previous ? Math.sqrt(update / size) : NaN;
    previous = weights.map((p) => Float64Array.from(p.value.data));
    return ratio;
  };
}

const isMatrix = (p: Parameter) => p.value.rows > 1 && p.value.cols > 1;

/**
 * Runs a config like `run` and records `updateRatio` after every optimizer step from the second on (the first call
 * only stores the weights) as metric "update/weight", split "train", in the returned History.
 *
 * @example
 *   const h = await runWithUpdateRatio({ ...base, optim: { name: "sgd", lr: 0.1 } }, { seed: 0, run: "η = 0.1" });
 *   show(curves(h.rows, { metric: "update/weight", logY: true }));
 */
export async function runWithUpdateRatio(config: RunConfig, options: RunOptions = {}): Promise<History> {
  const ratio = updateRatio();
  const rows: MetricRow[] = [];
  const userOnStep = options.fitOptions?.onStep;
  const onStep = (info: { step: number; epoch: number; loss: number; model: Module }) => {
    userOnStep?.(info);
    const value = ratio(info.model);
    if (!Number.isNaN(value)) rows.push(ratioRow(info, value, config, options));
  };
  const history = await run(config, {
    ...options,
    live: options.live ?? false,
    fitOptions: { ...options.fitOptions, onStep },
  });
  for (const r of rows) history.push(r);
  return history;
}

function ratioRow(
  info: { step: number; epoch: number },
  value: number,
  config: RunConfig,
  options: RunOptions,
): MetricRow {
  const row: MetricRow = {
    run: options.run ?? config.name ?? "run",
    seed: options.seed ?? 0,
    step: info.step,
    epoch: info.epoch,
    split: "train",
    metric: "update/weight",
    value,
  };
  if (options.knob !== undefined) row.knob = options.knob;
  if (options.knobValue !== undefined) row.knobValue = options.knobValue;
  return row;
}
