import { describe, expect, it } from "vitest";
import { firstPerClass } from "./per-class";
import { makeDataset } from "./dataset";
import { Tensor } from "../tensor";

const ds = () =>
  makeDataset({
    name: "toy",
    x: Tensor.fromRows([[0], [1], [2], [3], [4], [5]]),
    y: Int32Array.from([1, 0, 1, 1, 0, 2]),
    numClasses: 3,
  });

describe("firstPerClass", () => {
  it("keeps the first n examples of each class, in stored order", () => {
    const one = firstPerClass(ds(), 1);
    expect(Array.from(one.x.data)).toEqual([0, 1, 5]);
    expect(Array.from(one.y)).toEqual([1, 0, 2]);
  });

  it("says which classes are too small", () => {
    expect(() => firstPerClass(ds(), 2)).toThrow(/class\(es\) 2 \(1\)/);
    expect(() => firstPerClass(ds(), 0)).toThrow(/positive integer/);
  });
});
