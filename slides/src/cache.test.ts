import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { cachedFigure, figureKey } from "./cache";
import { figure } from "./figure";

const spec = { mark: "point" as const, data: { values: [{ x: 1 }] }, encoding: {} };

describe("the figure cache", () => {
  it("keys on the config, the code of make and the library build", () => {
    const a = figure({ id: "f", notebook: "n", config: { lr: 0.1 }, make: () => ({ spec }) });
    const key = figureKey(a, "lib1");
    expect(figureKey({ ...a }, "lib1")).toBe(key);
    expect(figureKey({ ...a, config: { lr: 0.2 } }, "lib1")).not.toBe(key);
    expect(figureKey({ ...a, make: () => ({ spec, caption: "x" }) }, "lib1")).not.toBe(key);
    expect(figureKey(a, "lib2")).not.toBe(key);
  });

  it("computes once, then reads the file; a new key replaces the old file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slides-cache-"));
    let calls = 0;
    const f = figure({ id: "f", notebook: "n", config: { n: 1 }, make: () => ({ spec, caption: `run ${++calls}` }) });
    expect(await cachedFigure(f, "s", dir)).toEqual({ result: { spec, caption: "run 1" }, cached: false });
    expect(await cachedFigure(f, "s", dir)).toEqual({ result: { spec, caption: "run 1" }, cached: true });
    await cachedFigure({ ...f, config: { n: 2 } }, "s", dir);
    expect(calls).toBe(2);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    fs.rmSync(dir, { recursive: true });
  });
});
