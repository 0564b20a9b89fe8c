import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { checkSpec } from "./spec-check";
import { compileSpec } from "./render";
import { show, chart } from "../jupyter/display";
import { curves } from "./curves";
import { schedulePlot } from "./schedule-plot";
import type { MetricRow } from "./types";

const line = (mark: unknown) =>
  ({ data: { values: [{ x: 1, y: 2 }] }, mark, encoding: { x: { field: "x" }, y: { field: "y" } } }) as TopLevelSpec;

describe("checkSpec", () => {
  it("says what is wrong before vega-lite sees a missing or non-object spec", () => {
    const none = "show(): expected a Vega-Lite spec or a chart (an object such as plot.curves(rows, …) returns), got";
    expect(() => show(undefined as never)).toThrow(
      `${none} undefined (a variable that was never assigned, or a function that returns nothing?)`,
    );
    expect(() => show(null as never)).toThrow(`${none} null (a variable`);
    expect(() => show("line" as never)).toThrow(`${none} the string "line"`);
    expect(() => show([{ x: 1 }] as never)).toThrow(`${none} an array (rows? pass them to a builder`);
    expect(() => chart(42 as never)).toThrow("chart(): expected a Vega-Lite spec or a chart");
    expect(() => compileSpec(undefined as never)).toThrow("render: expected a Vega-Lite spec");
  });

  it("names an invalid mark with the nearest valid one, in nested views too", () => {
    expect(() => show(line("lines"))).toThrow('show(): the spec has an unknown mark "lines". Did you mean "line"?');
    expect(() => show(line({ type: "barr" }))).toThrow('unknown mark "barr". Did you mean "bar"?');
    expect(() => show({ layer: [line("point"), line("pont")] } as TopLevelSpec)).toThrow(
      'show(): spec.layer[1] has an unknown mark "pont". Did you mean "point"?',
    );
    expect(() => show({ data: { values: [] } } as unknown as TopLevelSpec)).toThrow(
      "show(): the spec has no mark (nor layer, concat, facet or repeat)",
    );
    expect(() => show({ hconcat: line("line") } as unknown as TopLevelSpec)).toThrow(
      "show(): spec.hconcat should be an array of views, got an object",
    );
  });

  it("passes every valid shape: plain, layered, faceted, concatenated, and the builders' specs", () => {
    for (const s of [
      line("line"),
      line({ type: "errorband" }),
      { layer: [line("rule"), line("text")] },
      { facet: { field: "x" }, spec: line("point"), data: { values: [] } },
      { vconcat: [line("bar"), { layer: [line("area")] }] },
      curves([{ run: "a", seed: 0, step: 1, epoch: 0, split: "train", metric: "loss", value: 1 }]),
    ]) {
      expect(() => checkSpec(s, "test")).not.toThrow();
    }
  });
});

describe("log axes", () => {
  const row = (step: number, value: number): MetricRow => ({
    run: "a",
    seed: 0,
    step,
    epoch: 0,
    split: "train",
    metric: "loss",
    value,
  });
  it("say in the subtitle what x ≤ 0 or y ≤ 0 they leave out (issue 14: x = 0 vanished without a note)", () => {
    const s = curves([row(0, 1), row(1, 0.5), row(2, 0.25)], { logX: true }) as { title: { subtitle: string[] } };
    expect(s.title.subtitle).toContain("dropped 1 point with step ≤ 0 (log axis)");
    const p = schedulePlot([
      { schedule: "s", step: 0, lr: 0 },
      { schedule: "s", step: 1, lr: 0.1 },
    ]) as { title: { subtitle: string[] } };
    expect(p.title.subtitle).toContain("dropped 1 rate ≤ 0 (log axis)");
  });
});
