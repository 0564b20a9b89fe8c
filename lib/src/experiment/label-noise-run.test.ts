import { describe, expect, it } from "vitest";
import type { RunConfig } from "./config";
import { buildRun } from "./build";
import { run } from "./run";

const base: RunConfig = {
  data: { dataset: "blobs", trainSize: 200, valSize: 100, batchSize: 20 },
  model: { sizes: [2, 16, 3], activation: "relu", init: "kaiming", dropout: 0.5 },
  optim: { name: "sgd", lr: 0.1 },
  epochs: 2,
};

describe("data.labelNoise and the trainSetAccuracy metric", () => {
  it("relabels that fraction of the training set only, the same rows for every seed of a fixed data seed", () => {
    const noisy = { ...base, data: { ...base.data, labelNoise: 0.25, seed: 4 } };
    const clean = buildRun({ ...noisy, data: { ...noisy.data, labelNoise: 0 } }, 0);
    const [a, b] = [buildRun(noisy, 0), buildRun(noisy, 1)];
    const changed = [...a.trainSet.y].filter((v, i) => v !== clean.trainSet.y[i]).length;
    expect(changed).toBe(50);
    expect([...a.trainSet.y]).toEqual([...b.trainSet.y]);
    expect([...a.val!.y]).toEqual([...clean.val!.y]);
  });

  it("records the training set's accuracy in eval mode at every evaluation", async () => {
    const h = await run({ ...base, metrics: ["trainSetAccuracy"] }, { seed: 0 });
    const rows = h.rows.filter((r) => r.metric === "train-set accuracy");
    expect(rows.map((r) => r.epoch)).toEqual([1, 2]);
    for (const r of rows) expect(r.value).toBeGreaterThan(0.5); // three separable blobs
    await expect(run({ ...base, metrics: ["nope" as never] })).rejects.toThrow(/use perClassAccuracy, deadUnits/);
  });
});
