import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { run } from "./run";
import { buildRun } from "./build";
import { Linear, CrossEntropyLoss } from "../nn";
import { Tensor } from "../tensor";
import type { RunConfig } from "./config";

describe("evaluate", () => {
  it("gives the accuracy of each class, NaN for a class with no rows", () => {
    // Identity weights and zero bias: the logits are the inputs, so the prediction is the position of the 1.
    const fc = new Linear(3, 3, { seed: 0 });
    fc.weight.value.data.set([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    fc.bias!.value.data.fill(0);
    const x = Tensor.fromRows([
      [1, 0, 0], // label 0, predicted 0 ✓
      [0, 1, 0], // label 0, predicted 1 ✗
      [0, 0, 1], // label 0, predicted 2 ✗
      [0, 1, 0], // label 1, predicted 1 ✓
      [0, 0, 1], // label 1, predicted 2 ✗
    ]);
    const y = Int32Array.from([0, 0, 0, 1, 1]);
    // Chunks of 2 rows check that counts add up across chunks: class 0 is 1/3, class 1 is 1/2, overall 2/5.
    const r = evaluate(fc, { x, y }, new CrossEntropyLoss(), 2);
    expect(r.accuracy).toBeCloseTo(2 / 5, 12);
    expect(r.perClassAccuracy).toHaveLength(3);
    expect(r.perClassAccuracy[0]).toBeCloseTo(1 / 3, 12);
    expect(r.perClassAccuracy[1]).toBeCloseTo(1 / 2, 12);
    expect(r.perClassAccuracy[2]).toBeNaN();
  });

  it("run records accuracy/class k rows when the config asks for perClassAccuracy", async () => {
    const config: RunConfig = {
      data: { dataset: "blobs", trainSize: 120, valSize: 60, batchSize: 20 },
      model: { sizes: [2, 8, 3], activation: "relu", init: "kaiming" },
      optim: { name: "sgd", lr: 0.1 },
      epochs: 1,
      evalEvery: 3,
      metrics: ["perClassAccuracy"],
    };
    const h = await run(config, { seed: 0, live: false });
    const overall = h.series("accuracy", "val");
    expect(overall.length).toBe(2); // 6 steps: evaluations at steps 3 and 6
    const perClass = [0, 1, 2].map((k) => h.series(`accuracy/class ${k}`, "val"));
    for (const s of perClass) expect(s.map((p) => p.step)).toEqual(overall.map((p) => p.step));
    // Same pass as the overall accuracy: its weighted mean by class counts is the overall accuracy.
    const valY = buildRun(config, 0).val!.y; // the same validation set as the run's (same seed streams)
    const counts = [0, 1, 2].map((k) => valY.filter((v) => v === k).length);
    const weighted = perClass.reduce((acc, s, k) => acc + s[1].value * counts[k], 0) / 60;
    expect(weighted).toBeCloseTo(overall[1].value, 12);
    // Without the option: no per-class rows; an unknown name is a clear error.
    const plain = await run({ ...config, metrics: undefined }, { seed: 0, live: false });
    expect(plain.rows.some((r) => r.metric.startsWith("accuracy/class"))).toBe(false);
    await expect(run({ ...config, metrics: ["recall" as "perClassAccuracy"] }, { live: false })).rejects.toThrow(
      'Unknown metric "recall"',
    );
  });
});
