import type { RunConfig } from "./config";
import type { History } from "./history";
import type { RunParts } from "./build";
import { runWithParts } from "./run";

/** One trained model of `trainModels`, with everything built for it. */
export interface TrainedModel extends RunParts {
  seed: number;
  history: History;
}

/**
 * Trains one model per seed from a config, in this process, and returns the trained models (a sweep returns only
 * rows, since its runs live in worker threads) — for looking inside them afterwards: per-class accuracy, robustness
 * to shifted images, weight histograms. Each seed gets exactly the run a sweep with that seed would do.
 * @example
 *   const plain = await experiment.trainModels(base, [0, 1, 2]);
 *   plain.map(({ model, val, loss }) => experiment.evaluate(model, val!, loss).accuracy)
 */
export async function trainModels(
  config: RunConfig,
  seeds: number | number[],
  options: { live?: boolean } = {},
): Promise<TrainedModel[]> {
  const list = typeof seeds === "number" ? [...Array(seeds).keys()] : seeds;
  if (!list.length) throw new Error("trainModels: give at least one seed");
  const out: TrainedModel[] = [];
  for (const seed of list) {
    const { history, parts } = await runWithParts(config, { seed, live: options.live ?? false });
    out.push({ ...parts, seed, history });
  }
  return out;
}
