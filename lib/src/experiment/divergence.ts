import type { Module } from "../nn/module";
import type { Tensor } from "../tensor";
import { allFinite } from "../tensor";
import type { Batch, FitLoader, FitOptimizer } from "./parts";
import { NonFiniteData, TrainingDiverged } from "./errors";

/** What went wrong first, in the order `fit` checks it at each step. */
export type DivergenceReason = "learning rate" | "initial weights" | "weights" | "outputs" | "loss" | "exploded";

/** The recent losses and their reference, saved in checkpoints so that a resumed run judges divergence the same way. */
export interface DivergenceState {
  /** The loss of the first step (the model before any update): the reference. */
  start: number;
  /** The last WINDOW minibatch losses, oldest first. */
  recent: number[];
  /** Steps seen. */
  steps: number;
}

/** Steps before the explosion test starts: the first steps of a run that survives can spike (see the rule). */
export const WARMUP_STEPS = 50;
/** "Far above the start": the smoothed loss is more than this many times the first step's loss. */
export const EXPLOSION_FACTOR = 10;
/** The smoothed loss is the median of this many last minibatch losses. */
export const WINDOW = 25;

/**
 * The divergence rule, applied by `fit` at every step (and so by `run` and each run of a `sweep`). A run has
 * diverged when
 *
 *  1. something it computes is not finite: the learning rate (checked before each step; a NaN rate comes from a
 *     schedule), the model's outputs (after the forward pass; explained by what went first: NaN inputs are a data
 *     error, `NonFiniteData`; else the weights, named — at the first step of a run the initial or resumed weights,
 *     so the initialization or the checkpoint is broken; else the outputs overflowed), or the loss; or
 *  2. the loss exploded: from step WARMUP_STEPS = 50 on, the smoothed training loss — the median of the last
 *     WINDOW = 25 minibatch losses, the lecture's "moving average from SGD iterations" made robust to a few
 *     outliers — is more than EXPLOSION_FACTOR = 10 times the loss of the first step (the untrained model).
 *
 * Why these thresholds. A run that trains ends below its start; a too-large step that still trains bounces within
 * a few times the start (the notebooks that train at large η — 04, 05, 06, 07, 13 — never get the smoothed loss above
 * 1.03× the start after the warm-up). A run ten times worse than the untrained model has diverged: lr = 100 on MNIST
 * settles near 40 (17× the start, ln 10 ≈ 2.3), lr = 1e6 near 5e5. The warm-up and the median are there for runs
 * that survive an early blow-up: notebook 04's η = 1 and η = 10 runs reach losses of 1e19 in their first 10–20 steps,
 * then sit at chance level (about 1× the start) — "dead", which the notebook shows, not diverged. A run shorter than
 * the warm-up is judged only by rule 1.
 *
 * A failure throws `TrainingDiverged`; its message says what went wrong first and the fix that matches (a NaN
 * learning rate → the schedule's options; otherwise the step size). In a sweep the run is kept with a "diverged"
 * row, and `stats.compare`, its tables and the plots mark it "diverged". torch has no such rule: there lr = 100
 * silently "finishes" with a loss of 40.
 */
export class DivergenceWatch {
  state: DivergenceState | undefined;
  /** Steps checked by this `fit` call (0: the weights are the initial or resumed ones). */
  private checked = 0;

  constructor(saved?: DivergenceState) {
    this.state = saved ? { ...saved } : undefined;
  }

  /** Before a step: a non-finite learning rate in any parameter group (see the rule, item 1). */
  checkLearningRate(optimizer: FitOptimizer): void {
    const bad = optimizer.paramGroups.find((g) => !Number.isFinite(g.lr));
    if (bad) throw new TrainingDiverged(NaN, bad.lr, "learning rate");
  }

  /**
   * After the forward pass. Finite outputs (the usual case) cost one pass over them; non-finite ones are explained
   * by what went first: the batch's inputs (`checkBatch`: a data error), a weight (named; before any update of
   * this run it is the initialization or the checkpoint), else the outputs themselves overflowed. NaN reaches the
   * outputs from any of these, since every layer propagates it as torch does.
   */
  checkOutputs(out: Tensor, batch: Batch, train: FitLoader, model: Module, optimizer: FitOptimizer): void {
    if (allFinite(out)) return;
    checkBatch(batch, train);
    const lr = optimizer.paramGroups[0].lr;
    const bad = model.namedParameters().find(([, p]) => !allFinite(p.value));
    if (bad) throw new TrainingDiverged(NaN, lr, this.checked === 0 ? "initial weights" : "weights", bad[0]);
    throw new TrainingDiverged(NaN, lr, "outputs");
  }

  /** After the loss: non-finite, or (after the warm-up) the smoothed loss far above the start. */
  checkLoss(loss: number, optimizer: FitOptimizer): void {
    const lr = optimizer.paramGroups[0].lr;
    this.checked++;
    if (!Number.isFinite(loss)) throw new TrainingDiverged(loss, lr, "loss");
    const s = this.state ?? (this.state = { start: loss, recent: [], steps: 0 });
    s.recent.push(loss);
    if (s.recent.length > WINDOW) s.recent.shift();
    s.steps++;
    if (s.steps < WARMUP_STEPS) return;
    const smoothed = median(s.recent);
    if (smoothed > EXPLOSION_FACTOR * s.start) {
      const detail = `${fmt(smoothed)}, more than ${EXPLOSION_FACTOR} times the first step's ${fmt(s.start)}`;
      throw new TrainingDiverged(loss, lr, "exploded", detail);
    }
  }
}

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Stops training on a minibatch that holds NaN or ±Infinity, before any update from it (torch would train on it
 * and turn every weight into NaN): the error names the dataset, the augmentation if there is one, and the batch.
 * `fit` calls it when the outputs are not finite (NaN inputs always make NaN outputs), so it costs nothing else.
 */
export function checkBatch(batch: Batch, train: FitLoader): void {
  if (allFinite(batch.x)) return;
  const x = batch.x.data;
  let i = 0;
  while (Number.isFinite(x[i])) i++;
  const row = Math.floor(i / batch.x.cols);
  const where =
    batch.batchIndex === undefined
      ? "a training batch"
      : `batch ${batch.batchIndex} of epoch ${(batch.epoch ?? 0) + 1}`;
  const source = train.dataset ? `dataset "${train.dataset.name}"` : "the training data";
  const aug = train.augment ? ` after the augmentation ${JSON.stringify(train.augment)}` : "";
  const fix = train.augment
    ? "check the augmentation's options (and the dataset without it)"
    : "check how the dataset was made (a division by zero in a normalization?)";
  throw new NonFiniteData(
    `The inputs of ${where} contain ${x[i]} (first at row ${row} of the batch, column ${i % batch.x.cols}), ` +
      `from ${source}${aug}. Training stopped before the model learned from them: ${fix}.`,
  );
}

const fmt = (x: number) => (Math.abs(x) >= 1e4 ? x.toExponential(2) : String(Number(x.toPrecision(3))));
