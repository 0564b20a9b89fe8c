import type { Checkpoint } from "./checkpoint";

/** What `resetCheckpoint` forgets. Everything not listed is kept (weights always are). */
export interface CheckpointReset {
  /**
   * The optimizer's per-parameter state — momentum buffers, Adam's moments m and v, step counts — while its
   * settings (each group's current lr, betas, …) are kept: "fresh Adam moments".
   */
  optimizerState?: boolean;
  /** The whole optimizer: it starts again as configured (η₀, empty state). */
  optimizer?: boolean;
  /** The learning-rate schedule's position: it starts again from step 0. */
  scheduler?: boolean;
  /** The data loader's position and RNG: batches start a new epoch order. */
  loader?: boolean;
  /** The History rows so far (the resumed run's History then starts at the checkpoint's step). */
  history?: boolean;
}

const KEYS = ["optimizerState", "optimizer", "scheduler", "loader", "history"];

/**
 * A copy of a checkpoint with selected state forgotten, to resume a run "warm" in only some respects — the
 * lecture's care with the learning rate when warm-starting: e.g. keep the weights and Adam's settings but restart
 * its moments, or keep only the weights. Pass the result as `resume` to `run`/`fit`.
 * @example
 *   const c = experiment.loadCheckpoint("end.ckpt.json");
 *   await run(config, { seed, resume: experiment.resetCheckpoint(c, { optimizerState: true }) });
 *   await run(config, { seed, resume: experiment.resetCheckpoint(c, { optimizer: true, scheduler: true }) }); // weights only
 */
export function resetCheckpoint(c: Checkpoint, reset: CheckpointReset): Checkpoint {
  const unknown = Object.keys(reset).filter((k) => !KEYS.includes(k));
  if (unknown.length) {
    throw new Error(`resetCheckpoint: unknown key(s) ${unknown.join(", ")}; the keys are: ${KEYS.join(", ")}`);
  }
  const out: Checkpoint = { ...c };
  if (reset.optimizer) delete out.optimizer;
  else if (reset.optimizerState && c.optimizer) {
    out.optimizer = { ...(c.optimizer as Record<string, unknown>), state: {} };
  }
  if (reset.scheduler) delete out.scheduler;
  if (reset.loader) delete out.loader;
  if (reset.history) delete out.history;
  return out;
}
