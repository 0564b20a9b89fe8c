import { describe, expect, it } from "vitest";
import { compare } from "./compare";
import type { MetricRow } from "../rows/types";

describe("markdownTable with a setting whose seeds all give the same value", () => {
  it("picks decimals from the real intervals, not from a rounding-noise width", () => {
    const row = (knobValue: string, seed: number, value: number): MetricRow => ({
      run: knobValue,
      seed,
      step: 10,
      epoch: 1,
      split: "val",
      metric: "accuracy",
      value,
      knob: "model.init",
      knobValue,
    });
    const rows = [0, 1, 2, 3, 4].flatMap((s) => [row("zeros", s, 0.109), row("kaiming", s, 0.4 + 0.05 * s)]);
    const table = compare(rows, { metric: "accuracy", baseline: "zeros" }).table();
    expect(table).toContain("10.9%");
    expect(table).not.toMatch(/10\.90000/);
  });
});
