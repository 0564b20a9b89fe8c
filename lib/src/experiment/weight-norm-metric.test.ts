import { describe, expect, it } from "vitest";
import { run } from "./run";
import { buildRun } from "./build";
import type { RunConfig } from "./config";
import { weightNorm } from "../nn/weight-norm";

describe('RunConfig metrics: ["weightNorm"]', () => {
  const config: RunConfig = {
    data: { dataset: "blobs", trainSize: 120, valSize: 60, batchSize: 20 },
    model: { sizes: [2, 8, 3], activation: "relu", init: "kaiming" },
    optim: { name: "sgd", lr: 0 },
    epochs: 2,
    metrics: ["weightNorm"],
  };

  it("records ‖W‖ of all parameters at every evaluation (lr 0: the initial weights' norm)", async () => {
    const h = await run(config, { seed: 3, live: false });
    const norms = h.series("weight norm", "val");
    expect(norms).toHaveLength(2); // one per epoch
    const initial = weightNorm(buildRun(config, 3).model);
    for (const p of norms) expect(p.value).toBeCloseTo(initial, 6);
  });

  it("shrinks towards 0 when the decay ηλ dominates the gradient steps", async () => {
    // η = 0.01, λ = 50: each step multiplies every parameter by 1 − ηλ = 0.5 before a small gradient step, so
    // after the 6 steps of epoch 1 ‖W‖ is a small fraction of its start.
    const h = await run({ ...config, optim: { name: "sgd", lr: 0.01, weightDecay: 50 } }, { seed: 3, live: false });
    const [first, second] = h.series("weight norm", "val").map((p) => p.value);
    expect(second).toBeLessThan(first);
    expect(first).toBeLessThan(0.2 * weightNorm(buildRun(config, 3).model));
  });
});
