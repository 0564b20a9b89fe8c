import { describe, expect, test } from "vitest";
import { Tensor } from "../tensor/tensor";
import { classCounts, filterClasses, makeDataset, subset, takeDigits, trainValSplit } from "./dataset";

// Ten rows; row i is [i, 10 i] with label i % 3, so every row can be traced after a subset or split.
const toy = () =>
  makeDataset({
    x: Tensor.fromRows(Array.from({ length: 10 }, (_, i) => [i, 10 * i])),
    y: Int32Array.from({ length: 10 }, (_, i) => i % 3),
    numClasses: 3,
    name: "toy",
  });

describe("Dataset helpers", () => {
  test("makeDataset rejects mismatched rows, bad labels and a wrong imageShape", () => {
    const x = Tensor.zeros(3, 4);
    expect(() => makeDataset({ x, y: new Int32Array(2), numClasses: 2, name: "d" })).toThrow(
      'Dataset "d": x is [3, 4] float32 but y has 2 labels',
    );
    expect(() => makeDataset({ x, y: Int32Array.of(0, 1, 2), numClasses: 2, name: "d" })).toThrow(
      'Dataset "d": label 2 at row 2 is outside 0..1',
    );
    expect(() => makeDataset({ x, y: new Int32Array(3), numClasses: 2, name: "d", imageShape: [3, 3] })).toThrow(
      /imageShape \[3,3\] does not match 4 columns/,
    );
  });

  test("subset copies the chosen rows in the given order", () => {
    const s = subset(toy(), [7, 2, 2]);
    expect(s.x.toRows()).toEqual([
      [7, 70],
      [2, 20],
      [2, 20],
    ]);
    expect(Array.from(s.y)).toEqual([1, 2, 2]); // 7 % 3, 2 % 3
    s.x.set(0, 0, -1);
    expect(toy().x.get(7, 0)).toBe(7);
    expect(() => subset(toy(), [10])).toThrow('subset: index 10 out of range for dataset "toy" of 10 rows');
  });

  test("filterClasses keeps stored order; relabel renumbers by position in the list", () => {
    const f = filterClasses(toy(), [2, 0]);
    expect(f.x.toRows().map((r) => r[0])).toEqual([0, 2, 3, 5, 6, 8, 9]); // i % 3 in {0, 2}
    expect(f.numClasses).toBe(3);
    const r = takeDigits(toy(), [2, 0], { relabel: true });
    expect(Array.from(r.y)).toEqual([1, 0, 1, 0, 1, 0, 1]); // class 2 → 0, class 0 → 1
    expect(r.numClasses).toBe(2);
    expect(() => filterClasses(toy(), [3])).toThrow("filterClasses: class 3 is outside 0..2");
  });

  test("trainValSplit: sizes, disjoint and covering, stored order, deterministic per seed", () => {
    const { train, val } = trainValSplit(toy(), { valSize: 3, seed: 5 });
    const tr = train.x.toRows().map((r) => r[0]);
    const va = val.x.toRows().map((r) => r[0]);
    expect(va.length).toBe(3);
    expect([...tr, ...va].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tr).toEqual([...tr].sort((a, b) => a - b));
    expect(va).toEqual([...va].sort((a, b) => a - b));
    const again = trainValSplit(toy(), { valFraction: 0.3, seed: 5 }); // round(10 · 0.3) = 3: the same split
    expect(again.val.x.toRows().map((r) => r[0])).toEqual(va);
    const other = [1, 2, 3, 4, 6].map((s) => trainValSplit(toy(), { valSize: 3, seed: s }).val.x.toRows().join());
    expect(other.some((o) => o !== val.x.toRows().join())).toBe(true);
    expect(() => trainValSplit(toy(), { valSize: 11, seed: 0 })).toThrow(
      "trainValSplit: valSize must be in 0..10, got 11",
    );
    expect(() => trainValSplit(toy(), { seed: 0 })).toThrow("give exactly one of valSize or valFraction");
  });

  test("classCounts", () => {
    expect(classCounts(toy())).toEqual([4, 3, 3]); // labels of 0..9 mod 3: 0,3,6,9 | 1,4,7 | 2,5,8
  });
});
