import { expect, it } from "vitest";
import { sweep } from "../experiment/sweep";
import type { RunConfig } from "../experiment/config";
import { compare } from "./compare";

it("compares a real sweep: seeds paired, labels from the knob, one verdict per value", async () => {
  const base: RunConfig = {
    data: { dataset: "moons", trainSize: 200, valSize: 100, batchSize: 25, noise: 0.15 },
    model: { sizes: [2, 8, 2], activation: "tanh", init: "xavier" },
    optim: { name: "sgd", lr: 0.2 },
    epochs: 3,
  };
  const runs = await sweep(base, "optim.lr", [0.01, 0.2], { seeds: 3, workers: 1, live: false });
  const cmp = compare(runs, { metric: "loss", split: "val", baseline: 0.01 });
  expect(cmp.settings.map((s) => s.label)).toEqual(["lr 0.01", "lr 0.2"]);
  expect(cmp.baseline.seeds).toEqual([0, 1, 2]);
  // 3 epochs at η = 0.01 barely move a tanh net; η = 0.2 lowers the validation loss on every seed.
  expect(cmp.get(0.2).verdict).toBe("helped");
  expect(cmp.get(0.2).seedsAgreeing).toBe(3);
  expect(cmp.sentence()).toMatch(/^lr 0\.2 helped: final val loss -\d/);
});
