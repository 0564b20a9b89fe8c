/**
 * Checks for notebook 07 (minibatch size): the lecture's minibatch gradient g = (1/m) Σ_{i∈B} ∇ℓ_i written by hand
 * for a linear model with squared error, against the library's Linear + MSELoss backward.
 */
import { checkClose } from "../exercise";
import { Linear } from "../nn/linear";
import { MSELoss } from "../nn/mse-loss";
import { Tensor } from "../tensor";

/** The minibatch gradient of ℓ = (w·x + b − y)² with respect to w and b, averaged over the batch. */
export type MinibatchGradientFn = (
  w: number[],
  b: number,
  xs: number[][],
  ys: number[],
) => { dw: number[]; db: number };

/** The library's gradient of MSELoss(Linear(x), y) on a batch, as [∂w…, ∂b]. */
function libraryGradient(lin: Linear, xs: number[][], ys: number[]): number[] {
  const mse = new MSELoss();
  lin.zeroGrad();
  mse.forward(
    lin.forward(Tensor.fromRows(xs, "float64")),
    Tensor.fromRows(
      ys.map((y) => [y]),
      "float64",
    ),
  );
  lin.backward(mse.backward());
  return [...lin.weight.grad.data, ...lin.bias!.grad.data];
}

/**
 * Exercise: `minibatchGradient` on a batch of 4 examples with 3 features must equal the library's batch gradient and
 * the mean of the library's per-example gradients (the lecture's 1/m Σ).
 */
export function checkMinibatchGradient(minibatchGradient: MinibatchGradientFn): void {
  const lin = new Linear(3, 1, { seed: 7, dtype: "float64" });
  const xs = [
    [1, 2, 0],
    [0, -1, 3],
    [2, 2, 2],
    [-1, 0, 1],
  ];
  const ys = [1, -2, 0.5, 3];
  const mine = minibatchGradient([...lin.weight.value.data], lin.bias!.value.data[0], xs, ys);
  const got = [...mine.dw, mine.db];
  const tol = { rtol: 1e-9, atol: 1e-12 };
  checkClose("your g = the library's batch gradient", got, libraryGradient(lin, xs, ys), tol);
  const perExample = xs.map((x, i) => libraryGradient(lin, [x], [ys[i]]));
  const mean = perExample[0].map((_, j) => perExample.reduce((s, g) => s + g[j], 0) / xs.length);
  checkClose("your g = the mean of the per-example gradients", got, mean, tol);
}
