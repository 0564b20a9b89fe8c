import { describe, expect, it } from "vitest";
import { Tensor } from "./tensor";
import {
  addColumnsInPlace,
  affineColumns,
  columnDot,
  columnMean,
  columnSum,
  columnVar,
  shiftScaleColumns,
} from "./columns";

// x = [[1, 2], [3, 6], [5, 1]]: by hand, column sums [9, 9], means [3, 3],
// biased variances [(4 + 0 + 4)/3, (1 + 9 + 4)/3] = [8/3, 14/3].
const x = Tensor.fromRows([[1, 2], [3, 6], [5, 1]]); // prettier-ignore

describe("per-column statistics and broadcasts", () => {
  it("sum, mean, variance and dot of the columns", () => {
    expect(Array.from(columnSum(x))).toEqual([9, 9]);
    expect(Array.from(columnMean(x))).toEqual([3, 3]);
    const v = columnVar(x, columnMean(x));
    expect(v[0]).toBeCloseTo(8 / 3, 12);
    expect(v[1]).toBeCloseTo(14 / 3, 12);
    // Σ x⊙x per column: [1 + 9 + 25, 4 + 36 + 1]
    expect(Array.from(columnDot(x, x))).toEqual([35, 41]);
    expect(() => columnDot(x, Tensor.zeros(2, 2))).toThrow("columnDot: expected equal shapes");
  });

  it("(x − shift)·scale and γ·x + β broadcast over the rows; sums accumulate into a 1 × C tensor", () => {
    const out = Tensor.zeros(3, 2);
    // (x − [3, 3])·[1, 0.5] = [[-2, -0.5], [0, 1.5], [2, -1]]
    expect(Array.from(shiftScaleColumns(x, [3, 3], [1, 0.5], out).data)).toEqual([-2, -0.5, 0, 1.5, 2, -1]);
    const gamma = Tensor.fromRows([[2, -1]]);
    const beta = Tensor.fromRows([[10, 0]]);
    // [[2·1 + 10, −2], [2·3 + 10, −6], [2·5 + 10, −1]]
    expect(Array.from(affineColumns(x, gamma, beta, out).data)).toEqual([12, -2, 16, -6, 20, -1]);
    expect(() => affineColumns(x, Tensor.zeros(1, 3), beta, out)).toThrow("affineColumns: expected [1, 2] gamma");
    const g = Tensor.fromRows([[1, 1]]);
    expect(Array.from(addColumnsInPlace(g, columnSum(x)).data)).toEqual([10, 10]);
  });
});
