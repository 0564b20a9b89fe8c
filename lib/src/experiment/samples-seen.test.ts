import { describe, expect, it } from "vitest";
import type { MetricRow } from "../rows/types";
import { withSamplesSeen } from "./samples-seen";

const row = (step: number, knobValue?: number): MetricRow => ({
  run: "r",
  seed: 0,
  step,
  epoch: 0,
  split: "val",
  metric: "loss",
  value: 1,
  ...(knobValue === undefined ? {} : { knob: "data.batchSize", knobValue }),
});

describe("withSamplesSeen", () => {
  it("counts a short last batch: n = 10, m = 4 → steps of 4, 4, 2 per epoch", () => {
    const samples = withSamplesSeen(
      [0, 1, 2, 3, 4, 6].map((s) => row(s)),
      10,
      4,
    ).map((r) => r.samples);
    expect(samples).toEqual([0, 4, 8, 10, 14, 20]);
  });

  it("with dropLast, every batch is full: n = 10, m = 4 → 2 steps of 4 per epoch", () => {
    const samples = withSamplesSeen(
      [1, 2, 3, 4].map((s) => row(s)),
      10,
      4,
      { dropLast: true },
    ).map((r) => r.samples);
    expect(samples).toEqual([4, 8, 12, 16]);
  });

  it("reads the batch size from each row of a sweep", () => {
    const rows = [row(5, 2), row(5, 8)];
    expect(withSamplesSeen(rows, 100, (r) => r.knobValue as number).map((r) => r.samples)).toEqual([10, 40]);
  });

  it("rejects impossible sizes", () => {
    expect(() => withSamplesSeen([row(1)], 0, 4)).toThrow("trainSize = 0 must be an integer ≥ 1");
    expect(() => withSamplesSeen([row(1)], 10, 0)).toThrow("batch size 0 must be an integer ≥ 1");
    expect(() => withSamplesSeen([row(1)], 10, 20, { dropLast: true })).toThrow("gives no steps");
  });
});
