import { describe, expect, it } from "vitest";
import { perClassRows } from "./per-class-rows";
import type { MetricRow } from "../rows/types";

describe("perClassRows", () => {
  const row = (metric: string, value: number): MetricRow => ({
    run: "augment=hflip",
    seed: 1,
    step: 5,
    epoch: 1,
    split: "val",
    metric,
    value,
    knob: "data.augment",
    knobValue: "hflip",
  });
  it("turns 'accuracy/class k' rows into rows of the knob 'class'", () => {
    const out = perClassRows([
      row("accuracy", 0.9),
      row("accuracy/class 0", 0.8),
      row("accuracy/class 7", 0.6),
      row("loss/class 1", 2),
    ]);
    expect(out.map((r) => [r.run, r.metric, r.knob, r.knobValue, r.value, r.seed])).toEqual([
      ["class 0", "accuracy", "class", 0, 0.8, 1],
      ["class 7", "accuracy", "class", 7, 0.6, 1],
    ]);
    expect(perClassRows([row("loss/class 1", 2)], "loss")[0].knobValue).toBe(1);
    expect(() => perClassRows([row("accuracy", 0.9)])).toThrow('perClassRows: no "accuracy/class k" rows');
  });
});
