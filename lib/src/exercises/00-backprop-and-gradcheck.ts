/**
 * Checks for notebook 00 (backpropagation and gradient checking). Each throws `ExerciseFailed` on a wrong answer;
 * labels never print the expected value.
 */
import { ExerciseFailed, checkClose, checkTrue } from "../exercise";
import { BuggySigmoid, directionalCheck, gradCheck, mlp } from "../nn";
import { Rng } from "../rng";
import { randn } from "../tensor";

/** The tolerance a float32 directional check must meet in exercise 1. */
export const FLOAT32_TOL = 1e-4;

/**
 * Exercise 1: the step δ (returned by `float32Delta()`) for a directional check run in **float32**. On four small float32 sigmoid nets
 * (20-16-3, 64 random inputs) the check along g/‖g‖ must pass every correct net at the tolerance `FLOAT32_TOL` and
 * fail every net with `BuggySigmoid`. The float64 default δ = 1e-5 fails: float32's rounding error ε|ℓ|/δ is too
 * large there; so does a δ so large that truncation (∝ δ²) dominates.
 */
export function checkFloat32Delta(float32Delta: () => number): void {
  if (typeof float32Delta !== "function") throw new ExerciseFailed("✗ float32Delta: expected a function");
  const delta = float32Delta();
  if (typeof delta !== "number" || !(delta > 0))
    throw new ExerciseFailed(`✗ float32Delta(): expected a positive number, got ${String(delta)}`);
  const x = randn(64, 20, new Rng(7), 1, 0, "float32");
  const y = Int32Array.from({ length: 64 }, (_, i) => i % 3);
  const errors = (buggy: boolean) =>
    [0, 1, 2, 3].map((seed) => {
      const m = mlp({ sizes: [20, 16, 3], activation: "sigmoid", dtype: "float32" }, seed);
      if (buggy) m.replace(1, new BuggySigmoid());
      return directionalCheck(m, x, y, { delta }).error;
    });
  const good = errors(false);
  checkTrue(
    `the float32 check passes 4 correct nets at tol ${FLOAT32_TOL}`,
    good.every((e) => e <= FLOAT32_TOL),
    `worst relative error ${Math.max(...good).toExponential(1)}`,
  );
  checkTrue(
    "the float32 check fails 4 nets with BuggySigmoid",
    errors(true).every((e) => e > FLOAT32_TOL),
  );
}

type GradCheckFn = (
  f: (w: Float64Array) => number,
  gradF: (w: Float64Array) => ArrayLike<number>,
  w: Float64Array,
  delta?: number,
  eps?: number,
) => { numeric: ArrayLike<number>; pass: boolean };

/** f(w) = w0²·w1 + sin(w2)·w0, its gradient, and a wrong one (∂f/∂w1 written as 2·w0 instead of w0²). */
const f = (w: Float64Array) => w[0] ** 2 * w[1] + Math.sin(w[2]) * w[0];
const rightGrad = (w: Float64Array) => [2 * w[0] * w[1] + Math.sin(w[2]), w[0] ** 2, Math.cos(w[2]) * w[0]];
const wrongGrad = (w: Float64Array) => [2 * w[0] * w[1] + Math.sin(w[2]), 2 * w[0], Math.cos(w[2]) * w[0]];

/**
 * Exercise 3: the lecture's GradCheck loop. The student's checker must give the library's central differences,
 * pass a right gradient and fail a wrong one, leave `w` unchanged — and pass the right gradient of the same
 * function scaled by 1e6, where a correct gradient's *absolute* error (rounding, ≈ ε|f|/δ ≈ 1e-3) is far above
 * `eps` although its relative error is ≈ 1e-10: an absolute-error checker fails there.
 */
export function checkMyGradCheck(myGradCheck: GradCheckFn): void {
  if (typeof myGradCheck !== "function") throw new ExerciseFailed("✗ myGradCheck: expected a function");
  const w = Float64Array.of(3, 2, 0.5);
  const mine = myGradCheck(f, rightGrad, w);
  checkClose("numeric gradient = the library's gradCheck", mine.numeric, gradCheck(f, rightGrad, w).numeric, {
    rtol: 1e-9,
  });
  checkTrue("a right gradient passes", mine.pass === true);
  checkTrue("a wrong gradient fails", myGradCheck(f, wrongGrad, w).pass === false);
  checkTrue("w is left unchanged", w.join() === "3,2,0.5");
  const big = (v: Float64Array) => 1e6 * f(v);
  const bigGrad = (v: Float64Array) => rightGrad(v).map((g) => 1e6 * g);
  checkTrue("a right gradient of 1e6·f passes (the error must be relative)", myGradCheck(big, bigGrad, w).pass);
  const bigWrong = (v: Float64Array) => wrongGrad(v).map((g) => 1e6 * g);
  checkTrue("a wrong gradient of 1e6·f fails", myGradCheck(big, bigWrong, w).pass === false);
}
