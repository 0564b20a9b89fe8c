import { describe, expect, it } from "vitest";
import { run } from "../run";
import type { RunConfig } from "../config";

const base: RunConfig = {
  data: { dataset: "blobs", trainSize: 200, valSize: 100, batchSize: 20 },
  model: { sizes: [2, 16, 3], activation: "relu" },
  optim: { name: "sgd", lr: 0.1 },
  epochs: 20,
  evalEvery: 2,
};

describe("stopAtTarget", () => {
  it("stops at the first evaluation that reaches the target and records that step", async () => {
    const full = await run(base, { seed: 0, live: false });
    const val = full.series("loss", "val");
    const target = val[Math.floor(val.length / 3)].value;
    const first = val.find((p) => p.value <= target)!.step;
    const h = await run({ ...base, stopAtTarget: { metric: "loss", value: target } }, { seed: 0, live: false });
    expect(h.last("steps to target", "val")).toBe(first);
    expect(Math.max(...h.rows.map((r) => r.step))).toBe(first);
  });

  it("records Infinity when the run ends without reaching it", async () => {
    const h = await run({ ...base, epochs: 1, stopAtTarget: { metric: "loss", value: -1 } }, { seed: 0, live: false });
    expect(h.last("steps to target", "val")).toBe(Infinity);
  });
});
