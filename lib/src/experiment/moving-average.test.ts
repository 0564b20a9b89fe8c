import { describe, expect, it } from "vitest";
import { movingAverage } from "./moving-average";
import type { MetricRow } from "../rows/types";

const row = (run: string, seed: number, step: number, value: number, split = "train"): MetricRow => ({
  run,
  seed,
  step,
  epoch: 0,
  split,
  metric: "loss",
  value,
});

describe("movingAverage", () => {
  it("averages the latest `window` values of each run and seed separately", () => {
    const rows = [
      row("a", 0, 1, 4),
      row("a", 1, 1, 100),
      row("a", 0, 2, 2),
      row("a", 0, 3, 6),
      row("a", 0, 4, 1),
      row("a", 0, 4, 0.5, "val"), // another split: ignored
      row("a", 1, 2, 50),
    ];
    const out = movingAverage(rows, { window: 2 });
    // seed 0: 4 → 4; (4+2)/2 = 3; (2+6)/2 = 4; (6+1)/2 = 3.5. Seed 1: 100; (100+50)/2 = 75.
    expect(out.filter((r) => r.seed === 0).map((r) => r.value)).toEqual([4, 3, 4, 3.5]);
    expect(out.filter((r) => r.seed === 1).map((r) => r.value)).toEqual([100, 75]);
    expect(out.every((r) => r.split === "train (moving avg)")).toBe(true);
    expect(out.map((r) => r.step)).toEqual([1, 1, 2, 3, 4, 2]);
  });

  it("recovers after an exploding value leaves the window", () => {
    const rows = [1e20, 1, 1, 1].map((v, i) => row("a", 0, i + 1, v));
    expect(movingAverage(rows, { window: 2 }).map((r) => r.value)).toEqual([1e20, 5e19, 1, 1]);
  });

  it("names the split as asked and explains what is missing", () => {
    expect(movingAverage([row("a", 0, 1, 2)], { window: 5, as: "smoothed" })[0].split).toBe("smoothed");
    expect(() => movingAverage([row("a", 0, 1, 2, "val")], { window: 3 })).toThrow(/no rows .* have: val\/loss/);
    expect(() => movingAverage([row("a", 0, 1, 2)], { window: 0 })).toThrow(/window/);
  });
});
