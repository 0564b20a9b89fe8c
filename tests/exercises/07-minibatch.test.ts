import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import { checkMinibatchGradient, type MinibatchGradientFn } from "../../lib/src/exercises/07-minibatch";

/** The gradient with a chosen factor on ∂ℓ/∂f and a chosen divisor (m for the mean, 1 for the sum). */
const gradientWith =
  (factor: number, mean: boolean): MinibatchGradientFn =>
  (w, b, xs, ys) => {
    const m = mean ? xs.length : 1;
    const dw = w.map(() => 0);
    let db = 0;
    xs.forEach((x, i) => {
      const r = factor * (x.reduce((s, xj, j) => s + w[j] * xj, b) - ys[i]);
      x.forEach((xj, j) => (dw[j] += (r * xj) / m));
      db += r / m;
    });
    return { dw, db };
  };

describe("exercise 07: the minibatch gradient", () => {
  it("passes the mean of 2(f(x) − y)·(x, 1)", () => {
    expect(() => checkMinibatchGradient(gradientWith(2, true))).not.toThrow();
  });
  it("fails for the sum instead of the mean", () => {
    expect(() => checkMinibatchGradient(gradientWith(2, false))).toThrow(ExerciseFailed);
  });
  it("fails without the factor 2 of the squared error", () => {
    expect(() => checkMinibatchGradient(gradientWith(1, true))).toThrow(ExerciseFailed);
  });
});
