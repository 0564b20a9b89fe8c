import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { cachedFigure, figureKey, figureSources } from "./cache";
import { figure } from "./figure";

const spec = { mark: "point" as const, data: { values: [{ x: 1 }] }, encoding: {} };

describe("the figure cache", () => {
  it("keys on the config, the figure's source and the library build", () => {
    const a = figure({ id: "f", notebook: "n", config: { lr: 0.1 }, make: () => ({ spec }) });
    const key = figureKey(a, "code", "lib1");
    expect(figureKey({ ...a }, "code", "lib1")).toBe(key);
    expect(figureKey({ ...a, config: { lr: 0.2 } }, "code", "lib1")).not.toBe(key);
    expect(figureKey(a, "code changed", "lib1")).not.toBe(key);
    expect(figureKey(a, "code", "lib2")).not.toBe(key);
  });

  it("finds the file that declares each figure of slides/figures", () => {
    const sources = figureSources(path.join(__dirname, "..", "figures"));
    expect(sources.get("bowl-eta")).toContain('id: "bowl-eta"');
    expect(sources.get("dropout")).toContain('id: "dropout"');
  });

  it("computes once, then reads the file; a new key replaces the old file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slides-cache-"));
    let calls = 0;
    const f = figure({ id: "f", notebook: "n", config: { n: 1 }, make: () => ({ spec, caption: `run ${++calls}` }) });
    expect(await cachedFigure(f, "code", "s", dir)).toEqual({ result: { spec, caption: "run 1" }, cached: false });
    expect(await cachedFigure(f, "code", "s", dir)).toEqual({ result: { spec, caption: "run 1" }, cached: true });
    await cachedFigure({ ...f, config: { n: 2 } }, "code", "s", dir);
    expect(calls).toBe(2);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    fs.rmSync(dir, { recursive: true });
  });
});
