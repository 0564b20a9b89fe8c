/**
 * Checks for notebook 02 (activations and gradient clipping). Each throws `ExerciseFailed` on a wrong answer;
 * labels never print the expected value.
 */
import { ExerciseFailed, checkClose } from "../exercise";
import { Parameter, activationDerivative, applyActivation } from "../nn";
import { clipGradNorm } from "../optim";
import { Rng } from "../rng";
import { Tensor, randn } from "../tensor";

/** Random float64 gradients for parameters of the given shapes, as Parameters and as plain arrays. */
function randomGrads(shapes: [number, number][], seed: number) {
  const rng = new Rng(seed);
  const params = shapes.map(([r, c]) => new Parameter(Tensor.zeros(r, c, "float64")));
  params.forEach((p) => p.grad.data.set(randn(p.grad.rows, p.grad.cols, rng).data));
  return { params, plain: params.map((p) => Array.from(p.grad.data)) };
}

type ClipByNorm = (grads: number[][], maxNorm: number) => { clipped: number[][]; norm: number };

/**
 * Exercise 1: clip by norm over all gradients together, as `torch.nn.utils.clip_grad_norm_` — compared with the
 * library's `clipGradNorm` on three parameters, with G below the total norm (clipped) and far above it (untouched).
 */
export function checkClipByNorm(clipByNorm: ClipByNorm): void {
  if (typeof clipByNorm !== "function") throw new ExerciseFailed("✗ clipByNorm: expected a function");
  for (const G of [0.5, 100]) {
    const { params, plain } = randomGrads(
      [
        [3, 4],
        [1, 5],
        [6, 2],
      ],
      G === 0.5 ? 0 : 1,
    );
    const mine = clipByNorm(
      plain.map((g) => g.slice()),
      G,
    );
    const total = clipGradNorm(params, G);
    checkClose(`G = ${G}: the norm before clipping`, mine?.norm, total, { rtol: 1e-9 });
    checkClose(
      `G = ${G}: the clipped gradients`,
      (mine.clipped ?? []).flat(),
      params.flatMap((p) => Array.from(p.grad.data)),
      { rtol: 1e-9, atol: 1e-12 },
    );
  }
}

/**
 * Exercise 2: ELU's slope σ'(z) (z for z > 0, α(e^z − 1) otherwise), with torch's left-hand slope at the kink z = 0,
 * compared with the library's `activationDerivative("elu", z, α)` on −20 … 20 for α = 1 and 0.5, and with a central
 * difference of `applyActivation` away from 0.
 */
export function checkEluDerivative(eluDerivative: (z: number, alpha?: number) => number): void {
  if (typeof eluDerivative !== "function") throw new ExerciseFailed("✗ eluDerivative: expected a function");
  const grid = Array.from({ length: 81 }, (_, i) => -20 + i / 2); // includes 0
  for (const alpha of [1, 0.5]) {
    checkClose(
      `eluDerivative(z, ${alpha}) on −20 … 20 (incl. the kink)`,
      grid.map((z) => eluDerivative(z, alpha)),
      grid.map((z) => activationDerivative("elu", z, alpha)),
      { rtol: 1e-12, atol: 0 },
    );
  }
  const h = 1e-5;
  const away = grid.filter((z) => Math.abs(z) > 0.1);
  checkClose(
    "eluDerivative(z) = (σ(z + h) − σ(z − h)) / 2h away from 0",
    away.map((z) => eluDerivative(z)),
    away.map((z) => (applyActivation("elu", z + h) - applyActivation("elu", z - h)) / (2 * h)),
    { rtol: 1e-6, atol: 1e-9 },
  );
}
