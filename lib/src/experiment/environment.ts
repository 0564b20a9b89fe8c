import type { FitHook } from "./hooks/hook";
import type { Job, JobResult } from "./job";

/** A live view of a sweep: told when a run advances, when one finishes, and when the sweep ends. */
export interface SweepView {
  progress(id: number, step: number): void;
  refresh(): void;
  close(): void;
}

/**
 * What the surroundings add to the library's async loops (fit, sweep, the LR range test). This folder knows
 * nothing of Jupyter: the glue in lib/src/jupyter registers its live views and the interrupt check here when
 * nn-knobs is imported. Plain node (worker threads, scripts that import lib/src/experiment alone) gets no views
 * and a pause that only yields to the event loop.
 */
export interface LoopEnvironment {
  /** Hooks added to every `fit` (the live loss curve when `live` is true). */
  fitHooks(live: boolean): FitHook[];
  /** The live view of a sweep's runs. */
  sweepView(live: boolean, jobs: readonly Job[], results: readonly (JobResult | undefined)[]): SweepView;
  /**
   * Awaited between steps: yields to the event loop so that displays and signals get through, and throws
   * `StoppedByUser` when the user asked to stop; `partial` says where the partial results are (for the message).
   */
  pause(partial?: string): Promise<void>;
}

const plain: LoopEnvironment = {
  fitHooks: () => [],
  sweepView: () => ({ progress: () => {}, refresh: () => {}, close: () => {} }),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
};

let current: LoopEnvironment = plain;

/** @internal Installs the environment (called once by lib/src/jupyter when the library is imported). */
export function setLoopEnvironment(env: LoopEnvironment): void {
  current = env;
}

/** @internal The environment the loops run in. */
export function loopEnvironment(): LoopEnvironment {
  return current;
}
