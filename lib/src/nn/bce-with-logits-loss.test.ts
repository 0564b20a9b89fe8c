import { describe, expect, it } from "vitest";
import { Tensor, randn, rand } from "../tensor";
import { Rng } from "../rng";
import { BCEWithLogitsLoss } from "./bce-with-logits-loss";
import { gradCheck } from "../gradcheck";

/** The textbook form −[y log σ(x) + (1 − y) log(1 − σ(x))], fine for moderate x. */
const naive = (x: number, y: number) => {
  const s = 1 / (1 + Math.exp(-x));
  return -(y * Math.log(s) + (1 - y) * Math.log(1 - s));
};

describe("BCEWithLogitsLoss", () => {
  it("matches the textbook formula and has gradient (σ(x) − y)/n", () => {
    const bce = new BCEWithLogitsLoss();
    // x = 0: σ = 1/2, loss = log 2 for any y; mean over [0→y=1, 2→y=0.25]
    const loss = bce.forward(Tensor.fromRows([[0, 2]], "float64"), Tensor.fromRows([[1, 0.25]], "float64"));
    expect(loss).toBeCloseTo((naive(0, 1) + naive(2, 0.25)) / 2, 14);
    const g = bce.backward().toRows()[0];
    expect(g[0]).toBeCloseTo((0.5 - 1) / 2, 15);
    expect(g[1]).toBeCloseTo((1 / (1 + Math.exp(-2)) - 0.25) / 2, 15);
  });

  it("is stable for huge logits where the textbook form gives Infinity or NaN", () => {
    const bce = new BCEWithLogitsLoss();
    // x = 1e4, y = 0: max(x, 0) − 0 + log(1 + e^−1e4) = 1e4; x = −1e4, y = 1: 0 + 1e4 + 0 = 1e4
    expect(bce.forward(Tensor.fromRows([[1e4, -1e4]]), Tensor.fromRows([[0, 1]]))).toBe(1e4);
    expect(Number.isFinite(naive(1e4, 0))).toBe(false);
    expect(Array.from(bce.backward().data)).toEqual([0.5, -0.5]);
  });

  it("passes a float64 gradient check", () => {
    const rng = new Rng(8);
    const y = rand(4, 3, rng, 0, 1, "float64");
    const bce = new BCEWithLogitsLoss();
    const f = (w: Float64Array) => bce.forward(Tensor.fromArray(w, 4, 3, "float64"), y);
    const r = gradCheck(f, (w) => (f(w), bce.backward().data.slice()), randn(4, 3, rng, 2, 0, "float64").data);
    expect(r.pass, String(r)).toBe(true);
  });

  it("names itself on NaN inputs and wrong shapes", () => {
    const bce = new BCEWithLogitsLoss();
    expect(() => bce.forward(Tensor.fromRows([[NaN]]), Tensor.zeros(1, 1))).toThrow("BCEWithLogitsLoss: the input");
    expect(() => bce.forward(Tensor.zeros(1, 2), Tensor.zeros(2, 1))).toThrow(
      "BCEWithLogitsLoss: expected a target of the input's shape",
    );
  });
});
