import { describe, expect, it } from "vitest";
import { Tensor, assertShape } from "./tensor";

describe("Tensor", () => {
  it("stores rows row-major, float32 by default", () => {
    const t = Tensor.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe("float32");
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.get(1, 0)).toBe(4); // data[1·3 + 0]
    t.set(0, 2, 9);
    expect(t.data[2]).toBe(9);
    expect(t.shapeString).toBe("[2, 3] float32");
    expect(t.size).toBe(6);
  });

  it("builds zeros, full, fromArray and float64 tensors", () => {
    expect(Array.from(Tensor.zeros(2, 2).data)).toEqual([0, 0, 0, 0]);
    expect(Tensor.full(1, 3, 0.5, "float64").toRows()).toEqual([[0.5, 0.5, 0.5]]);
    expect(Tensor.fromArray([1, 2, 3, 4, 5, 6], 3, 2).toRows()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const t = Tensor.fromRows([[0.1]], "float64");
    expect(t.data[0]).toBe(0.1); // exact in float64, Math.fround(0.1) in float32
    expect(Tensor.fromRows([[0.1]]).data[0]).toBe(Math.fround(0.1));
  });

  it("clone and toFloat64 copy; row, sliceRows and reshape share the buffer", () => {
    const t = Tensor.fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const c = t.clone();
    c.set(0, 0, 100);
    expect(t.get(0, 0)).toBe(1);
    const d = t.toFloat64();
    expect(d.dtype).toBe("float64");
    expect(d.toFloat32().dtype).toBe("float32");
    t.sliceRows(1, 3).set(0, 0, 30); // row 1 of t
    expect(t.get(1, 0)).toBe(30);
    expect(Array.from(t.row(2))).toEqual([5, 6]);
    t.reshape(2, 3).set(1, 2, 60); // flat index 5
    expect(t.get(2, 1)).toBe(60);
    expect(t.toRows()).toEqual([
      [1, 2],
      [30, 4],
      [5, 60],
    ]);
  });

  it("rejects bad shapes with clear errors", () => {
    expect(() => new Tensor(-1, 2)).toThrow("Tensor: shape must be two non-negative integers, got [-1, 2]");
    expect(() => new Tensor(2, 2, new Float32Array(3))).toThrow("Tensor: data of length 3 does not fit shape [2, 2]");
    expect(() => Tensor.fromRows([[1, 2], [3]])).toThrow("Tensor.fromRows: row 1 has 1 values, row 0 has 2");
    expect(() => Tensor.fromArray([1, 2, 3], 2, 2)).toThrow("Tensor.fromArray: 3 values do not fit shape [2, 2]");
    expect(() => Tensor.zeros(2, 3).reshape(4, 2)).toThrow("reshape: cannot view [2, 3] float32 as [4, 2]");
    expect(() => assertShape(false, "Layer", "[*, 3]", Tensor.zeros(1, 2), Tensor.zeros(2, 2, "float64"))).toThrow(
      "Layer: expected [*, 3], got [1, 2] float32 and [2, 2] float64",
    );
  });

  it("prints its shape and values", () => {
    expect(String(Tensor.fromRows([[1, 0.5]]))).toBe("Tensor [1, 2] float32\n[[1.0000, 0.5000]]");
    const long = String(Tensor.zeros(10, 1));
    expect(long.split("\n")).toHaveLength(7); // header + 3 rows + "..." + 2 rows
  });
});
