import { describe, expect, it } from "vitest";
import { balancedAccuracy, sortedBlockPredictions } from "./sorted-blocks";
import type { RunConfig } from "./config";
import type { MetricRow } from "../rows/types";

describe("balancedAccuracy", () => {
  it("averages the per-class accuracies of each evaluation", () => {
    const row = (k: number, value: number, step = 5): MetricRow => ({
      run: "a",
      seed: 0,
      step,
      epoch: 0,
      split: "val",
      metric: `accuracy/class ${k}`,
      value,
    });
    const out = balancedAccuracy([row(0, 1), row(1, 0), row(2, 0.5), row(0, 1, 10), row(1, 1, 10), row(2, 1, 10)]);
    expect(out.map((r) => [r.step, r.metric, r.value])).toEqual([
      [5, "balanced accuracy", 0.5],
      [10, "balanced accuracy", 1],
    ]);
    expect(() => balancedAccuracy([])).toThrow(/perClassAccuracy/);
  });
});

describe("sortedBlockPredictions", () => {
  it("records one entry per label block, and a sorted net predicts mostly the block's own label", () => {
    const config: RunConfig = {
      data: { dataset: "mnist", trainSize: 1000, valSize: 300, batchSize: 20 },
      model: { sizes: [784, 32, 10], init: "kaiming" },
      optim: { name: "sgd", lr: 0.1 },
    };
    const blocks = sortedBlockPredictions(config, 0);
    expect(blocks.map((b) => b.block)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const b of blocks) expect(b.shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1);
    const own = blocks.map((b) => b.shares[b.block]);
    expect(own.reduce((s, v) => s + v, 0) / own.length).toBeGreaterThan(0.5);
    expect(Math.max(...blocks.map((b) => b.balancedAccuracy))).toBeLessThan(0.6);
  });
});
