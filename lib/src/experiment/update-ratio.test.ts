import { describe, expect, it } from "vitest";
import { updateRatio, runWithUpdateRatio } from "./update-ratio";
import { Linear, Sequential, ReLU } from "../nn";
import type { RunConfig } from "./config";

describe("updateRatio", () => {
  it("is ‖ΔW‖/‖W‖ over the weight matrices, biases left out", () => {
    const model = new Sequential(new Linear(2, 2, { seed: 0 }), new ReLU());
    const [w, b] = model.parameters();
    w.value.data.set([3, 0, 0, 4]); // ‖W‖ = 5
    const ratio = updateRatio();
    expect(ratio(model)).toBeNaN(); // no previous weights yet
    w.value.data.set([3, 0.3, 0, 4]); // ΔW = 0.3 in one entry; ‖W‖ = √(25.09)
    b.value.data.set([100, 100]); // a bias change does not count
    expect(ratio(model)).toBeCloseTo(0.3 / Math.sqrt(25.09), 6); // float32 weights
    expect(ratio(model)).toBe(0); // nothing changed since the last call
  });

  it("records the ratio of every SGD step after the first; it scales with η", async () => {
    const base: RunConfig = {
      data: { dataset: "moons", trainSize: 64, valSize: 32, batchSize: 16, noise: 0.1 },
      model: { sizes: [2, 8, 2], activation: "relu", init: "kaiming" },
      optim: { name: "sgd", lr: 0.01 },
      epochs: 1,
    };
    const small = await runWithUpdateRatio(base, { seed: 0, run: "small" });
    const large = await runWithUpdateRatio({ ...base, optim: { name: "sgd", lr: 0.1 } }, { seed: 0, run: "large" });
    const s = small.series("update/weight", "train");
    const l = large.series("update/weight", "train");
    expect(s.map((p) => p.step)).toEqual([2, 3, 4]);
    // Same batches and weights at step 1, so the second update differs mostly by the 10× step size.
    expect(l[0].value / s[0].value).toBeGreaterThan(5);
    expect(l[0].value / s[0].value).toBeLessThan(20);
    expect(small.last("loss", "val")).toBeGreaterThan(0); // the usual rows are still there
  });
});
