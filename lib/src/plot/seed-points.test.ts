import * as fs from "fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { seedPoints } from "./seed-points";
import { renderSvg } from "./render";

const schema = JSON.parse(fs.readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8"));
const validate = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false }).compile(schema);

const rows = ["relu", "tanh"].flatMap((act) =>
  ["xavier", "kaiming"].flatMap((init) =>
    [0.003, 0.01, 0.03].flatMap((lr) =>
      [0, 1, 2].map((seed) => ({
        "model.activation": act,
        "model.init": init,
        "optim.lr": lr,
        seed,
        value: 0.5 + lr + seed / 100,
      })),
    ),
  ),
);

describe("seedPoints", () => {
  it("builds a valid faceted spec with per-seed dots, mean lines and a dashed reference line, and renders it", async () => {
    const spec = seedPoints(rows, {
      x: "optim.lr",
      color: "model.init",
      facet: "model.activation",
      logX: true,
      xTitle: "η",
      yTitle: "val accuracy",
      legendTitle: "init",
      rules: [{ y: 0.1, label: "chance" }],
      title: "accuracy vs η",
    });
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const json = JSON.stringify(spec);
    expect(json).not.toContain("model.init"); // no raw config path reaches the reader
    expect(json).toContain('"strokeDash":[4,4]');
    const svg = await renderSvg(spec);
    expect(svg).toContain("accuracy vs η");
    expect(svg).toContain("chance");
  });
  it("names a missing field and drops non-finite values in the subtitle", () => {
    expect(() => seedPoints(rows, { x: "optim.momentum", color: "model.init" })).toThrow(/optim.momentum/);
    const spec = seedPoints([...rows, { ...rows[0], value: NaN }], { x: "optim.lr", color: "model.init" });
    expect(JSON.stringify(spec)).toMatch(/dropped 1/);
  });
});
