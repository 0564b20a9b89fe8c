import { describe, expect, it } from "vitest";
import { run } from "./run";
import { buildRun } from "./build";
import { evaluate } from "./evaluate";
import type { RunConfig } from "./config";

describe("evalAtStart", () => {
  const config: RunConfig = {
    data: { dataset: "blobs", trainSize: 120, valSize: 60, batchSize: 20 },
    model: { sizes: [2, 8, 3], activation: "relu", init: "kaiming" },
    optim: { name: "sgd", lr: 0.1 },
    epochs: 1,
    evalEvery: 3,
    evalAtStart: true,
    metrics: ["deadUnits"],
  };

  it("evaluates the initial weights at step 0, extra metrics included", async () => {
    const h = await run(config, { seed: 0, live: false });
    expect(h.series("accuracy", "val").map((p) => p.step)).toEqual([0, 3, 6]); // 120 / 20 = 6 steps
    expect(h.series("dead fraction", "val").map((p) => p.step)).toEqual([0, 3, 6]);
    // The same config and seed rebuild the same initial model and validation set (see buildRun).
    const parts = buildRun(config, 0);
    const atInit = evaluate(parts.model, parts.val!, parts.loss);
    expect(h.series("loss", "val")[0].value).toBe(atInit.loss);
    expect(h.series("accuracy", "val")[0].value).toBe(atInit.accuracy);
  });

  it("changes nothing else: the later rows equal those of a run without it", async () => {
    const h = await run(config, { seed: 0, live: false });
    const plain = await run({ ...config, evalAtStart: false }, { seed: 0, live: false });
    expect(plain.series("accuracy", "val").map((p) => p.step)).toEqual([3, 6]);
    const later = (rows: typeof h.rows) => rows.filter((r) => r.step > 0).map(({ time: _t, ...r }) => r);
    expect(later(h.rows)).toEqual(later(plain.rows));
  });
});
