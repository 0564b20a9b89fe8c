import { afterEach, describe, expect, it } from "vitest";
import { Tensor, type DType } from "./tensor";
import { gemmBackend, matmul, matmulTransA, matmulTransB, referenceGemm, setGemm, type Gemm } from "./matmul";

const A = (d: DType) =>
  Tensor.fromRows(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    d,
  );
const B = (d: DType) =>
  Tensor.fromRows(
    [
      [1, 0, -1],
      [2, 1, 0],
    ],
    d,
  );
const C = (d: DType) =>
  Tensor.fromRows(
    [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
    d,
  );

let restore: ReturnType<typeof setGemm> | undefined;
afterEach(() => {
  if (restore) setGemm(restore.kernel === referenceGemm ? null : restore.kernel, restore.name);
  restore = undefined;
});

describe.each(["float32", "float64"] as const)("matmul (%s), worked by hand", (d) => {
  it("A·C", () => {
    // [1 2 3]·C = [1 + 3, 2 + 3]; [4 5 6]·C = [4 + 6, 5 + 6]
    expect(matmul(A(d), C(d)).toRows()).toEqual([
      [4, 5],
      [10, 11],
    ]);
  });

  it("A·Bᵀ (the Linear forward)", () => {
    // row·row: [1,2,3]·[1,0,−1] = −2, [1,2,3]·[2,1,0] = 4, [4,5,6]·[1,0,−1] = −2, [4,5,6]·[2,1,0] = 13
    expect(matmulTransB(A(d), B(d)).toRows()).toEqual([
      [-2, 4],
      [-2, 13],
    ]);
  });

  it("Aᵀ·B (the weight gradient)", () => {
    // row i of AᵀB = Σ_k A[k][i]·B[k]: 1·B0 + 4·B1 = [9, 4, −1]; 2·B0 + 5·B1 = [12, 5, −2]; 3·B0 + 6·B1 = [15, 6, −3]
    expect(matmulTransA(A(d), B(d)).toRows()).toEqual([
      [9, 4, -1],
      [12, 5, -2],
      [15, 6, -3],
    ]);
  });

  it("overwrites `out` (no accumulation) and keeps the dtype", () => {
    const out = Tensor.full(2, 2, 99, d);
    expect(matmulTransB(A(d), B(d), out)).toBe(out);
    expect(out.toRows()).toEqual([
      [-2, 4],
      [-2, 13],
    ]);
    expect(out.dtype).toBe(d);
  });
});

describe("matmul errors and kernels", () => {
  it("names both shapes on a mismatch, and rejects mixed dtypes", () => {
    expect(() => matmul(A("float32"), B("float32"))).toThrow(
      "matmul(A, B): expected matching inner dimensions and dtypes, got [2, 3] float32 and [2, 3] float32",
    );
    expect(() => matmulTransB(A("float32"), C("float32"))).toThrow("matmulTransB(A, Bᵀ)");
    expect(() => matmulTransA(A("float32"), B("float64"))).toThrow("got [2, 3] float32 and [2, 3] float64");
    expect(() => matmul(A("float32"), C("float32"), Tensor.zeros(2, 3))).toThrow("out of shape [2, 2]");
  });

  it("runs float32 products through the installed kernel, float64 always through the reference", () => {
    let calls = 0;
    const counting: Gemm = (...args) => {
      calls++;
      referenceGemm(...args);
    };
    restore = setGemm(counting, "counting");
    expect(gemmBackend()).toBe("counting");
    expect(matmul(A("float32"), C("float32")).toRows()).toEqual([
      [4, 5],
      [10, 11],
    ]);
    expect(calls).toBe(1);
    matmul(A("float64"), C("float64"));
    expect(calls).toBe(1);
    setGemm(null);
    expect(gemmBackend()).toBe("reference");
  });
});
