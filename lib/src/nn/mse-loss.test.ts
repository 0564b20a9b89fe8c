import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { MSELoss } from "./mse-loss";
import { gradCheck } from "../gradcheck";

describe("MSELoss", () => {
  it("is the mean of squared errors, no ½, with gradient 2(x − y)/n", () => {
    const mse = new MSELoss();
    // ((1 − 0)² + (2 − 0)² + (0 − 1)² + (1 − 1)²)/4 = 6/4
    const x = Tensor.fromRows([
      [1, 2],
      [0, 1],
    ]);
    expect(
      mse.forward(
        x,
        Tensor.fromRows([
          [0, 0],
          [1, 1],
        ]),
      ),
    ).toBe(1.5);
    expect(mse.backward().toRows()).toEqual([
      [0.5, 1],
      [-0.5, 0],
    ]); // 2·[1, 2, −1, 0]/4
  });

  it("passes a float64 gradient check", () => {
    const rng = new Rng(6);
    const y = randn(3, 4, rng, 1, 0, "float64");
    const mse = new MSELoss();
    const f = (w: Float64Array) => mse.forward(Tensor.fromArray(w, 3, 4, "float64"), y);
    const r = gradCheck(f, (w) => (f(w), mse.backward().data.slice()), randn(3, 4, rng, 1, 0, "float64").data);
    expect(r.pass, String(r)).toBe(true);
  });

  it("rejects a target of another shape and NaN/Inf in input or target", () => {
    const mse = new MSELoss();
    expect(() => mse.forward(Tensor.zeros(2, 3), Tensor.zeros(3, 2))).toThrow(
      "MSELoss: expected a target of the input's shape, got input [2, 3] float32 and target [3, 2] float32",
    );
    expect(() => mse.forward(Tensor.fromRows([[Infinity]]), Tensor.zeros(1, 1))).toThrow(
      "MSELoss: the input [1, 1] float32 contains Infinity",
    );
    expect(() => mse.forward(Tensor.zeros(1, 1), Tensor.fromRows([[NaN]]))).toThrow("MSELoss: the target");
  });
});
