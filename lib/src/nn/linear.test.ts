import { describe, expect, it } from "vitest";
import { Tensor, maxAbs, randn, std, setGemm, referenceGemm } from "../tensor";
import { Rng } from "../rng";
import { Linear } from "./linear";
import { NO_INPUT_GRAD } from "./module";
import { gradCheckModule } from "./gradcheck-module";

/** W = [[1,2,3],[4,5,6]], b = [0.5, −1]: small enough to multiply by hand. */
function handLayer(dtype: "float32" | "float64" = "float64"): Linear {
  const fc = new Linear(3, 2, { seed: 0, dtype });
  fc.weight.assign(
    Tensor.fromRows(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      dtype,
    ),
  );
  fc.bias!.assign(Tensor.fromRows([[0.5, -1]], dtype));
  return fc;
}
const X = Tensor.fromRows(
  [
    [1, 0, -1],
    [2, 1, 0],
  ],
  "float64",
);

describe("Linear", () => {
  it("computes y = x·Wᵀ + b", () => {
    // row 0: [1·1 + 0·2 − 1·3 + 0.5, 1·4 + 0 − 6 − 1] = [−1.5, −3]; row 1: [2 + 2 + 0.5, 8 + 5 − 1] = [4.5, 12]
    expect(handLayer().forward(X).toRows()).toEqual([
      [-1.5, -3],
      [4.5, 12],
    ]);
  });

  it("backward: dW += dyᵀ·x, db += Σ dy, dx = dy·W, accumulated like torch", () => {
    const fc = handLayer();
    fc.forward(X);
    const dy = Tensor.fromRows(
      [
        [1, 0],
        [0, 1],
      ],
      "float64",
    );
    // dy = I, so dyᵀ·x = x, Σrows dy = [1, 1], dy·W = W
    expect(fc.backward(dy).toRows()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(fc.weight.grad.toRows()).toEqual(X.toRows());
    expect(fc.bias!.grad.toRows()).toEqual([[1, 1]]);
    fc.backward(dy); // a second backward adds: twice the gradients
    expect(fc.weight.grad.toRows()).toEqual([
      [2, 0, -2],
      [4, 2, 0],
    ]);
    expect(fc.bias!.grad.toRows()).toEqual([[2, 2]]);
  });

  it("skips the gradients of frozen parameters but still returns dx", () => {
    const fc = handLayer();
    fc.weight.requiresGrad = false;
    fc.forward(X);
    const dx = fc.backward(
      Tensor.fromRows(
        [
          [1, 0],
          [0, 1],
        ],
        "float64",
      ),
    );
    expect(Array.from(fc.weight.grad.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(fc.bias!.grad.toRows()).toEqual([[1, 1]]);
    expect(dx.toRows()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("backward(dy, false) adds the same gradients but skips dx = dy·W (one product instead of two)", () => {
    const dy = Tensor.fromRows(
      [
        [1, 0],
        [0, 1],
      ],
      "float32",
    );
    const calls: string[] = []; // which products the float32 kernel is asked for: "transA,transB"
    const prev = setGemm((tA, tB, M, N, K, a, b, c, accumulate) => {
      calls.push(`${tA},${tB}`);
      referenceGemm(tA, tB, M, N, K, a, b, c, accumulate);
    }, "counting");
    try {
      const fc = handLayer("float32");
      fc.forward(X.toFloat32());
      calls.length = 0;
      expect(fc.backward(dy).toRows()).toEqual(fc.weight.value.toRows()); // dy = I: dx = W
      expect(calls).toEqual(["true,false", "false,false"]); // dW = dyᵀ·x, then dx = dy·W
      calls.length = 0;
      expect(fc.backward(dy, false)).toBe(NO_INPUT_GRAD);
      expect(calls).toEqual(["true,false"]); // dW only
      // Two backwards accumulated: twice the hand values of the test above (dW = 2x, db = [2, 2]).
      expect(fc.weight.grad.toRows()).toEqual([
        [2, 0, -2],
        [4, 2, 0],
      ]);
      expect(fc.bias!.grad.toRows()).toEqual([[2, 2]]);
    } finally {
      setGemm(prev.kernel, prev.name);
    }
  });

  it("uses torch's default init U(−1/√in, 1/√in) for weight and bias, reproducibly", () => {
    const fc = new Linear(100, 400, { seed: 7 });
    const bound = 1 / Math.sqrt(100);
    expect(maxAbs(fc.weight.value)).toBeLessThanOrEqual(bound);
    // U(−b, b) has std b/√3 ≈ 0.0577; with n = 40 000 draws the sample std has a relative sd of
    // √((kurtosis − 1)/4n) = √(0.8/160 000) ≈ 0.22%; toBeCloseTo(…, 3) allows 5e-4 ≈ 0.87% (4 sd)
    expect(std(fc.weight.value)).toBeCloseTo(bound / Math.sqrt(3), 3);
    expect(maxAbs(fc.bias!.value)).toBeLessThanOrEqual(bound);
    expect(new Linear(100, 400, { rng: new Rng(7) }).weight.value.data).toEqual(fc.weight.value.data);
    expect(new Linear(100, 400, { seed: 8 }).weight.value.data).not.toEqual(fc.weight.value.data);
  });

  it("has no bias with bias: false, and says so", () => {
    const fc = new Linear(3, 2, { seed: 0, bias: false });
    expect(fc.bias).toBeNull();
    expect(fc.namedParameters().map(([n]) => n)).toEqual(["weight"]);
    expect(fc.describe()).toBe("Linear(in=3, out=2, bias=false)");
  });

  it("names the layer and both shapes on a wrong input", () => {
    const fc = new Linear(784, 10, { seed: 0 });
    expect(() => fc.forward(Tensor.zeros(32, 100))).toThrow(
      "Linear(in=784, out=10): expected input [*, 784], got [32, 100] float32",
    );
    expect(() => fc.forward(Tensor.zeros(2, 784, "float64"))).toThrow(/same dtype/);
    fc.forward(Tensor.zeros(4, 784));
    expect(() => fc.backward(Tensor.zeros(4, 9))).toThrow("expected dy [4, 10]");
    expect(() => new Linear(2, 2, { seed: 0 }).backward(Tensor.zeros(1, 2))).toThrow("call forward first");
  });

  it("requires a seed or an Rng, and valid sizes", () => {
    expect(() => new Linear(2, 3)).toThrow("Linear(in=2, out=3): pass { seed: <number> } or { rng: <Rng> }");
    expect(() => new Linear(2.5, 3, { seed: 0 })).toThrow("inFeatures must be a non-negative integer");
  });

  it("passes a float64 gradient check (with and without bias)", () => {
    const x = randn(5, 4, new Rng(1), 1, 0, "float64");
    expect(gradCheckModule(new Linear(4, 3, { seed: 2 }), x).pass).toBe(true);
    expect(gradCheckModule(new Linear(4, 3, { seed: 2, bias: false }), x).pass).toBe(true);
  });
});
