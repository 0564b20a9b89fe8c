import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import { checkDesignedAugmentation } from "../../lib/src/exercises/12-augmentation";
import type { RunConfig } from "../../lib/src/experiment/config";
import type { MetricRow } from "../../lib/src/plot/types";

// Final val *loss* of "none" per seed is given; a tiny stand-in for the notebook's "none" setting: 300 fixed MNIST images, 4 epochs.
const base: RunConfig = {
  data: { dataset: "mnist", trainSize: 300, valSize: 500, seed: 7, batchSize: 50, augment: [] },
  model: { sizes: [784, 16, 10], activation: "relu", init: "kaiming" },
  optim: { name: "sgd", lr: 0.1, momentum: 0.9 },
  epochs: 4,
};
const seeds = [0, 1, 2];
const noneAt = (acc: number[]) => ({
  rung: { name: "none", config: base },
  rows: acc.map((value, seed): MetricRow => ({
    run: "augment=none",
    seed,
    step: 24,
    epoch: 4,
    split: "val",
    metric: "loss",
    value,
    knob: "data.augment",
    knobValue: "none",
  })),
  seeds,
  workers: 1,
});
const tried = [[], [{ name: "translate", maxShift: 2 }]];
const mine = [
  { name: "rotate", maxDegrees: 10 },
  { name: "translate", maxShift: 1 },
];

describe("exercise 12.1: design and measure an augmentation", () => {
  it("passes a new augmentation that beats none on every seed", async () => {
    await expect(checkDesignedAugmentation(mine, noneAt([5, 5.1, 5]), tried)).resolves.toBeUndefined();
  }, 60_000);

  it("fails when it does not beat none beyond noise", async () => {
    await expect(checkDesignedAugmentation(mine, noneAt([0.01, 0.012, 0.011]), tried)).rejects.toThrow(ExerciseFailed);
  }, 60_000);

  it("fails the shortcuts: a measured setting, a flip, an empty or invalid list", async () => {
    for (const w of [tried[1], [{ name: "hflip", p: 0.5 }], [], [{ name: "nonsense" }]]) {
      await expect(checkDesignedAugmentation(w, noneAt([5, 5, 5]), tried)).rejects.toThrow(ExerciseFailed);
    }
  });
});
