import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import { checkBeatsRungAtBatch128 } from "../../lib/src/exercises/13-summary-recipe";
import type { RunConfig } from "../../lib/src/experiment/config";
import type { MetricRow } from "../../lib/src/plot/types";

// A tiny stand-in for the notebook's momentum rung: 400 MNIST images, batch 16, 3 epochs.
const rung: RunConfig = {
  data: { dataset: "mnist", trainSize: 400, valSize: 500, batchSize: 16, sampler: "reshuffle", seed: 7 },
  model: { sizes: [784, 16, 10], activation: "relu", init: "kaiming" },
  optim: { name: "sgd", lr: 0.01, momentum: 0.9 },
  epochs: 3,
};
const seeds = [0, 1, 2];
/** The rung's final val accuracy per seed, fixed: what the student's runs are compared with. */
const rowsAt = (acc: number[]): MetricRow[] =>
  acc.map((value, seed) => ({
    run: "name=+ momentum",
    seed,
    step: 75,
    epoch: 3,
    split: "val",
    metric: "accuracy",
    value,
    knob: "name",
    knobValue: "+ momentum",
  }));
const target = (acc: number[]) => ({
  rung: { name: "+ momentum", config: rung },
  rows: rowsAt(acc),
  seeds,
  workers: 1,
});
const at128 = (optim: RunConfig["optim"], more: Partial<RunConfig> = {}): RunConfig => ({
  ...rung,
  data: { ...rung.data, batchSize: 128 },
  optim,
  ...more,
});

describe("exercise 13.1: beat the momentum rung at batch 128", () => {
  it("passes a batch-128 config that trains better than the rung on every seed", async () => {
    await expect(
      checkBeatsRungAtBatch128(at128({ name: "sgd", lr: 0.16, momentum: 0.9 }), target([0.3, 0.32, 0.31])),
    ).resolves.toBeUndefined();
  }, 60_000);

  it("fails a config that is not better beyond noise (the rung scored higher)", async () => {
    await expect(
      checkBeatsRungAtBatch128(at128({ name: "sgd", lr: 0.16, momentum: 0.9 }), target([0.99, 0.985, 0.99])),
    ).rejects.toThrow(ExerciseFailed);
  }, 60_000);

  it("fails the plausible shortcuts: batch 16, more epochs, a changed model or data", async () => {
    const wrong: RunConfig[] = [
      { ...rung, optim: { name: "sgd", lr: 0.16, momentum: 0.9 } }, // forgot the batch size
      at128(rung.optim, { epochs: 6 }), // more epochs = more compute, not a better recipe
      at128(rung.optim, { model: { ...rung.model, batchNorm: true } }), // a later rung's knob
      { ...at128(rung.optim), data: { ...rung.data, batchSize: 128, augment: [{ name: "translate" }] } },
    ];
    for (const w of wrong)
      await expect(checkBeatsRungAtBatch128(w, target([0.3, 0.3, 0.3]))).rejects.toThrow(ExerciseFailed);
  });
});
