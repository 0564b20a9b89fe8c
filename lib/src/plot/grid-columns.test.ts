import { expect, it } from "vitest";
import { gridColumns } from "./grid-columns";

it("picks the column count that fills the grid best", () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => gridColumns(n))).toEqual([1, 2, 3, 2, 3, 3, 4, 4, 3]); // 7 → 4 + 3, not 2 + 2 + 2 + 1
  expect([4, 6, 8, 10, 12].map((n) => gridColumns(n, [5, 4, 3], 5))).toEqual([4, 3, 4, 5, 4]);
});
