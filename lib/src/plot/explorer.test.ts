import * as fs from "fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { compileSpec, renderSvg } from "./render";
import { curves } from "./curves";
import { trajectories } from "./trajectories";
import { explorer } from "./explorer";
import type { MetricRow } from "./types";

const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
const validate = ajv.compile(
  JSON.parse(fs.readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8")),
);

// Loss curves of a sweep over η ∈ {0.01, 0.1, 1}: η = 1 ends far higher, so its line reaches another y.
const ETAS = [0.01, 0.1, 1];
const rows: MetricRow[] = ETAS.flatMap((lr) =>
  [0, 1].flatMap((seed) =>
    [0, 10, 20].map((step) => ({
      run: `lr=${lr}`,
      seed,
      step,
      epoch: step / 10,
      split: "train",
      metric: "loss",
      value: lr === 1 ? 5 + step : 2 - step * lr * 0.05 + seed * 0.01,
      knob: "optim.lr",
      knobValue: lr,
    })),
  ),
);
const surface = [-1, 0, 1].flatMap((x) => [-1, 0, 1].map((y) => ({ x, y, z: x * x + 4 * y * y })));
const paths = [0, 0.5, 0.9].map((g) => ({
  name: `γ = ${g}`,
  points: [
    [1, 1],
    [0.5 - g / 2, 0.2],
    [0, 0],
  ] as [number, number][],
}));

/** Draws a spec with vega in Node, optionally after setting the explorer's parameter. */
async function draw(spec: TopLevelSpec, set?: { name: string; value: unknown }): Promise<string> {
  const vega = require("vega") as typeof import("vega");
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: "none" });
  try {
    if (set) view.signal(set.name, set.value);
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe("explorer", () => {
  it("adds a radio control over a log grid, valid Vega-Lite that renders", async () => {
    const spec = explorer(curves(rows, { metric: "loss", band: "none" }), { field: "series", label: "η" });
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const param = (spec as any).params.at(-1);
    expect(param).toMatchObject({ name: "knob", value: 0.01, bind: { input: "radio", options: ETAS, name: "η " } });
    expect(await renderSvg(spec)).toContain("<path");
  });

  it("moving the knob changes the drawn data, on fixed axes", async () => {
    const spec = explorer(curves(rows, { metric: "loss", band: "none" }), { field: "series" });
    const small = await draw(spec);
    const large = await draw(spec, { name: "knob", value: 1 });
    expect(large).not.toBe(small);
    // the y axis spans every value's rows (up to 25) whichever value is shown
    expect(small).toMatch(/>25</);
    expect(large).toMatch(/>25</);
  });

  it("uses a slider for evenly spaced numbers and filters optimizer paths by name", async () => {
    const spec = explorer(trajectories(surface, paths), { field: "name", label: "γ" });
    expect(validate(spec)).toBe(true);
    expect((spec as any).params[0].bind.input).toBe("radio");
    const slider = explorer(curves(rows.filter((r) => r.knobValue !== 1)), {
      field: "series",
      values: [0.01, 0.055, 0.1],
    });
    expect((slider as any).params[0].bind).toMatchObject({ input: "range", min: 0.01, max: 0.1, step: 0.045 });
    const first = await draw(spec);
    const third = await draw(spec, { name: "knob", value: "γ = 0.9" });
    expect(third).not.toBe(first);
  });

  it("leaves independently resolved facet axes free (curves of two metrics)", async () => {
    const two = [...rows, ...rows.map((r) => ({ ...r, metric: "accuracy", value: r.value / 100 }))];
    const spec = explorer(curves(two, { band: "none" }), { field: "series" }) as any;
    expect(spec.resolve).toEqual({ scale: { y: "independent" } });
    const ys = JSON.stringify(spec.spec);
    expect(ys).not.toMatch(/"y":\{[^}]*"domain"/);
    expect(ys).toMatch(/"x":\{[^}]*"domain":\[0,20\]/);
    expect(validate(spec)).toBe(true);
    expect(await draw(spec, { name: "knob", value: 1 })).toContain("<path");
  });

  it("says what is wrong with bad options", () => {
    const chart = curves(rows);
    expect(() => explorer(chart, { field: "knobValue" })).toThrow(
      /no layer .* "knobValue" field \(fields: kind, series,/,
    );
    expect(() => explorer(chart, { field: "series", value: 3 })).toThrow(/value 3 is not one of \[0.01,0.1,1\]/);
    expect(() => explorer(chart, { field: "series", bind: "slider" })).toThrow(/evenly spaced/);
    expect(() => explorer(chart, { field: "series", name: "a b" })).toThrow(/not a valid identifier/);
  });
});
