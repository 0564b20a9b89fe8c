import type { History } from "./history";

/** How a fit ended. */
export type FitEnd = "completed" | "early-stopped";

/**
 * Thrown when the loss becomes NaN or infinite: the lecture's "crashes due to NaNs are often due to η".
 * `history` holds every row recorded up to the failure.
 */
export class TrainingDiverged extends Error {
  history?: History;
  step = 0;
  constructor(
    readonly lossValue: number,
    readonly lr: number,
  ) {
    super("");
    this.name = "TrainingDiverged";
  }
}

/**
 * Thrown by `checkInterrupt()` when the user pressed Kernel → Interrupt (or a test called `requestStop()`).
 * Like Python's KeyboardInterrupt in a PyTorch loop, but the kernel and all its variables survive.
 * @example try { await fit(...) } catch (e) { if (!(e instanceof StoppedByUser)) throw e; }
 */
export class StoppedByUser extends Error {
  constructor(partial?: string) {
    super(
      "Stopped by user (kernel interrupt). Kernel state is kept" +
        (partial ? `; partial results are in ${partial}.` : "."),
    );
    this.name = "StoppedByUser";
  }
}

let last: History | undefined;

/** The History of the most recent fit that failed or was interrupted (also on the error's `history`). */
export function lastHistory(): History | undefined {
  return last;
}

/** @internal Attaches the partial History (and step) to an error leaving `fit`, and words a divergence clearly. */
export function recordFailure(e: unknown, history: History, step: number, epoch: number): unknown {
  last = history;
  if (e instanceof TrainingDiverged) {
    e.step = step + 1;
    e.message =
      `The loss became ${e.lossValue} at step ${step + 1} (epoch ${epoch + 1}) with learning rate ${e.lr}. ` +
      `The step size is probably too large: lower the learning rate or clip gradients (clip: { maxNorm: 1 }). ` +
      `The ${history.rows.length} rows recorded before it are in error.history.`;
  }
  if (e instanceof Error) (e as Error & { history?: History }).history = history;
  return e;
}
