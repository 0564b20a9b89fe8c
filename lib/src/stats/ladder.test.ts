import { describe, expect, it } from "vitest";
import type { MetricRow } from "../plot/types";
import { compareLadder } from "./ladder";

/** Final val accuracy per rung and seed, as sweepLadder writes rows (knob "name", knobValue = the rung). */
function rows(byRung: Record<string, number[]>): MetricRow[] {
  return Object.entries(byRung).flatMap(([rung, values]) =>
    values.map((value, seed) => ({
      run: `name=${rung}`,
      seed,
      step: 10,
      epoch: 1,
      split: "val",
      metric: "accuracy",
      value,
      knob: "name",
      knobValue: rung,
    })),
  );
}

describe("compareLadder", () => {
  // naive → + a: +0.10 on every seed (helped); + a → + b: +0.01, −0.01, +0.02 (noise); + b → + c: −0.05 ± tiny (hurt).
  const r = rows({
    naive: [0.5, 0.6, 0.7],
    "+ a": [0.6, 0.7, 0.8],
    "+ b": [0.61, 0.69, 0.82],
    "+ c": [0.56, 0.64, 0.771],
  });

  it("judges each rung against the rung below, paired by seed", () => {
    const lc = compareLadder(r, ["naive", "+ a", "+ b", "+ c"], { metric: "accuracy" });
    expect(lc.rungs.map((x) => x.step?.verdict ?? "start")).toEqual(["start", "helped", "within noise", "hurt"]);
    // + b − + a: d = [0.01, −0.01, 0.02], mean 0.006667, s = 0.015275, ± 4.302653·0.0088192 = 0.037946.
    const b = lc.get("+ b").step!.paired!;
    expect(b.mean).toBeCloseTo(0.0066667, 6);
    expect(b.hi - b.mean).toBeCloseTo(0.037946, 5);
    expect(lc.get("+ b").step!.seedsAgreeing).toBe(2);
    expect(lc.withVerdict("helped")).toEqual(["+ a"]);
    expect(lc.bars()[0]).toMatchObject({ x: "naive", mean: 0.6 });
    expect(lc.sentences()[0]).toMatch(
      /^\+ a helped: final val accuracy \+10(\.0+)? points .* vs naive, 3\/3 seeds agree\.$/,
    );
  });

  it("writes a table with a row per rung and extra columns", () => {
    const lc = compareLadder(r, ["naive", "+ a", "+ b", "+ c"], { metric: "accuracy" });
    const lines = lc.table({ updates: (n) => (n === "naive" ? "100" : "50") }).split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain("Δ val accuracy (points) from the rung below, 95% CI");
    expect(lines[2]).toBe("| naive | — | — | start | 100 |");
    expect(lines[3]).toMatch(/^\| \+ a \| \+10\.00 \[\+10\.00, \+10\.00\] \| 3\/3 \| \*\*helped\*\* \| 50 \|$/);
  });

  it("says which rungs are missing", () => {
    expect(() => compareLadder(r, ["naive", "+ z"], { metric: "accuracy" })).toThrow(/no rows for \+ z/);
  });
});
