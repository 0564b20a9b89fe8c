import type { History } from "./history";
import type { DivergenceReason } from "./divergence";

/** How a fit ended. */
export type FitEnd = "completed" | "early-stopped";

/**
 * Thrown when a run diverges (the rule: `DivergenceWatch`): the learning rate, the weights, the outputs or the loss
 * became NaN or infinite, or the loss exploded — the lecture's "crashes due to NaNs are often due to η".
 * `reason` says what went wrong first, `history` holds every row recorded up to the failure.
 */
export class TrainingDiverged extends Error {
  history?: History;
  step = 0;
  constructor(
    readonly lossValue: number,
    readonly lr: number,
    readonly reason: DivergenceReason = "loss",
    /** The weight's name (reason "weights") or the smoothed loss against the start (reason "exploded"). */
    readonly detail = "",
  ) {
    super("");
    this.name = "TrainingDiverged";
    this.message = divergenceText(this, "");
  }
}

/**
 * Thrown when a minibatch holds NaN or ±Infinity before the model sees it: the data or their augmentation are
 * broken, not the training. Names the dataset, the augmentation (if any), the epoch and the batch.
 */
export class NonFiniteData extends Error {
  history?: History;
  constructor(message: string) {
    super(message);
    this.name = "NonFiniteData";
  }
}

/** What went wrong first, in words, and the fix that matches (the message of a TrainingDiverged). */
function divergenceText(e: TrainingDiverged, at: string): string {
  const stepSize =
    " The step size is probably too large: lower the learning rate or clip gradients (clip: { maxNorm: 1 }).";
  const withLr = `${at} with learning rate ${e.lr}`;
  switch (e.reason) {
    case "learning rate":
      return (
        `The learning rate became ${e.lr}${at}, before the update. A NaN learning rate comes from the ` +
        `schedule: check its options (e.g. exponential needs gamma, onecycle needs maxLr).`
      );
    case "initial weights":
      return (
        `The weights ${e.detail} are NaN or infinite${at}, before any update of this run: the initial weights, ` +
        `or the checkpoint they were resumed from, are broken. Check the initialization, or resume from another ` +
        `checkpoint.`
      );
    case "weights":
      return `The weights ${e.detail} became NaN or infinite${withLr}: the previous update overflowed.${stepSize}`;
    case "outputs":
      return (
        `The model's outputs became NaN or infinite${withLr} (the weights are still finite, but too large).` + stepSize
      );
    case "exploded":
      return `The training loss exploded${withLr}: its smoothed value is ${e.detail}.${stepSize}`;
    default:
      return `The loss became ${e.lossValue}${withLr}.${stepSize}`;
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
      divergenceText(e, ` at step ${step + 1} (epoch ${epoch + 1})`) +
      ` The ${history.rows.length} rows recorded before it are in error.history.`;
  }
  if (e instanceof Error) (e as Error & { history?: History }).history = history;
  return e;
}
