import { describe, expect, it } from "vitest";
import { barChart } from "./bar-chart";
import { curves } from "./curves";
import { histograms } from "./histograms";
import { heatmap } from "./heatmap";
import type { MetricRow } from "./types";

const rows: MetricRow[] = [0, 0.5, 0.9].flatMap((m) =>
  [0, 1].flatMap((seed) =>
    [0, 10].flatMap((step) =>
      ["train", "val"].map((split) => ({
        run: `optim.momentum=${m}`,
        seed,
        step,
        epoch: step / 10,
        split,
        metric: "loss",
        value: 1 + m - step * 0.01 + seed * 0.01,
        knob: "optim.momentum",
        knobValue: m,
      })),
    ),
  ),
);
type Obj = Record<string, any>;
const lineColour = (s: Obj) => s.layer.find((l: Obj) => l.mark.type === "line").encoding.color;

describe("applyChartOptions (through the builders)", () => {
  it("sets width/height on the view (the panel of a faceted chart) and keeps the notes under a new title", () => {
    const flat = curves(rows, { width: 600, height: 200, title: "loss" }) as Obj;
    expect([flat.width, flat.height]).toEqual([600, 200]);
    expect(flat.title.text).toBe("loss");
    expect(flat.title.subtitle).toContain("line: mean over 2 seeds; band: ± 1 std over seeds");
    const faceted = curves(rows, { facet: "split", width: 180 }) as Obj;
    expect(faceted.spec.width).toBe(180);
    expect(faceted.width).toBeUndefined();
  });

  it("sets the legend title and order; an entry not in the legend is an error that lists the entries", () => {
    const s = curves(rows, { legendTitle: "momentum γ", legendOrder: [0.9] }) as Obj;
    expect(lineColour(s)).toMatchObject({ title: "momentum γ", sort: [0.9, 0, 0.5] });
    expect(() => curves(rows, { legendOrder: [0.8] })).toThrow(
      "curves: legendOrder names 0.8, not in the legend; its entries are: 0, 0.5, 0.9",
    );
    expect(() => histograms([{ layer: 1, value: 1 }], { legendTitle: "x" })).toThrow(
      "histograms: legendTitle/legendOrder given, but this chart has no legend",
    );
  });

  it("sets the x label angle on every x axis", () => {
    const s = barChart([{ x: "a long category", mean: 1 }], { labelAngle: -45 }) as Obj;
    for (const l of s.layer) expect(l.encoding.x.axis.labelAngle).toBe(-45);
  });

  it("adds dashed grey rules (own one-row data, so they work inside facets) with labels, and events as x rules", () => {
    const s = curves(rows, { facet: "split", rules: [{ y: 1.2, label: "target" }] }) as Obj;
    const rules = s.spec.layer.filter((l: Obj) => l.mark.type === "rule");
    expect(rules).toEqual([
      {
        data: { values: [{}] },
        mark: { type: "rule", strokeDash: [5, 4], color: "#888", strokeWidth: 1.2 },
        encoding: { y: { datum: 1.2 } },
      },
    ]);
    expect(s.spec.layer.some((l: Obj) => l.encoding?.text?.value === "target")).toBe(true);
    // A unit spec (heatmap layers already) and a single-mark chart both gain rule layers.
    const h = heatmap(
      [1, 2].flatMap((x) => [1, 2].map((y) => ({ x, y, value: x + y }))),
      { events: [{ x: 2, label: "here" }] },
    ) as Obj;
    expect(h.layer.filter((l: Obj) => l.mark.type === "rule")).toHaveLength(1);
  });

  it("rejects bad options with the builder's name", () => {
    expect(() => curves(rows, { width: -5 })).toThrow("curves: width must be a number ≥ 10, got -5");
    expect(() => curves(rows, { rules: [{ x: 1, y: 2 }] })).toThrow("curves: a rule needs exactly one of x or y");
    expect(() => curves(rows, { logY: true, rules: [{ y: 0 }] })).toThrow(
      "curves: a rule at y = 0 cannot be drawn on the log y axis (needs > 0)",
    );
  });
});

describe("curves fixes", () => {
  it("never draws a band below 0 for a metric that is never negative", () => {
    const spiky = [0, 1, 2].map((seed) => ({ ...rows[0], seed, value: seed === 2 ? 3 : 0.01 }));
    const s = curves(spiky, { band: "std" }) as Obj;
    const lo = s.data.values.filter((r: Obj) => r.kind === "curve").map((r: Obj) => r.lo);
    expect(Math.min(...lo)).toBe(0); // mean 1.007, std 1.72: mean − std < 0 is clipped to 0
  });

  it("more than 6 lines get direct labels at their ends; more than 8 a 20-colour palette; facets fill the grid", () => {
    const many = (n: number) =>
      [...Array(n).keys()].flatMap((k) =>
        [0, 10].map((step) => ({ ...rows[0], run: `r${k}`, knobValue: k, step, value: k + 1 })),
      );
    const six = curves(many(6)) as Obj;
    expect(six.layer.some((l: Obj) => l.mark.type === "text" && l.encoding.text?.field === "series")).toBe(false);
    const seven = curves(many(7)) as Obj;
    const labels = seven.layer.find((l: Obj) => l.mark.type === "text" && l.encoding.text?.field === "series");
    expect(labels).toBeDefined();
    expect(seven.data.values.filter((r: Obj) => r.end).map((r: Obj) => r.step)).toEqual(Array(7).fill(10));
    expect(lineColour(seven).scale).toBeUndefined();
    expect(lineColour(curves(many(9)) as Obj).scale).toEqual({ scheme: "tableau20" });
    expect(() => curves(many(21))).toThrow("curves: 21 lines are too many to tell apart");
    const facets = curves(many(4), { facet: "knobValue" }) as Obj;
    expect(facets.columns).toBe(2); // 2 × 2, not 3 + 1
    expect(facets.facet.title).toBe("momentum");
  });

  it("bounds log axes to the data", () => {
    const s = curves(rows, { logY: true }) as Obj;
    const y = s.layer.find((l: Obj) => l.mark.type === "line").encoding.y.scale;
    expect(y.type).toBe("log");
    expect(y.nice).toBe(false);
    expect(y.domain[0]).toBeGreaterThan(0.8);
    expect(y.domain[1]).toBeLessThan(2);
  });
});
