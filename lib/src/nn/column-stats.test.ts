import { describe, expect, it } from "vitest";
import { columnStats } from "./column-stats";
import { Tensor } from "../tensor";

describe("columnStats", () => {
  it("gives per-column mean, variance ÷N and ÷(N−1), by hand", () => {
    // column 0: 1, 2, 3, 6 → mean 3, squares of deviations 4 + 1 + 0 + 9 = 14
    const s = columnStats(
      Tensor.fromRows(
        [
          [1, 10],
          [2, 20],
          [3, 30],
          [6, 60],
        ],
        "float64",
      ),
    );
    expect(s.mean).toEqual([3, 30]);
    expect(s.biasedVar[0]).toBeCloseTo(14 / 4, 12);
    expect(s.unbiasedVar[0]).toBeCloseTo(14 / 3, 12);
    expect(s.biasedVar[1]).toBeCloseTo(1400 / 4, 9);
  });
});
