import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { ELU, LeakyReLU, ReLU, Sigmoid, Tanh, makeActivation, type Activation } from "./activations";
import { ACTIVATION_NAMES, activationDerivative, applyActivation, sigmoid } from "./activation-functions";
import { gradCheckModule } from "./gradcheck-module";

const Z = Tensor.fromRows([[-2, 0, 3]], "float64");
const rows = (a: Activation) => a.forward(Z).toRows()[0];

describe("activations", () => {
  it("compute the textbook values", () => {
    expect(rows(new ReLU())).toEqual([0, 0, 3]);
    expect(rows(new LeakyReLU(0.1))).toEqual([-0.2, 0, 3]);
    expect(rows(new LeakyReLU())).toEqual([-0.02, 0, 3]); // torch's default slope 0.01
    const elu = rows(new ELU());
    expect(elu[0]).toBeCloseTo(Math.exp(-2) - 1, 15); // e^−2 − 1 ≈ −0.864665
    expect(elu.slice(1)).toEqual([0, 3]);
    expect(rows(new ELU(2))[0]).toBeCloseTo(2 * (Math.exp(-2) - 1), 15);
    // σ(0) = 1/2, σ(3) = 1/(1 + e^−3) ≈ 0.952574, σ(−2) = 1/(1 + e²) ≈ 0.119203
    expect(rows(new Sigmoid())).toEqual([1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-3))]);
    expect(rows(new Tanh())[2]).toBeCloseTo(0.9950547536867305, 15);
  });

  it("ELU's gradient keeps its relative precision for z ≪ 0 (α·e^z, as torch; not y + α)", () => {
    // dx = dy·α·e^z: at z = −30, α = 0.5, dy = 2 that is e^−30 ≈ 9.36e-14. y + α = α(e^z − 1) + α rounds
    // α·e^z away (float64: 1e-4 relative error; float32: exactly 0 already at z = −20, e^−20 ≈ 2.06e-9).
    for (const dtype of ["float64", "float32"] as const) {
      const elu = new ELU(0.5);
      elu.forward(Tensor.fromRows([[-30, -20]], dtype));
      const dx = elu.backward(Tensor.fromRows([[2, 2]], dtype)).toRows()[0];
      const tol = dtype === "float64" ? 1e-15 : 1e-7;
      expect(Math.abs(dx[0] / Math.exp(-30) - 1)).toBeLessThan(tol);
      expect(Math.abs(dx[1] / Math.exp(-20) - 1)).toBeLessThan(tol);
    }
  });

  it("sigmoid does not overflow for huge |z|", () => {
    const y = new Sigmoid().forward(Tensor.fromRows([[-1000, 1000]], "float64")).toRows()[0];
    expect(y).toEqual([0, 1]);
    expect(sigmoid(-1000)).toBe(0);
  });

  it("backward is dy ⊙ σ'(z), with torch's choices at the kink z = 0", () => {
    // relu' = [0, 0, 1]; leaky' = [0.1, 0.1, 1]; elu' = [e^−2, 1 (α at 0), 1]
    const dy = Tensor.fromRows([[2, 2, 2]], "float64");
    const back = (a: Activation) => (a.forward(Z), a.backward(dy).toRows()[0]);
    expect(back(new ReLU())).toEqual([0, 0, 2]);
    expect(back(new LeakyReLU(0.1))).toEqual([0.2, 0.2, 2]);
    const e = back(new ELU());
    expect(e[0]).toBeCloseTo(2 * Math.exp(-2), 15);
    expect(e.slice(1)).toEqual([2, 2]);
    expect(back(new Sigmoid())[1]).toBe(0.5); // 2 · σ(0)(1 − σ(0)) = 2 · 1/4
    expect(back(new Tanh())[1]).toBe(2); // 2 · (1 − tanh²0)
  });

  it("the scalar helpers agree with the layers and with central differences", () => {
    for (const name of ACTIVATION_NAMES) {
      const layer = makeActivation(name);
      const z = Tensor.fromRows([[-3, -0.5, 0.7, 2.5]], "float64");
      const y = layer.forward(z).toRows()[0];
      const d = layer.backward(Tensor.full(1, 4, 1, "float64")).toRows()[0];
      [-3, -0.5, 0.7, 2.5].forEach((v, i) => {
        expect(applyActivation(name, v)).toBeCloseTo(y[i], 14);
        expect(activationDerivative(name, v)).toBeCloseTo(d[i], 14);
        const h = 1e-6;
        const numeric = (applyActivation(name, v + h) - applyActivation(name, v - h)) / (2 * h);
        expect(activationDerivative(name, v)).toBeCloseTo(numeric, 8);
      });
    }
    expect(() => applyActivation("gelu" as never, 0)).toThrow('Unknown activation "gelu"');
    expect(() => makeActivation("swish" as never)).toThrow('Unknown activation "swish"');
  });

  it("reuses the output buffer while the shape is unchanged, and reallocates when it changes", () => {
    const relu = new ReLU();
    const a = relu.forward(Tensor.zeros(2, 3));
    expect(relu.forward(Tensor.full(2, 3, 1))).toBe(a);
    expect(relu.forward(Tensor.zeros(4, 3))).not.toBe(a);
  });

  it("pass a float64 gradient check", () => {
    const x = randn(6, 5, new Rng(3), 1.5, 0, "float64");
    for (const a of [new ReLU(), new LeakyReLU(0.2), new ELU(0.7), new Sigmoid(), new Tanh()]) {
      const r = gradCheckModule(a, x);
      expect(r.pass, String(r)).toBe(true);
    }
  });

  it("check dy's shape", () => {
    const t = new Tanh();
    t.forward(Tensor.zeros(2, 3));
    expect(() => t.backward(Tensor.zeros(3, 2))).toThrow("Tanh.backward: expected dy [2, 3]");
  });

  it("propagate NaN as torch does: σ(NaN) = NaN for every activation, layers and scalar functions", () => {
    const x = Tensor.fromRows([[NaN, -1, 2]], "float64");
    for (const name of ACTIVATION_NAMES) {
      const layer = makeActivation(name);
      expect(layer.forward(x).data[0], name).toBeNaN();
      expect(layer.forward(x).data[2], name).toBe(applyActivation(name, 2)); // the rest unchanged
      expect(applyActivation(name, NaN), name).toBeNaN();
      expect(activationDerivative(name, NaN), name).toBeNaN();
    }
    // torch's backward at a NaN input: ReLU and ELU pass dy through (their `x <= 0` test is false), LeakyReLU
    // scales it by the slope, Sigmoid and Tanh give NaN (from σ(NaN)).
    const dy = Tensor.fromRows([[5, 5, 5]], "float64");
    const back = (a: Activation) => (a.forward(x), a.backward(dy).data[0]);
    expect(back(new ReLU())).toBe(5);
    expect(back(new ELU())).toBe(5);
    expect(back(new LeakyReLU(0.5))).toBe(2.5);
    expect(back(new Sigmoid())).toBeNaN();
    expect(back(new Tanh())).toBeNaN();
  });
});
