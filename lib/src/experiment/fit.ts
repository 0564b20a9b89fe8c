import type { Module, Loss, Parameter } from "../nn/module";
import { clipGradNorm, clipGradValue, gradNorm } from "../optim";
import type { MetricRow } from "../rows/types";
import { History } from "./history";
import { accuracy, type Labelled } from "./evaluate";
import { restoreModel, type Checkpoint } from "./checkpoint";
import { checkOptimizerType } from "./checkpoint-resume";
import { recordFailure } from "./errors";
import { DivergenceWatch } from "./divergence";
import type { FitLoader, FitOptimizer, FitScheduler } from "./parts";
import { loopEnvironment } from "./environment";
import { validateFitOptions } from "./validate-fit";
import { TrainingState } from "./training-state";
import type { FitHook } from "./hooks/hook";
import { evaluation } from "./hooks/evaluation";
import { scheduling } from "./hooks/scheduling";
import { logging } from "./hooks/logging";
import { earlyStopping, type EarlyStopOptions } from "./hooks/early-stopping";
import { targetStopping, type TargetStopOptions } from "./hooks/target-stopping";
import { checkpoints, type CheckpointOptions } from "./hooks/checkpoints";

/**
 * The training loop, as the lecture's "Putting it all together": for each minibatch, forward pass, loss, backward
 * pass, (optional) clipping, optimizer step — then the hooks: schedule step, History rows, evaluation, early
 * stopping, checkpoints, the live view and the interrupt check (lib/src/experiment/hooks; add your own in `hooks`).
 *
 * It is async: between steps it yields to the event loop, so a notebook's live display updates and a kernel
 * interrupt stops it cleanly (a `StoppedByUser` error that carries the partial History; the model keeps the
 * weights it had reached). A diverged run (NaN/Inf, or an exploded loss: the rule is `DivergenceWatch`'s) stops
 * with a `TrainingDiverged` error naming the step, what went wrong first and the fix; a batch with NaN/Inf inputs
 * stops it with a `NonFiniteData` error naming the dataset and the batch.
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
  earlyStop?: EarlyStopOptions;
  /** Stop at the first evaluation whose validation metric reaches a target (steps-to-target races). */
  stopAtTarget?: TargetStopOptions;
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
  checkpoint?: CheckpointOptions;
  /** Continue a run from a checkpoint (the parts must be built like the original ones). */
  resume?: Checkpoint;
  /** Your own hooks, run after the built-in ones at each point of the loop (see FitHook). */
  hooks?: FitHook[];
}

export async function fit(o: FitOptions): Promise<History> {
  validateFitOptions(o);
  const { model, loss, optimizer, train } = o;
  const epochs = o.epochs ?? 1;
  const s = startState(o, epochs); // History, step and epoch (those of the checkpoint when resuming)
  const watch = s.divergence;
  const params = model.parameters();
  const endEpoch = () => (s.epoch++, s.each((h) => h.onEpochEnd?.(s)));
  let error: unknown;
  try {
    await s.each((h) => h.onStart?.(s));
    model.train();
    if (o.resume && train.atEpochEnd()) await endEpoch(); // saved on an epoch's last batch: finish that epoch
    while (s.epoch < epochs && s.end === "completed") {
      for (const batch of train.epochBatches()) {
        optimizer.zeroGrad(); //                                     ∇W ← 0
        watch.checkLearningRate(optimizer); //                        the divergence rule (DivergenceWatch): lr,…
        const out = model.forward(batch.x); //                        forward pass
        watch.checkOutputs(out, batch, train, model, optimizer); //   …outputs (or NaN data, weights),
        const value = loss.forward(out, batch.y); //                  L(W; minibatch)
        watch.checkLoss(value, optimizer); //                         …non-finite or exploded loss
        const acc = accuracy(out, batch.y);
        model.backward(loss.backward(), false); //                    backward pass (no dx for the input data, as torch)
        const norm = clipGradients(params, o.clip); //                optional clipping, by norm or by value
        optimizer.step(); //                                          W ← W − η·update
        s.step++;
        await s.each((h) => h.onStep?.(s, { loss: value, accuracy: acc, gradNorm: norm })); // schedule, log, eval…
        if ((o.maxSteps !== undefined && s.step >= o.maxSteps) || s.end !== "completed") break;
      }
      if (train.atEpochEnd()) await endEpoch();
      if (o.maxSteps !== undefined && s.step >= o.maxSteps) break;
    }
    await s.each((h) => h.onEnd?.(s)); // the final evaluation
  } catch (e) {
    error = e;
    throw recordFailure(e, s.history, s.step, s.epoch);
  } finally {
    for (const h of s.hooks) h.onClose?.(s, error);
  }
  return s.history;
}

/** The built-in hooks, in the order they run at each point of the loop. */
function fitHooks(o: FitOptions, watch: DivergenceWatch): FitHook[] {
  const env = loopEnvironment();
  const onStep = o.onStep;
  return [
    ...(o.scheduler ? [scheduling(o.scheduler, o.schedulerInterval)] : []),
    logging(o.logEvery),
    ...(onStep
      ? [{ onStep: (s, r) => onStep({ step: s.step, epoch: s.epoch, loss: r.loss, model: s.model }) } as FitHook]
      : []),
    evaluation({ ...o, resuming: o.resume !== undefined }),
    ...(o.earlyStop ? [earlyStopping(o.earlyStop)] : []),
    ...(o.stopAtTarget ? [targetStopping(o.stopAtTarget)] : []),
    ...(o.checkpoint ? [checkpoints(o.checkpoint, o.train, o.scheduler, () => watch.state)] : []),
    ...(o.hooks ?? []),
    ...env.fitHooks(o.live ?? true), // the live view, in a notebook
    { onStep: () => env.pause("error.history (or lastHistory())") }, // yield; a kernel interrupt stops here
  ];
}

/** The state at the first step: fresh, or restored from `o.resume` (model, optimizer, scheduler, loader, History). */
function startState(o: FitOptions, epochs: number): TrainingState {
  const r = o.resume;
  if (r) {
    checkOptimizerType(r, o.optimizer);
    restoreModel(o.model, r);
    if (r.optimizer) o.optimizer.loadStateDict(r.optimizer);
    if (r.scheduler && o.scheduler) o.scheduler.loadStateDict(r.scheduler);
    if (r.loader) o.train.setState(r.loader);
  }
  const label = { run: o.run ?? "run", seed: o.seed ?? 0, knob: o.knob, knobValue: o.knobValue };
  const history = new History(r?.history ? [...r.history] : []);
  const start = { step: r?.step ?? 0, epoch: r?.epoch ?? 0 };
  const watch = new DivergenceWatch(r?.divergence);
  const s = new TrainingState(o.model, o.optimizer, history, o.train.batchesPerEpoch * epochs, label, start, watch);
  s.hooks = fitHooks(o, watch);
  return s;
}

/** Clips by norm and/or by value (torch's clip_grad_norm_ / clip_grad_value_); returns the norm before clipping. */
function clipGradients(params: Parameter[], clip: FitOptions["clip"]): number {
  const norm =
    clip?.maxNorm !== undefined
      ? clipGradNorm(params, clip.maxNorm, { normType: clip.normType ?? 2 })
      : gradNorm(params);
  if (clip?.value !== undefined) clipGradValue(params, clip.value);
  return norm;
}
