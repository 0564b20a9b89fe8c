import { describe, expect, it } from "vitest";
import { curves } from "./curves";
import type { MetricRow } from "./types";

function row(seed: number, step: number, value: number, extra: Partial<MetricRow> = {}): MetricRow {
  return { run: "base", seed, step, epoch: step / 10, split: "train", metric: "loss", value, ...extra };
}
const spec = (s: unknown) =>
  s as { title: { text: string; subtitle?: string[] }; data: { values: any[] }; [k: string]: any };
const curveRows = (s: unknown) => spec(s).data.values.filter((v) => v.kind === "curve");
const lineLayer = (s: unknown) => (spec(s).layer ?? spec(s).spec.layer).find((l: any) => l.mark.type === "line");

describe("curves", () => {
  it("draws the mean over seeds with a ± std band at every step", () => {
    // Step 0: values 1, 2, 6 → mean 3, sample std √7 (see aggregate-seeds.test.ts). Step 1: 4, 4, 4 → mean 4, std 0.
    const rows = [row(0, 0, 1), row(1, 0, 2), row(2, 0, 6), row(0, 1, 4), row(1, 1, 4), row(2, 1, 4)];
    const s = curves(rows);
    const [a, b] = curveRows(s);
    expect([a.step, a.mean, a.n]).toEqual([0, 3, 3]);
    expect(a.lo).toBeCloseTo(3 - Math.sqrt(7), 12);
    expect(a.hi).toBeCloseTo(3 + Math.sqrt(7), 12);
    expect([b.step, b.mean, b.lo, b.hi]).toEqual([1, 4, 4, 4]);
    expect(spec(s).title.subtitle).toContain("line: mean over 3 seeds; band: ± 1 std over seeds");
    expect(spec(s).layer.map((l: any) => l.mark.type)).toEqual(["area", "line"]);
  });

  it("minmax band spans the seeds' min and max", () => {
    const [a] = curveRows(curves([row(0, 0, 1), row(1, 0, 2), row(2, 0, 6)], { band: "minmax" }));
    expect([a.lo, a.hi]).toEqual([1, 6]);
  });

  it("drops NaN and ±Infinity values, says how many in the subtitle, and averages the rest", () => {
    // Step 0 keeps 1 and 3 (mean 2); the NaN of seed 2 and the Infinity at step 1 are dropped: 2 values.
    const rows = [row(0, 0, 1), row(1, 0, 3), row(2, 0, NaN), row(0, 1, Infinity), row(1, 1, 5)];
    const s = curves(rows);
    expect(curveRows(s).map((r) => [r.step, r.mean, r.n])).toEqual([
      [0, 2, 2],
      [1, 5, 1],
    ]);
    expect(spec(s).title.subtitle?.[0]).toBe("dropped 2 values (NaN or ±Infinity), e.g. from a diverged run");
  });

  it("throws clear errors for empty rows, all-NaN rows, a missing field and an unknown metric", () => {
    expect(() => curves([])).toThrow("curves: no rows to plot (got an empty array)");
    expect(() => curves([row(0, 0, NaN), row(1, 0, -Infinity)])).toThrow("curves: all 2 values are NaN or ±Infinity");
    expect(() => curves([row(0, 0, 1)], { x: "samples" })).toThrow('curves: rows[0] has no numeric "samples"');
    expect(() => curves([{ ...row(0, 0, 1), metric: undefined } as unknown as MetricRow])).toThrow(
      'curves: rows[0] has no "metric"',
    );
    expect(() => curves([row(0, 0, 1)], { metric: "accuracy" })).toThrow(
      "curves: no rows with metric accuracy (the rows have metric: loss)",
    );
  });

  it("on a log axis drops values ≤ 0 and clamps a band edge below 0 to the seeds' minimum", () => {
    // Values 0.1 and 2.1: mean 1.1, std = √((1² + 1²)/1) = √2 ≈ 1.414 → mean − std < 0, so lo = min = 0.1.
    const rows = [row(0, 0, 0.1), row(1, 0, 2.1), row(2, 0, 0), row(0, 1, 1)];
    const s = curves(rows, { logY: true });
    const [a] = curveRows(s);
    expect(a.lo).toBe(0.1);
    expect(a.hi).toBeCloseTo(1.1 + Math.SQRT2, 12);
    expect(spec(s).title.subtitle).toContain("dropped 1 point with value ≤ 0 (log axis)");
    expect(() => curves([row(0, 0, 0)], { logY: true })).toThrow("curves: no value > 0 left for the log axis");
  });

  it("colours a sweep by knob value (legend titled with the knob's name), dashes val vs train, and facets several metrics", () => {
    const sweep = [0, 0.9].flatMap((m) =>
      ["train", "val"].flatMap((split) =>
        ["loss", "accuracy"].map((metric) => row(0, 0, 1, { knob: "optim.momentum", knobValue: m, split, metric })),
      ),
    );
    const s = curves(sweep, { events: [{ x: 0, label: "drop" }] });
    const line = lineLayer(s);
    expect(line.encoding.color).toMatchObject({ field: "series", title: "momentum", sort: [0, 0.9] }); // human name
    expect(line.encoding.strokeDash).toMatchObject({ field: "split", sort: ["train", "val"] });
    expect(spec(s).facet).toMatchObject({ field: "facet", sort: ["loss", "accuracy"] });
    expect(spec(s).resolve).toEqual({ scale: { y: "independent" } });
    // One event row per panel, so the marker shows in each.
    const events = spec(s).data.values.filter((v) => v.kind === "event");
    expect(events.map((e) => e.facet)).toEqual(["loss", "accuracy"]);
  });

  it("uses the run name for colour when rows have no knob, and x = epoch when asked", () => {
    const s = curves([row(0, 20, 1, { run: "a" }), row(0, 20, 2, { run: "b" })], { x: "epoch" });
    expect(curveRows(s).map((r) => [r.series, r.x])).toEqual([
      ["a", 2],
      ["b", 2],
    ]);
    expect(lineLayer(s).encoding.color.title).toBe("run");
    expect(spec(s).title.text).toBe("loss vs epoch");
  });
});
