import { describe, expect, it } from "vitest";
import { compareAtEach } from "./compare-at-each";
import type { MetricRow } from "../rows/types";

/** Final val accuracy rows of a sweep over "optim.lr": value → one accuracy per seed (NaN: that seed diverged). */
function sweepRows(byValue: [number, number[]][]): MetricRow[] {
  return byValue.flatMap(([v, accs]) =>
    accs.flatMap((value, seed): MetricRow[] => {
      const common = { run: `optim.lr=${v}`, seed, epoch: 1, knob: "optim.lr", knobValue: Number(v) };
      return Number.isNaN(value)
        ? [{ ...common, step: 3, split: "train", metric: "diverged", value: 3 }]
        : [{ ...common, step: 10, split: "val", metric: "accuracy", value }];
    }),
  );
}

describe("compareAtEach", () => {
  const plain = sweepRows([
    [0.1, [0.8, 0.5, 0.9]],
    [1, [0.7, 0.72, 0.69]],
    [10, [NaN, 0.1, NaN]],
  ]);
  const bn = sweepRows([
    [0.1, [0.82, 0.52, 0.92]],
    [1, [0.71, 0.7, 0.7]],
    [10, [0.85, 0.86, 0.84]],
  ]);
  const cmp = compareAtEach(plain, bn, { metric: "accuracy", names: ["without BN", "with BN"] });

  it("pairs by seed at each knob value: a +2-point shift on every seed is 'helped' despite a 40-point seed spread", () => {
    const r = cmp.rows[0];
    expect(r.paired!.mean).toBeCloseTo(0.02, 12);
    expect(r.paired!.halfWidth).toBeLessThan(1e-12); // every seed differs by exactly 0.02
    expect(r.verdict).toBe("helped");
    expect(r.seedsAgreeing).toBe(3);
  });

  it("says 'within noise' when the differences disagree in sign, and names a diverged side", () => {
    expect(cmp.rows[1].verdict).toBe("within noise");
    expect(cmp.rows[2].verdict).toBe("baseline diverged");
    expect(cmp.rows[2].baseline).toBeUndefined();
    expect(cmp.rows[2].treatment!.mean).toBeCloseTo(0.85, 12);
  });

  it("renders a Markdown table and one sentence grouped by verdict", () => {
    const lines = cmp.table().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain("with BN − without BN (points)");
    expect(lines[2]).toContain("+2.0 [+2.0, +2.0]");
    expect(lines[4]).toContain("diverged");
    expect(cmp.sentence()).toBe(
      "with BN vs without BN (final val accuracy, paired by seed): helped at lr 0.1; within noise at lr 1; " +
        "baseline diverged at lr 10.",
    );
  });

  it("keeps a knob value where a side diverged on every seed before any evaluation", () => {
    const allGone = sweepRows([
      [0.1, [0.8, 0.5, 0.9]],
      [10, [NaN, NaN, NaN]],
    ]);
    const ok = sweepRows([
      [0.1, [0.81, 0.52, 0.9]],
      [10, [0.85, 0.86, 0.84]],
    ]);
    const c = compareAtEach(allGone, ok, { metric: "accuracy", names: ["a", "b"] });
    expect(c.rows.map((r) => [r.knobValue, r.verdict])).toEqual([
      [0.1, "within noise"],
      [10, "baseline diverged"],
    ]);
  });

  it("gives chart points for the sides that did not diverge", () => {
    const pts = cmp.points();
    expect(pts).toHaveLength(5); // lr 10 without BN diverged
    expect(pts[0]).toMatchObject({ x: 0.1, group: "without BN" });
    expect(pts[0].mean).toBeCloseTo(0.7333333333, 9);
    expect(pts[0].lo!).toBeLessThan(pts[0].mean);
  });

  it("refuses sides run with different seeds", () => {
    const fewer = sweepRows([
      [0.1, [0.8, 0.5]],
      [1, [0.7, 0.7]],
      [10, [0.1, 0.1]],
    ]);
    expect(() => compareAtEach(plain, fewer, { metric: "accuracy", names: ["a", "b"] })).toThrow("different seeds");
  });
});
