import { describe, expect, it } from "vitest";
import { run } from "./run";
import type { RunConfig } from "./config";

describe('RunConfig metrics: ["trainModeAccuracy"]', () => {
  it("records the train-mode accuracy beside the eval-mode one; without BN they are equal", async () => {
    const config: RunConfig = {
      data: { dataset: "blobs", trainSize: 120, valSize: 60, batchSize: 4 },
      model: { sizes: [2, 8, 3], activation: "relu", init: "kaiming" },
      optim: { name: "sgd", lr: 0.1 },
      metrics: ["trainModeAccuracy"],
    };
    const plain = await run(config, { seed: 0, live: false });
    expect(plain.series("train-mode accuracy", "val")[0].value).toBe(plain.series("accuracy", "val")[0].value);
    const bn = await run({ ...config, model: { ...config.model, batchNorm: true } }, { seed: 0, live: false });
    expect(bn.series("train-mode accuracy", "val")).toHaveLength(1);
    expect(bn.series("train-mode accuracy", "val")[0].value).not.toBe(bn.series("accuracy", "val")[0].value);
  });
});
