import { describe, expect, it } from "vitest";
import { lrDrops } from "./lr-drops";
import type { MetricRow } from "../rows/types";

const lr = (seed: number, step: number, value: number, knobValue = "plateau"): MetricRow => ({
  run: `schedule=${knobValue}`,
  seed,
  step,
  epoch: 0,
  split: "train",
  metric: "lr",
  value,
  knobValue,
});

describe("lrDrops", () => {
  it("marks the step after which η changed, counting the seeds that changed there", () => {
    const rows = [
      lr(0, 1, 1),
      lr(0, 2, 1),
      lr(0, 3, 0.1),
      lr(0, 4, 0.1),
      lr(0, 5, 0.01),
      lr(1, 1, 1),
      lr(1, 2, 1),
      lr(1, 3, 0.1),
      lr(1, 4, 0.1),
      lr(1, 5, 0.1),
      lr(0, 1, 1, "constant"),
      lr(0, 2, 0.5, "constant"),
    ];
    expect(lrDrops(rows, { knobValue: "plateau" })).toEqual([
      { x: 2, label: "÷10 (2 seeds)" },
      { x: 4, label: "÷10" },
    ]);
    expect(lrDrops(rows, { knobValue: "constant" }, "halved")).toEqual([{ x: 1, label: "halved: ÷2" }]);
  });
  it("says when nothing matches", () => {
    expect(() => lrDrops([lr(0, 1, 1)], { knobValue: "step" })).toThrow(/no "lr" rows/);
  });
});
