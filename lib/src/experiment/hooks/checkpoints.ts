import { saveCheckpoint, encodeModel } from "../checkpoint";
import type { FitLoader, FitScheduler } from "../parts";
import type { FitHook } from "./hook";

/** Where and how often `checkpoints` saves; `config` is stored alongside (the run's plain-JSON config). */
export interface CheckpointOptions {
  path: string;
  every: number;
  config?: unknown;
}

/**
 * Saves a checkpoint (model, optimizer, scheduler, loader position and History so far) every `every` steps,
 * atomically, so that `fit({ resume: loadCheckpoint(path) })` continues the run bit for bit.
 */
export function checkpoints(o: CheckpointOptions, train: FitLoader, scheduler?: FitScheduler): FitHook {
  return {
    onStep: (s) => {
      if (s.step % o.every !== 0) return;
      saveCheckpoint(o.path, {
        step: s.step,
        epoch: s.epoch,
        model: encodeModel(s.model),
        optimizer: s.optimizer.stateDict(),
        scheduler: scheduler?.stateDict(),
        loader: train.getState(),
        history: [...s.history.rows],
        config: o.config,
      });
    },
  };
}
