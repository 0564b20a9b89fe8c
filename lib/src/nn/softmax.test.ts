import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { LogSoftmax, Softmax, logSoftmax, softmax } from "./softmax";
import { gradCheckModule } from "./gradcheck-module";

describe("softmax and log-softmax", () => {
  it("give the textbook values row by row", () => {
    // [0, ln 3] → e^0/(1 + 3) = 1/4, 3/4; [0, 0, 0] → 1/3 each
    const p = softmax(Tensor.fromRows([[0, Math.log(3)]], "float64")).toRows()[0];
    expect(p[0]).toBeCloseTo(0.25, 15);
    expect(p[1]).toBeCloseTo(0.75, 15);
    const lp = logSoftmax(Tensor.fromRows([[0, 0, 0]], "float64")).toRows()[0];
    lp.forEach((v) => expect(v).toBeCloseTo(-Math.log(3), 15));
    // the module and the function agree, and −1 names the same dimension as torch
    const x = randn(2, 3, new Rng(0), 5, 0, "float64");
    expect(new Softmax(-1).forward(x).toRows()).toEqual(softmax(x).toRows());
    expect(new LogSoftmax().forward(x).toRows()).toEqual(logSoftmax(x, -1).toRows());
  });

  it("do not overflow for logits of ±1e4", () => {
    const p = softmax(Tensor.fromRows([[1e4, 0, -1e4]], "float64")).toRows()[0];
    expect(p).toEqual([1, 0, 0]);
    const lp = logSoftmax(Tensor.fromRows([[1e4, 1e4]], "float64")).toRows()[0];
    lp.forEach((v) => expect(v).toBeCloseTo(-Math.log(2), 12));
  });

  it("backpropagate like central differences (float64)", () => {
    const x = randn(4, 5, new Rng(3), 1, 0, "float64");
    for (const layer of [new Softmax(), new LogSoftmax()]) {
      const report = gradCheckModule(layer, x);
      expect(report.pass, String(report)).toBe(true);
    }
  });

  it("softmax's backward is y ⊙ (dy − ⟨dy, y⟩): zero for a dy that is constant along the row", () => {
    const s = new Softmax();
    s.forward(Tensor.fromRows([[1, 2, 3]], "float64"));
    s.backward(Tensor.fromRows([[5, 5, 5]], "float64"))
      .toRows()[0]
      .forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-14));
  });

  it("refuse a dimension other than the rows' with a clear message", () => {
    expect(() => new Softmax(0)).toThrow("Softmax: dim 0 is not supported");
    expect(() => logSoftmax(Tensor.zeros(1, 2), 2)).toThrow("logSoftmax: dim 2 is not supported");
  });
});
