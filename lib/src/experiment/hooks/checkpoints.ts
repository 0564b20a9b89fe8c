import { saveCheckpoint, encodeModel, namedGenerators } from "../checkpoint";
import type { FitLoader, FitScheduler } from "../parts";
import type { FitHook } from "./hook";
import type { DivergenceState } from "../divergence";

/** Where and how often `checkpoints` saves; `config` is stored alongside (the run's plain-JSON config). */
export interface CheckpointOptions {
  path: string;
  every: number;
  config?: unknown;
}

/**
 * Saves a checkpoint (model, its layers' generators, optimizer, scheduler, loader position, the divergence rule's
 * state, the History so far and `config`) every `every` steps,
 * atomically, so that `fit({ resume: loadCheckpoint(path) })` continues the run bit for bit.
 */
export function checkpoints(
  o: CheckpointOptions,
  train: FitLoader,
  scheduler?: FitScheduler,
  divergence?: () => DivergenceState | undefined,
): FitHook {
  return {
    onStep: (s) => {
      if (s.step % o.every !== 0) return;
      saveCheckpoint(o.path, {
        step: s.step,
        epoch: s.epoch,
        model: encodeModel(s.model),
        generators: Object.fromEntries(namedGenerators(s.model).map(([n, rng]) => [n, rng.getState()])),
        optimizerType: s.optimizer.constructor.name,
        optimizer: s.optimizer.stateDict(),
        scheduler: scheduler?.stateDict(),
        loader: train.getState(),
        history: [...s.history.rows],
        config: o.config,
        divergence: divergence?.(),
      });
    },
  };
}
