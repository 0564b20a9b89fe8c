import { describe, expect, it } from "vitest";
import { runTaskSwitch } from "./task-switch";
import type { RunConfig } from "./config";

const base: RunConfig = {
  data: { dataset: "moons", trainSize: 64, valSize: 32, batchSize: 16, noise: 0.1 },
  model: { sizes: [2, 8, 2], activation: "relu", init: "kaiming" },
  optim: { name: "adagrad", lr: 0.1 },
  epochs: 2,
};

describe("runTaskSwitch", () => {
  it("continues the step count on the second task and tags its rows", async () => {
    const h = await runTaskSwitch(base, { second: { noise: 0.3 }, secondEpochs: 1, seed: 0 });
    const first = h.series("loss", "train");
    const second = h.series("loss", "train (task 2)");
    expect(first.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(second.map((p) => p.step)).toEqual([9, 10, 11, 12]);
    expect(h.series("accuracy", "val (task 2)")).toHaveLength(1);
  });

  it("with and without a reset shares the first task and the second task's batches; only the state differs", async () => {
    const kept = await runTaskSwitch(base, { second: { noise: 0.3 }, seed: 1 });
    const reset = await runTaskSwitch(base, { second: { noise: 0.3 }, seed: 1, resetOptimizer: true });
    expect(reset.series("loss", "train")).toEqual(kept.series("loss", "train"));
    // The first step of task 2 sees the same weights and batch, so the same loss; then the steps differ.
    const k2 = kept.series("loss", "train (task 2)");
    const r2 = reset.series("loss", "train (task 2)");
    expect(r2[0].value).toBe(k2[0].value);
    expect(r2[1].value).not.toBe(k2[1].value);
  });
});
