import { describe, expect, it } from "vitest";
import { compare } from "./compare";
import type { MetricRow } from "../rows/types";

/** A final validation row of one run and seed. */
const row = (run: string, seed: number, metric: string, value: number, knob?: string): MetricRow => ({
  run,
  seed,
  step: 10,
  epoch: 1,
  split: "val",
  metric,
  value,
  ...(knob ? { knob, knobValue: run } : {}),
});

describe("markdownTable with a setting whose seeds all give the same value", () => {
  it("picks decimals from the real intervals, not from a rounding-noise width", () => {
    const init = (name: string, seed: number, value: number) => row(name, seed, "accuracy", value, "model.init");
    const rows = [0, 1, 2, 3, 4].flatMap((s) => [init("zeros", s, 0.109), init("kaiming", s, 0.4 + 0.05 * s)]);
    const table = compare(rows, { metric: "accuracy", baseline: "zeros" }).table();
    expect(table).toContain("10.9%");
    expect(table).not.toMatch(/10\.90000/);
  });
});

describe("markdownTable cuts a mean's interval at the metric's bounds", () => {
  it("an accuracy's interval stays in [0%, 100%]; the paired difference is not cut", () => {
    // 5 spread seeds: mean 0.31, s = 0.2881, t_{0.975,4}·s/√5 = 2.776 · 0.1288 = 0.358: [−0.048, 0.668] before the cut.
    const spread = [0.1, 0.1, 0.1, 0.65, 0.6];
    const rows = spread.flatMap((v, s) => [row("bad", s, "accuracy", v), row("good", s, "accuracy", 0.97 + 0.005 * s)]);
    const table = compare(rows, { metric: "accuracy", baseline: "good" }).table();
    const bad = table.split("\n").find((l) => l.startsWith("| bad"))!;
    expect(bad).toMatch(/31\.00% \[0\.00, 66\.77\]/);
    expect(bad).toMatch(/-67\.00 \[-101\.94, -32\.06\]/); // a difference of accuracies may reach −100 and beyond
  });
  it("a non-negative metric (a loss) keeps its interval at or above 0; a signed one is not cut", () => {
    const losses = [0.01, 0.01, 0.01, 0.9, 0.8];
    const rows = losses.flatMap((v, s) => [row("a", s, "loss", v), row("b", s, "loss", 1 + v)]);
    expect(compare(rows, { metric: "loss", baseline: "b" }).table()).toMatch(/\| a \| 5 \| 0\.35 \[0\.00, /);
    const signed = losses.map((v) => v - 0.5);
    const rows2 = signed.flatMap((v, s) => [row("a", s, "margin", v), row("b", s, "margin", 1 + v)]);
    expect(compare(rows2, { metric: "margin", baseline: "b", higherIsBetter: true }).table()).toMatch(
      /\| a \| 5 \| -0\.15 \[-0\.73, /,
    );
  });
});
