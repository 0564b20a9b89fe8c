import { describe, expect, it } from "vitest";
import { logScale, logTickFormat } from "./log-scale";
import { logBars } from "./log-bars";
import { seedPoints } from "./seed-points";
import { curves } from "./curves";
import { layerStats } from "./layer-stats";

type Obj = Record<string, any>;

describe("log axes", () => {
  it("logScale bounds the domain to the positive values", () => {
    expect(logScale([0, 1e-3, 10])).toEqual({ type: "log", domain: [1e-3, 10], nice: false });
  });
  it("logTickFormat keeps one notation per axis", () => {
    expect(logTickFormat([0.003, 0.01, 0.03])).toBe("~g");
    expect(logTickFormat([1e-12, 1e-5, 0.1])).toBe("~e");
    expect(logTickFormat([10, 1e6])).toBe("~e");
  });
  it("logBars and seedPoints use it", () => {
    const bars = logBars([
      { x: "a", mean: 1e-9 },
      { x: "b", mean: 0.2 },
    ]) as Obj;
    expect(bars.layer[0].encoding.y.axis.format).toBe("~e");
    const rows = [1e-12, 1e-5, 1e-2].map((delta) => ({ delta, dtype: "float64", error: 1e-3 }));
    const pts = seedPoints(rows, { x: "delta", color: "dtype", y: "error", logX: true }) as Obj;
    expect(JSON.stringify(pts)).toContain('"format":"~e"');
  });
  it("curves and layerStats use it on their log axes", () => {
    const rows = [1, 2, 3].map((step) => ({
      run: "r",
      seed: 0,
      step,
      epoch: 0,
      split: "train",
      metric: "gradNorm",
      value: 10 ** (4 * step),
    }));
    expect(JSON.stringify(curves(rows, { metric: "gradNorm", logY: true }))).toContain('"format":"~e"');
    const layers = [1, 2].map((layer) => ({ layer, stat: "std", value: 10 ** (-5 * layer) }));
    expect(JSON.stringify(layerStats(layers, { logY: true }))).toContain('"format":"~e"');
  });
});
