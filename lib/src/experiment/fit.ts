import type { Module, Loss } from "../nn/module";
import { History } from "./history";
import { evaluate, accuracy, type Labelled } from "./evaluate";
import { saveCheckpoint, encodeModel, restoreModel, type Checkpoint } from "./checkpoint";
import { TrainingDiverged, recordFailure, type FitEnd } from "./errors";
import { Progress } from "./progress";
import type { Batch, FitLoader, FitOptimizer, FitScheduler } from "./parts";
import type { MetricRow } from "../plot/types";
import { clipGradNorm, clipGradValue, gradNorm } from "../optim";
import { checkInterrupt, StoppedByUser } from "../jupyter";
import { allFinite } from "../tensor";

/**
 * The training loop, as the lecture's "Putting it all together": for each minibatch, forward pass, loss, backward
 * pass, (optional) clipping, optimizer step, (optional) schedule step — recording a History of long rows.
 *
 * It is async: between steps it yields to the event loop, so a notebook's live display updates and a kernel
 * interrupt stops it cleanly (a `StoppedByUser` error that carries the partial History; the model keeps the
 * weights it had reached). A NaN or infinite loss stops it with a `TrainingDiverged` error naming the step.
 *
 * @example
 *   const history = await fit({ model, loss: new CrossEntropyLoss(), optimizer: new SGD(model.parameters(), { lr: 0.1 }),
 *                               train: new DataLoader(trainSet, { batchSize: 128, seed: 0 }), val: valSet, epochs: 2 });
 *   show(curves(history.rows, { metric: "loss" }));
 */
export interface FitOptions {
  model: Module;
  loss: Loss<Int32Array>;
  optimizer: FitOptimizer;
  train: FitLoader;
  /** Evaluated at the end of each epoch (or every `evalEvery` steps): loss and accuracy on split "val". */
  val?: Labelled;
  scheduler?: FitScheduler;
  /** "step" (after each optimizer step) or "epoch"; ReduceLROnPlateau always steps after an evaluation. */
  schedulerInterval?: "step" | "epoch";
  epochs?: number;
  maxSteps?: number;
  evalEvery?: number;
  /** Also evaluate the initial weights (val rows at step 0), so that curves start where training starts. */
  evalAtStart?: boolean;
  logEvery?: number;
  clip?: { maxNorm?: number; normType?: number; value?: number };
  /** Extra metrics computed at each evaluation: name → f(model) → number. */
  metrics?: Record<string, (model: Module) => number>;
  /** Also record the validation accuracy of each class k as metric "accuracy/class k" (from the same pass). */
  perClassAccuracy?: boolean;
  /** Stop when a validation metric has not improved for `patience` evaluations. */
  earlyStop?: { metric: string; patience: number; mode?: "min" | "max"; minDelta?: number };
  /** Called after every optimizer step (e.g. to collect statistics). */
  onStep?: (info: { step: number; epoch: number; loss: number; model: Module }) => void;
  /** Labels for the History rows. */
  run?: string;
  seed?: number;
  knob?: string;
  knobValue?: MetricRow["knobValue"];
  /** Show a live loss curve in a notebook (default true; outside a kernel it prints a few progress lines). */
  live?: boolean;
  /** Save a checkpoint every `every` steps (atomically) to `path`. */
  checkpoint?: { path: string; every: number; config?: unknown };
  /** Continue a run from a checkpoint (the parts must be built like the original ones). */
  resume?: Checkpoint;
}

export async function fit(o: FitOptions): Promise<History> {
  const { model, loss, optimizer, train } = o;
  const epochs = o.epochs ?? 1;
  const logEvery = o.logEvery ?? 1;
  const interval = o.schedulerInterval ?? "step";
  const history = new History(o.resume?.history ? [...o.resume.history] : []);
  let step = o.resume?.step ?? 0;
  let epoch = o.resume?.epoch ?? 0;
  if (o.resume) {
    restoreModel(model, o.resume);
    if (o.resume.optimizer) optimizer.loadStateDict(o.resume.optimizer);
    if (o.resume.scheduler && o.scheduler) o.scheduler.loadStateDict(o.resume.scheduler);
    if (o.resume.loader) train.setState(o.resume.loader);
  }
  const label = { run: o.run ?? "run", seed: o.seed ?? 0, knob: o.knob, knobValue: o.knobValue };
  const t0 = performance.now();
  const record = (split: string, metric: string, value: number) => {
    const row: MetricRow = { ...label, step, epoch, split, metric, value, time: (performance.now() - t0) / 1000 };
    if (row.knob === undefined) delete row.knob;
    if (row.knobValue === undefined) delete row.knobValue;
    history.push(row);
  };
  const progress = new Progress(o.live ?? true, label.run, history, train.batchesPerEpoch * epochs);
  const stopper = earlyStopper(o.earlyStop);
  const params = model.parameters();
  let end: FitEnd = "completed";
  let note: string | undefined;

  let lastEval = -1;
  const evaluateNow = (atStart = false) => {
    if (!o.val) return;
    lastEval = step;
    const r = evaluate(model, o.val, loss);
    record("val", "loss", r.loss);
    record("val", "accuracy", r.accuracy);
    if (o.perClassAccuracy) r.perClassAccuracy.forEach((a, k) => record("val", `accuracy/class ${k}`, a));
    for (const [name, f] of Object.entries(o.metrics ?? {})) record("val", name, f(model));
    if (atStart) return; // a baseline: no plateau step, no early stop
    if (o.scheduler?.isPlateau) o.scheduler.step(r.loss);
    if (stopper && stopper(history)) end = "early-stopped";
  };

  const endEpoch = () => {
    epoch++;
    if (o.scheduler && !o.scheduler.isPlateau && interval === "epoch") o.scheduler.step();
    if (!o.evalEvery) evaluateNow();
  };

  try {
    if (o.evalAtStart && !o.resume) evaluateNow(true);
    model.train();
    // A checkpoint saved on an epoch's last batch precedes that epoch's end-of-epoch work: do it now.
    if (o.resume && train.atEpochEnd()) endEpoch();
    while (epoch < epochs && end === "completed") {
      for (const batch of train.epochBatches()) {
        const l = trainStep(o, batch, params);
        step++;
        if (o.scheduler && !o.scheduler.isPlateau && interval === "step") o.scheduler.step();
        if (step % logEvery === 0) {
          record("train", "loss", l.loss);
          record("train", "accuracy", l.acc);
          record("train", "lr", optimizer.paramGroups[0].lr);
          record("train", "gradNorm", l.gradNorm);
        }
        o.onStep?.({ step, epoch, loss: l.loss, model });
        if (o.evalEvery && step % o.evalEvery === 0) evaluateNow();
        if (o.checkpoint && step % o.checkpoint.every === 0) save(o, step, epoch, history);
        progress.update(step, epoch, l.loss);
        await checkInterrupt("error.history (or lastHistory())");
        if ((o.maxSteps !== undefined && step >= o.maxSteps) || end !== "completed") break;
      }
      if (train.atEpochEnd()) endEpoch();
      if (o.maxSteps !== undefined && step >= o.maxSteps) break;
    }
    // The last weights are always evaluated, even when training ends between two scheduled evaluations.
    if (lastEval !== step && end === "completed") evaluateNow();
  } catch (e) {
    note = e instanceof StoppedByUser ? "STOPPED by user: rows so far in lastHistory()" : "FAILED (see the error)";
    throw recordFailure(e, history, step, epoch);
  } finally {
    progress.close(step, epoch, note);
  }
  return history;
}

/** One minibatch step: forward, loss, backward, clip, update. Returns the loss, batch accuracy and gradient norm. */
function trainStep(o: FitOptions, batch: Batch, params: ReturnType<Module["parameters"]>) {
  o.optimizer.zeroGrad();
  const out = o.model.forward(batch.x);
  // Overflowing weights show up as NaN/Inf outputs before the loss sees them.
  if (!allFinite(out)) throw new TrainingDiverged(NaN, o.optimizer.paramGroups[0].lr);
  const value = o.loss.forward(out, batch.y);
  if (!Number.isFinite(value)) throw new TrainingDiverged(value, o.optimizer.paramGroups[0].lr);
  const acc = accuracy(out, batch.y);
  o.model.backward(o.loss.backward(), false); // the input is data: the first layer may skip its dx (as torch does)
  let norm: number;
  if (o.clip?.maxNorm !== undefined) norm = clipGradNorm(params, o.clip.maxNorm, { normType: o.clip.normType ?? 2 });
  else norm = gradNorm(params);
  if (o.clip?.value !== undefined) clipGradValue(params, o.clip.value);
  o.optimizer.step();
  return { loss: value, acc, gradNorm: norm };
}

function save(o: FitOptions, step: number, epoch: number, history: History): void {
  saveCheckpoint(o.checkpoint!.path, {
    step,
    epoch,
    model: encodeModel(o.model),
    optimizer: o.optimizer.stateDict(),
    scheduler: o.scheduler?.stateDict(),
    loader: o.train.getState(),
    history: [...history.rows],
    config: o.checkpoint!.config,
  });
}

function earlyStopper(cfg: FitOptions["earlyStop"]): ((h: History) => boolean) | undefined {
  if (!cfg) return undefined;
  const sign = cfg.mode === "max" ? -1 : 1;
  return (h) => {
    const vals = h.series(cfg.metric, "val").map((p) => sign * p.value);
    if (vals.length <= cfg.patience) return false;
    const bestBefore = Math.min(...vals.slice(0, vals.length - cfg.patience));
    return Math.min(...vals.slice(-cfg.patience)) > bestBefore - (cfg.minDelta ?? 0);
  };
}
