import * as fs from "fs";
import Ajv from "ajv";
import { describe, expect, it, vi } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { barChart, pointsWithErrorBars } from "./bar-chart";
import { barsFromSummary } from "./bar-rows";
import { curves } from "./curves";
import { decisionBoundary } from "./decision-boundary";
import { histograms } from "./histograms";
import { imageGrid } from "./image-grid";
import { layerStats } from "./layer-stats";
import { renderSvg } from "./render";
import { schedulePlot } from "./schedule-plot";
import { table } from "./table";
import { trajectories } from "./trajectories";
import type { MetricRow, SummaryRow } from "./types";
import { dotPlot } from "./dot-plot";
import { heatmap } from "./heatmap";
import { confusionMatrix } from "./confusion-matrix";
import { logBars } from "./log-bars";
import type { ChartOptions } from "./chart-options";
import { compare } from "../stats/compare";

// Every builder's spec must validate against the Vega-Lite 5 JSON schema shipped in the vega-lite package
// (ajv loosely configured for the schema's quirks) and must compile and render to SVG with its title in it.
const schemaPath = require.resolve("vega-lite/build/vega-lite-schema.json");
const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));

function schemaErrors(spec: unknown): string {
  return validate(spec) ? "" : JSON.stringify(validate.errors?.slice(0, 3));
}

const rows: MetricRow[] = [0, 0.9].flatMap((m) =>
  [0, 1].flatMap((seed) =>
    [0, 10, 20].flatMap((step) => [
      {
        run: `m=${m}`,
        seed,
        step,
        epoch: step / 10,
        split: "train",
        metric: "loss",
        value: 2 - step * 0.05 * (1 + m) + seed * 0.1,
        knob: "optim.momentum",
        knobValue: m,
        time: step * 0.01,
        samples: step * 32,
      },
      {
        run: `m=${m}`,
        seed,
        step,
        epoch: step / 10,
        split: "val",
        metric: "loss",
        value: 2.1 - step * 0.04 * (1 + m),
        knob: "optim.momentum",
        knobValue: m,
        time: step * 0.01,
        samples: step * 32,
      },
    ]),
  ),
);
const surface = [-1, 0, 1].flatMap((x) => [-1, 0, 1].map((y) => ({ x, y, z: x * x + 4 * y * y })));
const summary: SummaryRow[] = [0.01, 0.1].map((lr) => ({
  run: `lr=${lr}`,
  knob: "optim.lr",
  knobValue: lr,
  split: "val",
  metric: "loss",
  mean: 1 - lr,
  std: 0.1,
  min: 0.8 - lr,
  max: 1.2 - lr,
  n: 3,
}));

const cases: [string, () => TopLevelSpec, string][] = [
  ["curves", () => curves(rows, { events: [{ x: 10, label: "lr ÷ 10" }] }), "loss vs step"],
  [
    "curves faceted by split, minmax, log",
    () => curves(rows, { facet: "split", band: "minmax", logY: true, x: "time" }),
    "loss vs time",
  ],
  [
    "curves with 9 lines (direct labels, 20 colours)",
    () =>
      curves(
        [...Array(9).keys()].flatMap((k) =>
          [0, 10].map((step) => ({ ...rows[0], knobValue: k, step, value: 1 + k / (1 + step) })),
        ),
        { title: "nine lines" },
      ),
    "nine lines",
  ],
  [
    "trajectories",
    () =>
      trajectories(surface, [
        {
          name: "SGD",
          points: [
            [1, 1],
            [0.5, 0.2],
            [0, 0],
          ],
        },
      ]),
    "optimizer paths",
  ],
  [
    "histograms",
    () =>
      histograms(
        [1, 2, 3, 4].flatMap((v) => [
          { layer: 1, value: v },
          { layer: 2, value: -v },
        ]),
        { bins: 3 },
      ),
    "histograms by layer",
  ],
  [
    "histograms by group",
    () =>
      histograms(
        [
          { layer: "fc1", value: 1, group: "a" },
          { layer: "fc1", value: 2, group: "b" },
        ],
        { logY: true, xTitle: "weight" },
      ),
    "weight histograms",
  ],
  [
    "layerStats",
    () =>
      layerStats(
        [1, 2, 3].map((l) => ({ layer: l, stat: "std", value: 10 ** -l })),
        { logY: true },
      ),
    "per-layer statistics",
  ],
  [
    "decisionBoundary (p)",
    () =>
      decisionBoundary(
        surface.map(({ x, y }) => ({ x, y, p: 1 / (1 + Math.exp(-x)) })),
        [{ x: 0.5, y: 0, label: 1 }],
      ),
    "decision boundary",
  ],
  [
    "decisionBoundary (class)",
    () =>
      decisionBoundary(
        surface.map(({ x, y }) => ({ x, y, class: x > 0 ? "b" : "a" })),
        [{ x: -0.5, y: 0, label: "a" }],
      ),
    "decision boundary",
  ],
  [
    "imageGrid",
    () =>
      imageGrid(
        [
          { pixels: [0, 1, 1, 0], label: 7 },
          { pixels: [1, 0, 0, 1], title: "true 3" },
        ],
        { width: 2, height: 2 },
      ),
    "2 images",
  ],
  [
    "schedulePlot",
    () =>
      schedulePlot(
        [0, 1, 2].map((step) => ({ schedule: "step", step, lr: 0.1 / 10 ** step })),
        { events: [{ x: 1, label: "drop" }] },
      ),
    "learning-rate schedules",
  ],
  ["barChart", () => barChart(barsFromSummary(summary), { yTitle: "final loss" }), "final loss"],
  [
    "pointsWithErrorBars",
    () => pointsWithErrorBars(barsFromSummary(summary), { logX: true, xTitle: "lr" }),
    "mean vs lr",
  ],
  ["table", () => table(summary, ["knobValue", "mean", "std"], { title: "summary table" }), "summary table"],
  ["dotPlot", () => dotPlot(compare(rows, { metric: "loss", split: "val", baseline: 0 })), "paired difference"],
  [
    "dotPlot (difference only)",
    () => dotPlot(compare(rows, { metric: "loss", baseline: 0 }), { show: "difference" }),
    "final val loss",
  ],
  [
    "heatmap",
    () =>
      heatmap(
        [0.01, 0.1, 1].flatMap((lr) =>
          [0, 1e-4].map((wd) => ({ x: lr, y: wd, value: lr === 1 && wd === 0 ? NaN : lr + wd })),
        ),
        { xTitle: "η", yTitle: "λ", valueTitle: "val accuracy" },
      ),
    "val accuracy by η and λ",
  ],
  [
    "logBars",
    () =>
      logBars(
        [
          { x: 1, mean: 300, std: 20 },
          { x: 128, mean: 41000, std: 900 },
          { x: 512, mean: 0 },
        ],
        { yTitle: "samples/s" },
      ),
    "samples/s (log scale)",
  ],
  [
    "confusionMatrix",
    () => confusionMatrix(confusion3, { title: "mirrored digits", subtitle: "3 nets pooled" }),
    "mirrored digits",
  ],
];

const confusion3 = [0, 1, 2].flatMap((truth) =>
  [0, 1, 2].map((predicted) => ({ truth, predicted, share: truth === predicted ? 0.8 : 0.1 })),
);

// The same builders with every shared option set (a legend title only where the chart has a series legend).
const options: ChartOptions = {
  width: 300,
  height: 150,
  title: "with options",
  labelAngle: -45,
  rules: [
    { y: 0.5, label: "a level" },
    { x: 10, label: "a step" },
  ],
};
const optionCases: [string, (o: ChartOptions) => TopLevelSpec][] = [
  ["curves", (o) => curves(rows, { ...o, legendTitle: "momentum γ", legendOrder: [0.9, 0] })],
  ["curves faceted", (o) => curves(rows, { ...o, facet: "split", legendTitle: "γ" })],
  ["barChart", (o) => barChart(barsFromSummary(summary), { ...o, rules: [{ y: 0.5, label: "chance" }] })],
  [
    "pointsWithErrorBars",
    (o) => pointsWithErrorBars(barsFromSummary(summary), { ...o, rules: [{ y: 0.5 }, { x: 0.05 }] }),
  ],
  [
    "layerStats",
    (o) =>
      layerStats(
        [1, 2].flatMap((l) => ["a", "b"].map((g) => ({ layer: l, stat: "std", value: l, group: g }))),
        { ...o, rules: [{ y: 1 }], legendTitle: "init" },
      ),
  ],
  [
    "histograms",
    (o) =>
      histograms(
        [
          { layer: 1, value: 1 },
          { layer: 1, value: 2 },
        ],
        { ...o, rules: [{ x: 1.5 }] },
      ),
  ],
  [
    "schedulePlot",
    (o) =>
      schedulePlot(
        [0, 1, 2].map((step) => ({ schedule: "s", step, lr: 0.1 / (1 + step) })),
        { ...o, events: [{ x: 1, label: "drop" }] },
      ),
  ],
  ["table", (o) => table(summary, ["knobValue", "mean"], { ...o, rules: [] })],
  [
    "dotPlot",
    (o) =>
      dotPlot(compare(rows, { metric: "loss", baseline: 0 }), { ...o, rules: [{ x: 0.1 }], legendTitle: "verdict" }),
  ],
  [
    "heatmap",
    (o) =>
      heatmap(
        [1, 2].flatMap((x) => [1, 2].map((y) => ({ x, y, value: x * y }))),
        { ...o, rules: [] },
      ),
  ],
  [
    "logBars",
    (o) =>
      logBars(
        [
          { x: "a", mean: 10 },
          { x: "b", mean: 1000 },
        ],
        { ...o, rules: [{ y: 100 }] },
      ),
  ],
  ["confusionMatrix", (o) => confusionMatrix(confusion3, { ...o, rules: [] })],
];

describe("every builder", () => {
  it.each(cases)(
    "%s: validates against the vega-lite 5 schema and renders to SVG with its title",
    async (_name, build, title) => {
      const spec = build();
      expect(schemaErrors(spec)).toBe("");
      const warn = vi.spyOn(console, "warn"); // vega-lite and vega log spec problems as warnings
      const svg = await renderSvg(spec);
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(title);
    },
  );

  it.each(optionCases)("%s: width/height/title/labelAngle/legend/rules validate and render", async (_name, build) => {
    const spec = build(options);
    expect(schemaErrors(spec)).toBe("");
    const warn = vi.spyOn(console, "warn");
    const svg = await renderSvg(spec);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(svg).toContain("with options");
  });

  it("the schema check can fail: a misspelt mark type and a bad encoding are rejected", () => {
    expect(
      schemaErrors({ data: { values: [] }, mark: "lines", encoding: { x: { field: "a", type: "quantitativ" } } }),
    ).not.toBe("");
  });
});
