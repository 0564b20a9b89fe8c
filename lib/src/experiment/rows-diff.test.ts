import { describe, expect, it } from "vitest";
import { rowsDiff } from "./rows-diff";
import type { MetricRow } from "../rows/types";

const row = (step: number, value: number, metric = "loss", run = "a"): MetricRow => ({
  run,
  seed: 0,
  step,
  epoch: 0,
  split: "train",
  metric,
  value,
  time: step,
});

describe("rowsDiff", () => {
  it("finds identical runs identical, whatever their names and times", () => {
    const a = [row(1, 0.5), row(2, 0.25)];
    const b = [row(1, 0.5, "loss", "b"), row(2, 0.25, "loss", "b")].map((r) => ({ ...r, time: 99 }));
    expect(rowsDiff(a, b)).toEqual({ compared: 2, maxAbs: 0, firstStep: Infinity, onlyA: 0, onlyB: 0 });
  });

  it("reports the first differing step, the largest difference and unmatched rows", () => {
    const a = [row(1, 0.5), row(2, 0.25), row(3, 0.2), row(4, 0.1)];
    const b = [row(1, 0.5), row(2, 0.35), row(3, 0.1), row(5, 0.1)];
    const d = rowsDiff(a, b);
    expect(d.compared).toBe(3);
    expect(d.firstStep).toBe(2);
    expect(d.maxAbs).toBeCloseTo(0.1, 12);
    expect([d.onlyA, d.onlyB]).toEqual([1, 1]);
  });

  it("compares only the rows `keep` accepts", () => {
    const a = [row(1, 0.5), row(1, 0.9, "accuracy")];
    const b = [row(1, 0.5), row(1, 0.1, "accuracy")];
    expect(rowsDiff(a, b, (r) => r.metric === "loss").maxAbs).toBe(0);
    expect(rowsDiff(a, b).firstStep).toBe(1);
  });
});
