import { DataLoader } from "../data/loader";
import { firstPerClass } from "../data/per-class";
import { deriveSeed } from "../data/derive-seed";
import { mlp, CrossEntropyLoss, Linear, type Module, type StateDict } from "../nn";
import { buildData, buildOptimizer, RUN_STREAMS } from "./build";
import type { RunConfig } from "./config";
import { freeze, trainableParameters, unfreeze } from "./finetune";
import { fit } from "./fit";
import type { History } from "./history";

/**
 * Where the new task's network starts, and what it trains:
 * - "fine-tune": the pre-trained body, a fresh head, every layer trained;
 * - "frozen body": the pre-trained body frozen, only the fresh head trained (the lecture's "just change the last layer");
 * - "frozen random body": the same with a randomly initialised body — the control that says what the pre-trained
 *   features add beyond a trained linear head on random features;
 * - "scratch": a randomly initialised network, every layer trained.
 */
export type TransferStart = "fine-tune" | "frozen body" | "frozen random body" | "scratch";

export const TRANSFER_STARTS: readonly TransferStart[] = ["fine-tune", "frozen body", "frozen random body", "scratch"];

/** Options of `runTransfer`. */
export interface TransferOptions {
  /** The pre-trained network's state dict (same `config.model` sizes); its last Linear is never used. */
  pretrained: StateDict;
  start: TransferStart;
  /** Labelled training images per class of the new task, the first ones of the seed's training subset. */
  labelsPerClass: number;
  seed: number;
  /** The run's label in the rows (default: "fine-tune · 5 per class"; one name per start and count, as a sweep's). */
  run?: string;
}

/** The last Linear layer of a network (its head). */
function headOf(model: Module & { layers: Module[] }): Linear {
  const head = [...model.layers].reverse().find((l) => l instanceof Linear);
  if (!head) throw new Error("runTransfer: the model has no Linear layer");
  return head as Linear;
}

/**
 * Warm start from another task ("take features from a network trained for [another task] and just change the last
 * layer"): trains a network for the new task described by `config` (its data, e.g. `digits: [5, 6, 7, 8, 9]`, its
 * optimizer and `maxSteps`) from one of four starts (`TransferStart`), on `labelsPerClass` labelled images per class.
 *
 * Paired by seed: for one seed, every start gets the same labelled images, the same batch order, the same validation
 * set and the same fresh head (the last layer of the seed's random network, which is also the random body of
 * "scratch" and "frozen random body"). Rows carry knob "labels per class" with the count as its value; validation
 * runs once, after the last step. Like torch's `model.fc = nn.Linear(...)` plus `requires_grad_(False)` on the body.
 *
 * @example
 *   const h = await runTransfer({ ...newTask, maxSteps: 100 }, { pretrained, start: "frozen body", labelsPerClass: 5, seed: 0 });
 *   h.last("accuracy", "val");
 */
export async function runTransfer(config: RunConfig, o: TransferOptions): Promise<History> {
  if (!TRANSFER_STARTS.includes(o.start)) {
    throw new Error(`runTransfer: start must be one of ${TRANSFER_STARTS.join(", ")}, got "${o.start}"`);
  }
  const steps = config.maxSteps;
  if (!steps) throw new Error("runTransfer: set config.maxSteps (the number of training steps)");
  const dataSeed = config.data.seed ?? deriveSeed(o.seed, RUN_STREAMS.data);
  const { trainSet, val } = buildData(config.data, dataSeed);
  const train = firstPerClass(trainSet, o.labelsPerClass);
  const model = mlp(config.model, deriveSeed(o.seed, RUN_STREAMS.model));
  if (o.start === "fine-tune" || o.start === "frozen body") {
    const head = headOf(model).stateDict();
    model.loadStateDict(o.pretrained);
    headOf(model).loadStateDict(head); // a fresh head: the pre-trained one answered the old task's classes
  }
  if (o.start.startsWith("frozen")) {
    freeze(model);
    unfreeze(headOf(model));
  }
  const loader = new DataLoader(train, {
    batchSize: Math.min(config.data.batchSize, train.y.length),
    sampler: "reshuffle",
    seed: dataSeed,
  });
  return fit({
    model,
    loss: new CrossEntropyLoss(),
    optimizer: buildOptimizer(trainableParameters(model), config.optim),
    train: loader,
    val,
    maxSteps: steps,
    epochs: Math.ceil(steps / loader.batchesPerEpoch),
    evalEvery: steps,
    logEvery: config.logEvery,
    run: o.run ?? `${o.start} · ${o.labelsPerClass} per class`,
    seed: o.seed,
    knob: "labels per class",
    knobValue: o.labelsPerClass,
    live: false,
  });
}
