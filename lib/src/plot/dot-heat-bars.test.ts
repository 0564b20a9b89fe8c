import { describe, expect, it } from "vitest";
import { compare } from "../stats/compare";
import { dotPlot } from "./dot-plot";
import { heatmap } from "./heatmap";
import { renderSvg } from "./render";
import { logBars } from "./log-bars";
import { pointsWithErrorBars } from "./bar-chart";
import type { MetricRow } from "./types";

type Obj = Record<string, any>;
const acc = (lr: number, seed: number, value: number, metric = "accuracy"): MetricRow => ({
  run: `optim.lr=${lr}`,
  seed,
  step: 10,
  epoch: 1,
  split: "val",
  metric,
  value,
  knob: "optim.lr",
  knobValue: lr,
});

describe("dotPlot", () => {
  const rows = [0, 1, 2].flatMap((s) => [acc(0.01, s, 0.9 + s / 100), acc(0.1, s, 0.93 + s / 100)]);
  it("draws means and paired differences in percent, the baseline at 0, coloured by verdict", () => {
    const s = dotPlot(compare(rows, { metric: "accuracy", baseline: 0.01 })) as Obj;
    const diff = s.data.values.filter((r: Obj) => r.panel === "difference");
    expect(diff.map((r: Obj) => [r.setting, r.verdict])).toEqual([
      ["lr 0.01", "baseline"],
      ["lr 0.1", "helped"],
    ]);
    expect(diff[0]).toMatchObject({ value: 0, lo: 0, hi: 0 });
    expect(diff[1].value).toBeCloseTo(3, 10); // +0.03 on every seed = 3 points
    expect(s.hconcat).toHaveLength(2);
    expect(s.hconcat[1].layer[0].encoding.x).toEqual({ datum: 0 }); // the zero line
    expect(s.hconcat[0].layer[0].encoding.x.title).toBe("val accuracy (%), 95% CI");
  });
  it("leaves out diverged settings with a note, and checks `show`", () => {
    const diverged = [...rows, ...[0, 1, 2].map((s) => acc(10, s, NaN))];
    const s = dotPlot(compare(diverged, { metric: "accuracy", baseline: 0.01 }), { show: "mean" }) as Obj;
    expect(s.title.subtitle).toEqual(["diverged, not shown: lr 10"]);
    expect(s.hconcat).toBeUndefined();
    expect(() => dotPlot(compare(rows, { metric: "accuracy" }), { show: "bars" as "mean" })).toThrow(
      'dotPlot: show must be "both", "mean" or "difference", got "bars"',
    );
  });
});

describe("heatmap", () => {
  it("puts NaN cells in grey with a note, orders numeric axes ascending (y from the top down)", () => {
    const cells = [1, 0.1].flatMap((x) => [1e-4, 0].map((y) => ({ x, y, value: x === 1 && y === 0 ? NaN : x + y })));
    const s = heatmap(cells) as Obj;
    expect(s.title.subtitle).toEqual(["1 cell NaN or ±Infinity (grey), e.g. a diverged run"]);
    expect(s.data.values.find((v: Obj) => v.x === 1 && v.y === 0).value).toBeNull();
    const rect = s.layer[1].encoding;
    expect(rect.x.sort).toEqual([0.1, 1]);
    expect(rect.y.sort).toEqual([1e-4, 0]);
  });
  it("writes NaN in a missing cell, or the missingLabel given", async () => {
    const cells = [
      { x: 1, y: 1, value: 0.5 },
      { x: 2, y: 1, value: NaN },
    ];
    expect(await renderSvg(heatmap(cells))).toContain(">NaN<");
    const svg = await renderSvg(heatmap(cells, { missingLabel: "not reached" }));
    expect(svg).toContain(">not reached<");
    expect(svg).not.toContain(">NaN<");
  });
  it("rejects repeated cells and log colours of values ≤ 0", () => {
    expect(() =>
      heatmap([
        { x: 1, y: 1, value: 1 },
        { x: 1, y: 1, value: 2 },
      ]),
    ).toThrow("heatmap: cell (x=1, y=1) appears twice");
    expect(() => heatmap([{ x: 1, y: 1, value: 0 }], { logColor: true })).toThrow(
      "logColor needs every finite value > 0",
    );
  });
});

describe("logBars", () => {
  it("bounds the log axis to the data's decades, starts bars at its bottom and leaves out values ≤ 0", () => {
    const s = logBars([
      { x: "a", mean: 3 },
      { x: "b", mean: 4000, std: 100 },
      { x: "c", mean: 0 },
    ]) as Obj;
    const bar = s.layer[0].encoding;
    expect(bar.y.scale).toEqual({ type: "log", domain: [1, 10000], nice: false });
    expect(bar.y2).toEqual({ datum: 1 });
    expect(s.data.values.map((v: Obj) => v.x)).toEqual(["a", "b"]);
    expect(s.title.subtitle[0]).toMatch(/x = c/);
  });
  it("extends the axis to a reference line far from the bars", () => {
    const s = logBars([{ x: "a", mean: 3e-10 }], { rules: [{ y: 1e-6, label: "tolerance" }] }) as Obj;
    const [lo, hi] = s.layer[0].encoding.y.scale.domain;
    expect(lo).toBe(1e-10);
    expect(hi).toBeGreaterThanOrEqual(1e-6);
  });
});

describe("pointsWithErrorBars on a log x axis", () => {
  it("names x ≤ 0 in the subtitle instead of dropping it silently", () => {
    const s = pointsWithErrorBars(
      [0, 1e-4, 1e-3].map((x) => ({ x, mean: 1 })),
      { logX: true },
    ) as Obj;
    expect(s.data.values.map((v: Obj) => v.x)).toEqual([1e-4, 1e-3]);
    expect(s.title.subtitle).toEqual(["x = 0 not shown: ≤ 0 has no place on the log x axis"]);
    expect(() => pointsWithErrorBars([{ x: 0, mean: 1 }], { logX: true })).toThrow("logX needs some x > 0");
  });
});
