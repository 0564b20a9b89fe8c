import { describe, expect, it } from "vitest";
import { deadUnitTracker } from "./dead-unit-tracker";
import { run } from "./run";
import type { RunConfig } from "./config";
import { Linear, ReLU, Sequential } from "../nn";
import { Tensor } from "../tensor";

describe("deadUnitTracker", () => {
  it("counts dead units per layer and the ones that come back", () => {
    // 1 input → 2 ReLUs → 2 ReLUs; probe inputs x = 1 and 2.
    const l1 = new Linear(1, 2, { seed: 0, dtype: "float64" }),
      l2 = new Linear(2, 2, { seed: 1, dtype: "float64" });
    const model = new Sequential(l1, new ReLU(), l2, new ReLU());
    const probe = Tensor.fromRows([[1], [2]], "float64");
    const m = deadUnitTracker(probe, 2);
    const read = () => Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f(model)]));
    l1.weight.value.data.set([1, -1]); // unit 2 of layer 1 dead (a = −x)
    l1.bias!.value.data.set([0, 0]);
    l2.weight.value.data.set([1, 0, -1, 0]); // layer 2: unit 1 alive, unit 2 dead
    l2.bias!.value.data.set([0, 0]);
    expect(read()).toEqual({
      "train-set dead/layer 1": 0.5,
      "train-set dead/layer 2": 0.5,
      "revived/layer 1": 0,
      "revived/layer 2": 0,
    });
    l2.weight.value.data.set([1, 0, 1, 0]); // layer 2's unit 2 comes back
    expect(read()).toMatchObject({ "train-set dead/layer 2": 0, "revived/layer 2": 0.5, "revived/layer 1": 0 });
  });

  it("through RunConfig: with plain SGD no unit of layer 1 ever comes back", async () => {
    const config: RunConfig = {
      data: { dataset: "blobs", trainSize: 200, valSize: 50, batchSize: 20 },
      model: { sizes: [2, 16, 16, 3], activation: "relu", init: "kaiming", biasInit: -0.5 },
      optim: { name: "sgd", lr: 1 },
      epochs: 5,
      evalAtStart: true,
      metrics: ["deadUnitsPerLayer"],
    };
    const h = await run(config, { seed: 0, live: false });
    const dead1 = h.series("train-set dead/layer 1", "val").map((p) => p.value);
    expect(dead1).toHaveLength(6);
    expect(Math.max(...dead1)).toBeGreaterThan(0);
    expect(h.series("revived/layer 1", "val").every((p) => p.value === 0)).toBe(true);
    for (let i = 1; i < dead1.length; i++) expect(dead1[i]).toBeGreaterThanOrEqual(dead1[i - 1]); // never fewer
  });
});
