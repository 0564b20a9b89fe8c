import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor/tensor";
import { columnNet } from "./test-config";
import { mirror } from "../data/image-sets";
import { confusion, confusionSummary } from "./confusion";

// 2 × 2 images: class 0 has ink in the left column, class 1 in the right one (columnNet).
const net = columnNet();
const val = {
  x: Tensor.fromRows([
    [1, 0, 1, 0],
    [1, 0, 0.5, 0],
    [0, 1, 0, 1],
    [0, 0.2, 0, 0],
    [0.9, 1, 0, 1],
  ]),
  y: Int32Array.of(0, 0, 1, 1, 0), // the last image is mistaken for a 1
};
const share = (cells: ReturnType<typeof confusion>, t: number, p: number) =>
  cells.find((c) => c.truth === t && c.predicted === p)!.share;

describe("confusion", () => {
  it("gives each true class's shares of predictions, pooled over models, rows summing to 1", () => {
    const cells = confusion([
      { model: net, val },
      { model: net, val },
    ]);
    expect(cells).toHaveLength(4);
    expect(share(cells, 0, 0)).toBeCloseTo(2 / 3, 12);
    expect(share(cells, 0, 1)).toBeCloseTo(1 / 3, 12);
    expect(share(cells, 1, 1)).toBe(1);
    expect(confusionSummary(cells)).toEqual([
      { truth: 0, kept: 2 / 3, other: 1, otherShare: 1 / 3 },
      { truth: 1, kept: 1, other: 0, otherShare: 0 },
    ]);
  });
  it("transforms the images first: mirrored, left and right swap; the model's mode is restored", () => {
    net.train();
    const cells = confusion([{ model: net, val }], mirror());
    expect(share(cells, 0, 1)).toBeCloseTo(2 / 3, 12);
    expect(share(cells, 1, 0)).toBe(1);
    expect(net.training).toBe(true);
  });
  it("needs models with a validation set", () => {
    expect(() => confusion([])).toThrow("confusion: give at least one model");
    expect(() => confusion([{ model: net }])).toThrow("confusion: a model has no validation set");
  });
});
