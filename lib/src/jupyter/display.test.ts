import * as util from "util";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { chart, show, showAsync } from "./display";

const spec: TopLevelSpec = {
  title: "acc",
  data: {
    values: [
      { x: 1, y: 2 },
      { x: 2, y: 3 },
    ],
  },
  mark: "point",
  encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
};

afterEach(() => vi.restoreAllMocks());

describe("display outside a kernel", () => {
  it("show prints the one-line text form", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    show(spec);
    show(chart(spec));
    expect(log.mock.calls).toEqual([['Chart "acc": point, 2 rows'], ['Chart "acc": point, 2 rows']]);
  });

  it("showAsync prints the same", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await showAsync(spec);
    expect(log.mock.calls).toEqual([['Chart "acc": point, 2 rows']]);
  });

  it("a Chart inspects as its text form and serializes as its spec", () => {
    const c = chart(spec);
    expect(util.inspect(c)).toBe('Chart "acc": point, 2 rows');
    expect(String(c)).toBe('Chart "acc": point, 2 rows');
    expect(JSON.parse(JSON.stringify(c))).toEqual(spec);
  });
});
