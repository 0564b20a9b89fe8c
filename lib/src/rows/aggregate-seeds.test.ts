import { describe, expect, it } from "vitest";
import { aggregateSeeds, thinLines } from "./aggregate-seeds";
import type { MetricRow } from "./types";

function row(seed: number, step: number, value: number, extra: Partial<MetricRow> = {}): MetricRow {
  return { run: "r", seed, step, epoch: 0, split: "train", metric: "loss", value, ...extra };
}

// Seeds 0, 1, 2 at step 0 with values 1, 2, 6: mean = 9/3 = 3; deviations −2, −1, 3 → squares 4 + 1 + 9 = 14;
// sample variance 14/(3 − 1) = 7, so std = √7 ≈ 2.6458; min 1, max 6.
const three = [row(0, 0, 1), row(1, 0, 2), row(2, 0, 6)];

describe("aggregateSeeds", () => {
  it("std band: mean ± sample std over seeds at each step", () => {
    const [a] = aggregateSeeds(three, { x: "step", color: "run", band: "std" });
    expect(a.mean).toBe(3);
    expect(a.std).toBeCloseTo(Math.sqrt(7), 12);
    expect(a.lo).toBeCloseTo(3 - Math.sqrt(7), 12);
    expect(a.hi).toBeCloseTo(3 + Math.sqrt(7), 12);
    expect([a.min, a.max, a.n, a.series]).toEqual([1, 6, 3, "r"]);
  });

  it("minmax band: the seeds' min and max; none: a zero-width band at the mean", () => {
    const [mm] = aggregateSeeds(three, { x: "step", color: "run", band: "minmax" });
    expect([mm.lo, mm.hi]).toEqual([1, 6]);
    const [none] = aggregateSeeds(three, { x: "step", color: "run", band: "none" });
    expect([none.lo, none.hi]).toEqual([3, 3]);
  });

  it("one seed has std 0 (not NaN from dividing by n − 1 = 0)", () => {
    const [a] = aggregateSeeds([row(0, 5, 2.5)], { x: "step", color: "run", band: "std" });
    expect([a.mean, a.std, a.lo, a.hi, a.n]).toEqual([2.5, 0, 2.5, 2.5, 1]);
  });

  it("keeps series, splits, metrics and steps apart, sorted by step", () => {
    const rows = [
      row(0, 10, 1, { knobValue: 0.9, knob: "m" }),
      row(1, 10, 3, { knobValue: 0.9, knob: "m" }),
      row(0, 0, 5, { knobValue: 0.9, knob: "m" }),
      row(0, 0, 7, { knobValue: 0, knob: "m" }),
      row(0, 0, 9, { knobValue: 0, knob: "m", split: "val" }),
    ];
    const out = aggregateSeeds(rows, { x: "step", color: "knobValue", band: "std" });
    expect(out.map((r) => [r.series, r.split, r.step, r.mean, r.n])).toEqual([
      [0.9, "train", 0, 5, 1],
      [0, "train", 0, 7, 1],
      [0, "val", 0, 9, 1],
      [0.9, "train", 10, 2, 2], // (1 + 3)/2
    ]);
  });

  it("groups by step, so wall-clock x is the seeds' mean time at that step", () => {
    // Times 0.1, 0.2, 0.6 s at step 10 → x = 0.9/3 = 0.3 s; grouping by time would give three 1-seed points.
    const rows = [row(0, 10, 1, { time: 0.1 }), row(1, 10, 2, { time: 0.2 }), row(2, 10, 6, { time: 0.6 })];
    const out = aggregateSeeds(rows, { x: "time", color: "run", band: "std" });
    expect(out).toHaveLength(1);
    expect(out[0].x).toBeCloseTo(0.3, 12);
    expect(out[0].n).toBe(3);
  });

  it("names series knob=value when the rows hold several knobs, and sets the facet key", () => {
    const rows = [row(0, 0, 1, { knob: "lr", knobValue: 0.1 }), row(0, 0, 2, { knob: "momentum", knobValue: 0.1 })];
    const out = aggregateSeeds(rows, { x: "step", color: "knobValue", band: "none", facet: "metric" });
    expect(out.map((r) => [r.series, r.facet])).toEqual([
      ["lr=0.1", "loss"],
      ["momentum=0.1", "loss"],
    ]);
  });
});

describe("thinLines", () => {
  it("keeps every k-th point of each line plus its last, k = ⌈line length / maxPoints⌉ per line", () => {
    // Line a has steps 0..9 (10 points): maxPoints 4 → k = ⌈10/4⌉ = 3 → steps 0, 3, 6, 9 (9 is also its last).
    // Line b has steps 0..2 (3 points ≤ 4): k = 1, all kept. The returned stride is the largest k, 3.
    const rows = [...Array(10).keys()].flatMap((step) => [
      row(0, step, step, { run: "a" }),
      ...(step < 3 ? [row(0, step, step, { run: "b" })] : []),
    ]);
    const { rows: out, stride } = thinLines(aggregateSeeds(rows, { x: "step", color: "run", band: "none" }), 4);
    expect(stride).toBe(3);
    expect(out.filter((r) => r.series === "a").map((r) => r.step)).toEqual([0, 3, 6, 9]);
    expect(out.filter((r) => r.series === "b").map((r) => r.step)).toEqual([0, 1, 2]);
    expect(thinLines(aggregateSeeds(rows, { x: "step", color: "run", band: "none" }), 10).stride).toBe(1);
  });
});
