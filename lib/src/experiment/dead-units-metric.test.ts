import { describe, expect, it } from "vitest";
import { run } from "./run";
import type { RunConfig } from "./config";

describe('RunConfig metrics: ["deadUnits"]', () => {
  const config: RunConfig = {
    data: { dataset: "blobs", trainSize: 120, valSize: 60, batchSize: 20 },
    model: { sizes: [2, 8, 6, 3], activation: "relu", init: "kaiming" },
    optim: { name: "sgd", lr: 0.1 },
    epochs: 1,
    evalEvery: 3,
    metrics: ["deadUnits"],
  };

  it("records a 'dead fraction' row at every evaluation", async () => {
    const h = await run(config, { seed: 0, live: false });
    const dead = h.series("dead fraction", "val");
    expect(dead.map((p) => p.step)).toEqual(h.series("accuracy", "val").map((p) => p.step)); // steps 3 and 6
    expect(dead).toHaveLength(2);
    for (const p of dead) expect(p.value * 14).toBeCloseTo(Math.round(p.value * 14), 9); // k of 8 + 6 units
  });

  it("hidden biases of −1000 kill every ReLU for good; +1000 keeps every unit alive", async () => {
    // a[v] = w·x + b with |w·x| ≪ 1000 on blobs: b = −1000 puts every layer-1 input below 0, so layer 2 gets
    // o = 0 and a = −1000 too; no gradient reaches a hidden weight, nothing ever changes. b = +1000 keeps the inputs
    // of a one-hidden-layer net above 0 (lr 0 keeps the weights as drawn; a second layer's w·o would be ~1000 too).
    const killed = await run({ ...config, model: { ...config.model, biasInit: -1000 } }, { seed: 0, live: false });
    expect(killed.series("dead fraction", "val").map((p) => p.value)).toEqual([1, 1]);
    const up = {
      ...config,
      model: { ...config.model, sizes: [2, 8, 3], biasInit: 1000 },
      optim: { name: "sgd" as const, lr: 0 },
    };
    const alive = await run(up, { seed: 0, live: false }); // lr 0: the weights stay as drawn
    expect(alive.series("dead fraction", "val")[0].value).toBe(0);
  });

  it("records nothing unless asked, and names the metrics it knows", async () => {
    const plain = await run({ ...config, metrics: undefined }, { seed: 0, live: false });
    expect(plain.rows.some((r) => r.metric === "dead fraction")).toBe(false);
    await expect(run({ ...config, metrics: ["dead" as "deadUnits"] }, { live: false })).rejects.toThrow(
      'Unknown metric "dead" in config.metrics: use perClassAccuracy, deadUnits, deadUnitsPerLayer, weightNorm, trainModeAccuracy or trainSetAccuracy',
    );
  });
});
