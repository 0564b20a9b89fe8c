import { describe, expect, it } from "vitest";
import { histogramBins, histograms } from "./histograms";
import { layerStats } from "./layer-stats";

const data = (s: unknown) => (s as { data: { values: any[] } }).data.values;
const subtitle = (s: unknown) => (s as { title: { subtitle?: string[] } }).title.subtitle;

describe("histogramBins", () => {
  it("bins equal widths over [min, max] with max in the last bin, like torch.histc", () => {
    // [0, 1, 1, 2, 4], 2 bins of width 2: [0, 2) holds 0, 1, 1; [2, 4] holds 2 and 4.
    expect(histogramBins([0, 1, 1, 2, 4], 2)).toEqual([
      { x0: 0, x1: 2, count: 3 },
      { x0: 2, x1: 4, count: 2 },
    ]);
    // torch.histc(torch.tensor([1., 2, 1]), bins=4) takes min and max from the data (1..2, width 0.25):
    // → [2, 0, 0, 1], the two 1s in bin 0 and the 2 (= max) in the last bin.
    expect(histogramBins([1, 2, 1], 4).map((b) => b.count)).toEqual([2, 0, 0, 1]);
  });

  it("gives one unit-wide bin for all-equal values and rejects a bad bin count", () => {
    expect(histogramBins([3, 3], 5)).toEqual([{ x0: 2.5, x1: 3.5, count: 2 }]);
    expect(() => histogramBins([1], 0)).toThrow("histograms: bins must be a positive integer, got 0");
  });
});

describe("histograms", () => {
  it("bins each layer (and group) separately and keeps the layers' order", () => {
    const rows = [
      ...[1, 2, 3].map((value) => ({ layer: "fc2", value })),
      ...[10, 20].map((value) => ({ layer: "fc1", value })),
    ];
    const values = data(histograms(rows, { bins: 2 }));
    // fc2: [1, 2) → 1, [2, 3] → 2 and 3. fc1: [10, 15) → 10, [15, 20] → 20.
    expect(values.map((v) => [v.layer, v.x0, v.x1, v.count])).toEqual([
      ["fc2", 1, 2, 1],
      ["fc2", 2, 3, 2],
      ["fc1", 10, 15, 1],
      ["fc1", 15, 20, 1],
    ]);
  });

  it("drops non-finite values with a note, leaves out empty bins on a log axis, and errors on all-NaN", () => {
    const s = histograms(
      [
        { layer: 1, value: 0 },
        { layer: 1, value: 3 },
        { layer: 1, value: NaN },
      ],
      { bins: 3, logY: true },
    );
    expect(data(s).map((v) => v.count)).toEqual([1, 1]); // bins [0,1), [1,2), [2,3]: the middle one is empty
    expect(subtitle(s)).toEqual(["dropped 1 value (NaN or ±Infinity), e.g. from a diverged run"]);
    expect(() => histograms([{ layer: 1, value: NaN }])).toThrow("histograms: all 1 values are NaN or ±Infinity");
    expect(() => histograms([])).toThrow("histograms: no rows to plot");
    expect(() => histograms([{ value: 1 } as never])).toThrow('histograms: rows[0] has no "layer"');
  });
});

describe("layerStats", () => {
  it("puts each stat in its own panel with its own axis type, dropping values ≤ 0 only on log panels", () => {
    const rows = [
      { layer: 1, stat: "std", value: 0.1 },
      { layer: 2, stat: "std", value: 0 },
      { layer: 1, stat: "dead fraction", value: 0 },
    ];
    const s = layerStats(rows, { logY: ["std"] }) as unknown as { hconcat: any[] };
    expect(s.hconcat.map((p) => p.encoding.y.scale)).toEqual([
      { type: "log", domain: [0.1 / Math.sqrt(10), 0.1 * Math.sqrt(10)], nice: false }, // bounded to the data
      { zero: true },
    ]);
    expect(data(s).map((r) => [r.stat, r.value])).toEqual([
      ["std", 0.1],
      ["dead fraction", 0],
    ]);
    expect(subtitle(s)).toEqual(["dropped 1 value ≤ 0 (log axis)"]);
    expect(() => layerStats([{ layer: 1, stat: "std", value: 0 }], { logY: true })).toThrow(
      "layerStats: no finite values",
    );
  });
});
