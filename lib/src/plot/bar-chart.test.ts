import { describe, expect, it } from "vitest";
import { barChart, pointsWithErrorBars } from "./bar-chart";
import { barsFromSummary } from "./bar-rows";
import { formatCell, table } from "./table";
import type { SummaryRow } from "./types";

const spec = (s: unknown) =>
  s as { data: { values: any[] }; layer: any[]; title: { text: string; subtitle?: string[] }; encoding: any };

const summary: SummaryRow[] = [
  {
    run: "lr=0.1",
    knob: "optim.lr",
    knobValue: 0.1,
    split: "val",
    metric: "loss",
    mean: 0.5,
    std: 0.1,
    min: 0.4,
    max: 0.7,
    n: 3,
  },
  {
    run: "lr=1",
    knob: "optim.lr",
    knobValue: 1,
    split: "val",
    metric: "loss",
    mean: NaN,
    std: NaN,
    min: NaN,
    max: NaN,
    n: 3,
  },
];

describe("barsFromSummary", () => {
  it("takes x from the knob value and the error bar from std or min..max", () => {
    expect(barsFromSummary(summary)[0]).toEqual({ x: 0.1, mean: 0.5, std: 0.1 });
    expect(barsFromSummary(summary, "minmax")[0]).toEqual({ x: 0.1, mean: 0.5, lo: 0.4, hi: 0.7 });
    expect(barsFromSummary([{ ...summary[0], knobValue: undefined }])[0].x).toBe("lr=0.1");
  });
});

describe("barChart and pointsWithErrorBars", () => {
  it("turns std into mean ± std error bars and names diverged knob values in the subtitle", () => {
    const s = spec(pointsWithErrorBars(barsFromSummary(summary), { logX: true, xTitle: "learning rate" }));
    expect(s.data.values).toEqual([{ x: 0.1, mean: 0.5, lo: 0.4, hi: 0.6, group: "" }]); // 0.5 ∓ 0.1
    expect(s.title.subtitle).toEqual(["no finite value at x = 1 (diverged?)"]);
    expect(s.layer.map((l) => l.mark.type)).toEqual(["line", "point", "errorbar"]);
    // A log axis bounded to the data; one point gets half a decade on each side.
    const scale = s.layer[1].encoding.x.scale;
    expect(scale).toMatchObject({ type: "log", nice: false });
    expect(scale.domain[0]).toBeCloseTo(0.1 / Math.sqrt(10), 12);
    expect(scale.domain[1]).toBeCloseTo(0.1 * Math.sqrt(10), 12);
  });

  it("uses a few whole-number x values as the ticks", () => {
    const pts = (xs: number[]) => spec(pointsWithErrorBars(xs.map((x) => ({ x, mean: 1, std: 0.1 })))).layer[1];
    expect(pts([4, 0, 1, 2]).encoding.x.axis).toEqual({ values: [0, 1, 2, 4] });
    expect(pts([0, 0.5, 1]).encoding.x.axis).toBeUndefined();
    expect(pts([...Array(13).keys()]).encoding.x.axis).toBeUndefined();
    const logged = spec(
      pointsWithErrorBars(
        [1, 8, 64].map((x) => ({ x, mean: 1 })),
        { logX: true },
      ),
    );
    expect(logged.layer[1].encoding.x.axis).toBeUndefined();
  });

  it("cuts a lower whisker ≤ 0 at the mean on a log axis", () => {
    const s = spec(pointsWithErrorBars([{ x: "a", mean: 0.1, std: 0.3 }], { logY: true }));
    expect(s.data.values[0]).toMatchObject({ lo: 0.1, hi: 0.4 });
    expect(s.title.subtitle).toEqual(["1 lower error bar cut at the mean (they reach ≤ 0 on the log axis)"]);
  });

  it("puts groups side by side with xOffset, and draws no error bars when rows have none", () => {
    const s = spec(
      barChart([
        { x: "SGD", mean: 1, group: "train" },
        { x: "SGD", mean: 2, group: "val" },
      ]),
    );
    expect(s.layer).toHaveLength(1);
    expect(s.layer[0].encoding.xOffset).toEqual({ field: "group", sort: ["train", "val"] });
  });

  it("throws clear errors for bad rows", () => {
    expect(() => barChart([])).toThrow("barChart: no rows to plot");
    expect(() => barChart([{ x: "a" } as never])).toThrow('barChart: rows[0] has no numeric "mean"');
    expect(() => barChart([{ x: "a", mean: 1, lo: 0 }])).toThrow("barChart: row x=a has lo or hi but not both");
    expect(() => barChart([{ x: "a", mean: NaN }])).toThrow(
      "barChart: no finite mean to plot (all 1 are NaN, ±Infinity)",
    );
  });
});

describe("table", () => {
  it("formats numbers to 4 significant digits and lays cells out as (row, column, text)", () => {
    expect([formatCell(0.123456), formatCell(1234.5678), formatCell(42), formatCell(NaN), formatCell(null)]).toEqual([
      "0.1235",
      "1235",
      "42",
      "NaN",
      "",
    ]);
    const s = spec(table([{ a: 1, b: "x" }, { a: 0.5 }]));
    expect(s.data.values).toEqual([
      { row: 0, col: "a", text: "1" },
      { row: 0, col: "b", text: "x" },
      { row: 1, col: "a", text: "0.5" },
      { row: 1, col: "b", text: "" },
    ]);
    expect(s.encoding.x.sort).toEqual(["a", "b"]);
  });

  it("throws for no rows or a column no row has", () => {
    expect(() => table([])).toThrow("table: no rows to plot");
    expect(() => table([{ a: 1 }], ["a", "mean"])).toThrow("table: no row has the column(s) mean");
  });
});
