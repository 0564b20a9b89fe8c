import type { Checkpoint } from "./checkpoint";
import type { RunConfig } from "./config";
import { configDiffLines } from "./config-diff";
import type { FitOptimizer } from "./parts";

/**
 * Resuming an optimizer's state into another kind of optimizer (Adam's moments, lr and betas into SGD) is an error,
 * as in torch, where `SGD.load_state_dict(adam.state_dict())` fails on the missing momentum buffers.
 */
export function checkOptimizerType(c: Checkpoint, optimizer: FitOptimizer): void {
  const mine = optimizer.constructor.name;
  if (c.optimizer === undefined || c.optimizerType === undefined || c.optimizerType === mine) return;
  throw new Error(
    `resume: the checkpoint holds the state of the optimizer ${c.optimizerType}, this run uses ${mine}. Resume with ` +
      `${c.optimizerType}, or keep only the weights: experiment.resetCheckpoint(c, { optimizer: true })`,
  );
}

/** The data fields that define which examples a run trains on (what "the same dataset" means for a resume). */
const DATASET_FIELDS = ["dataset", "trainSize", "valSize", "digits", "noise", "seed", "labelNoise"];

/**
 * Before `run` resumes a checkpoint: the run config stored in it must agree with this run's config on what the
 * restored state depends on — the model's architecture (the weights), the optimizer's type (its state, if kept) and
 * the dataset (the loader's position, if kept). Other keys (epochs, the lr schedule, metrics…) may change. The error
 * lists each difference as `configDiff` sees it. A checkpoint without a config (saved by `fit`) is not checked.
 */
export function checkResumeConfig(c: Checkpoint, config: RunConfig): void {
  const saved = c.config as RunConfig | undefined;
  if (!saved || typeof saved !== "object") return;
  const pick = (cfg: RunConfig) => ({
    model: { ...cfg.model, init: undefined },
    ...(c.optimizer !== undefined ? { optim: { name: cfg.optim?.name } } : {}),
    ...(c.loader !== undefined
      ? { data: Object.fromEntries(DATASET_FIELDS.map((k) => [k, cfg.data?.[k as "seed"]])) }
      : {}),
  });
  const diff = configDiffLines(pick(saved), pick(config));
  if (!diff.length) return;
  const what = [
    diff.some((d) => d.startsWith("model.")) ? "architecture" : "",
    diff.some((d) => d.startsWith("optim.")) ? "optimizer" : "",
    diff.some((d) => d.startsWith("data.")) ? "dataset" : "",
  ].filter(Boolean);
  throw new Error(
    `resume: this checkpoint was saved from a different ${what.join(" and ")} (checkpoint → this run):\n  ` +
      `${diff.join("\n  ")}\nResume with the config the checkpoint stores (c.config), or keep only what still ` +
      `fits with experiment.resetCheckpoint(c, { optimizer: true, loader: true }).`,
  );
}
