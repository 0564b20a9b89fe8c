import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { gradCheck } from "../gradcheck";

describe("CrossEntropyLoss", () => {
  it("equals log C for equal logits, with gradient (softmax − one-hot)/N", () => {
    const ce = new CrossEntropyLoss();
    // softmax of [0, 0, 0] is 1/3 each: loss = −log(1/3) = log 3; grad = [1/3, 1/3 − 1, 1/3]
    expect(ce.forward(Tensor.fromRows([[0, 0, 0]], "float64"), [1])).toBeCloseTo(Math.log(3), 15);
    const g = ce.backward().toRows()[0];
    [1 / 3, -2 / 3, 1 / 3].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 15));
  });

  it("averages over the batch", () => {
    // row 0: logits [ln 1, ln 3] → p = [1/4, 3/4], target 1: −ln(3/4); row 1: [0, 0], target 0: ln 2
    const ce = new CrossEntropyLoss();
    const loss = ce.forward(
      Tensor.fromRows(
        [
          [0, Math.log(3)],
          [0, 0],
        ],
        "float64",
      ),
      Int32Array.of(1, 0),
    );
    expect(loss).toBeCloseTo((-Math.log(3 / 4) + Math.log(2)) / 2, 15);
    const g = ce.backward().toRows(); // (p − onehot)/2
    [
      [1 / 8, -1 / 8],
      [-1 / 4, 1 / 4],
    ].forEach((r, i) => r.forEach((v, j) => expect(g[i][j]).toBeCloseTo(v, 15)));
  });

  it("stays finite and exact for huge logits (log-sum-exp with the max subtracted)", () => {
    const ce = new CrossEntropyLoss();
    const logits = Tensor.fromRows([[1e4, 0, -1e4]]); // float32, as in training
    // target 0: log(1 + e^−1e4 + e^−2e4) = 0 exactly in floating point; target 1: 1e4 − 0
    expect(ce.forward(logits, [0])).toBe(0);
    expect(ce.forward(logits, [1])).toBe(1e4);
    expect(Array.from(ce.backward().data)).toEqual([1, -1, 0]);
  });

  it("passes a float64 gradient check", () => {
    const rng = new Rng(4);
    const x = randn(5, 4, rng, 2, 0, "float64");
    const t = [0, 3, 1, 1, 2];
    const ce = new CrossEntropyLoss();
    const f = (w: Float64Array) => ce.forward(Tensor.fromArray(w, 5, 4, "float64"), t);
    const gradF = (w: Float64Array) => (f(w), ce.backward().data.slice());
    const r = gradCheck(f, gradF, x.data);
    expect(r.pass, String(r)).toBe(true);
  });

  it("throws torch-style errors for bad targets and names itself on NaN/Inf inputs", () => {
    const ce = new CrossEntropyLoss();
    const x = Tensor.zeros(2, 3);
    expect(() => ce.forward(x, [0, 3])).toThrow("CrossEntropyLoss: Target 3 is out of bounds");
    expect(() => ce.forward(x, [0, -1])).toThrow("Target -1 is out of bounds");
    expect(() => ce.forward(x, [0, 1.5])).toThrow("Target 1.5 is out of bounds");
    expect(() => ce.forward(x, [0])).toThrow("Expected input batch_size (2) to match target batch_size (1).");
    x.set(1, 2, NaN);
    expect(() => ce.forward(x, [0, 1])).toThrow(
      "CrossEntropyLoss: the input [2, 3] float32 contains NaN (first at [1, 2]); the model has probably diverged: " +
        "lower the learning rate or clip gradients",
    );
    x.set(1, 2, -Infinity);
    expect(() => ce.forward(x, [0, 1])).toThrow("contains -Infinity");
    expect(() => new CrossEntropyLoss().backward()).toThrow("CrossEntropyLoss.backward: call forward first");
  });
});
