/**
 * Checks for notebook 10 (weight decay). Each check runs the student's function for a few steps on fixed
 * pseudo-random weights and gradients and compares with a reference: the library's optimizers where they exist
 * (`SGD` with `weightDecay` is torch's coupled form; `AdamW`), and the two-line SGDW rule of Loshchilov & Hutter.
 */
import { checkClose } from "../exercise";
import { Rng } from "../rng";
import { Tensor } from "../tensor";
import { Parameter } from "../nn/module";
import { SGD } from "../optim/sgd";
import { AdamW } from "../optim/adam";

/** One in-place step of SGD with momentum and weight decay on plain arrays: updates `w` and the buffer `buf`. */
export type MomentumDecayStep = (
  w: Float64Array,
  g: ArrayLike<number>,
  buf: Float64Array,
  lr: number,
  momentum: number,
  lambda: number,
) => void;

/** One in-place AdamW step on plain arrays (step number `t` from 1): updates `w`, `m` and `v`. */
export type AdamwStep = (
  w: Float64Array,
  g: ArrayLike<number>,
  m: Float64Array,
  v: Float64Array,
  t: number,
  lr: number,
  lambda: number,
  beta1?: number,
  beta2?: number,
  eps?: number,
) => void;

const N = 40;
const STEPS = 4;

/** Fixed weights and one gradient per step (different each step, so the momentum buffer matters). */
function problem(): { w0: Float64Array; grads: Float64Array[] } {
  const rng = new Rng(1010);
  const draw = (scale: number) => Float64Array.from({ length: N }, () => rng.normal(0, scale));
  return { w0: draw(0.5), grads: Array.from({ length: STEPS }, () => draw(0.2)) };
}

/** The library's optimizer run on a float64 copy of w0 with the given gradients; returns the final weights. */
function reference(make: (p: Parameter) => { step(): void }, w0: Float64Array, grads: Float64Array[]): Float64Array {
  const p = new Parameter(new Tensor(1, N, Float64Array.from(w0), "float64"));
  const opt = make(p);
  for (const g of grads) {
    p.grad.data.set(g);
    opt.step();
  }
  return Float64Array.from(p.value.data);
}

/** Runs a student's step function STEPS times from w0 and zero state. */
function runStudent(
  step: (w: Float64Array, g: Float64Array, t: number) => void,
  w0: Float64Array,
  grads: Float64Array[],
) {
  const w = Float64Array.from(w0);
  grads.forEach((g, i) => step(w, g, i + 1));
  return w;
}

/**
 * Exercise 1: SGD with momentum γ and weight decay λ in the two forms that coincide without momentum.
 * Coupled (torch `SGD(weight_decay=λ)`, "L2 in the gradient"): d = g + λW, buf ← γ·buf + d, W ← W − η·buf.
 * Decoupled (SGDW): W ← (1 − ηλ)W, buf ← γ·buf + g, W ← W − η·buf. Four steps, η = 0.1, γ = 0.9, λ = 0.05.
 */
export function checkMomentumDecay(coupled: MomentumDecayStep, decoupled: MomentumDecayStep): void {
  const { w0, grads } = problem();
  const lr = 0.1,
    momentum = 0.9,
    lambda = 0.05;
  const sgd = reference((p) => new SGD([p], { lr, momentum, weightDecay: lambda }), w0, grads);
  const sgdw = (() => {
    const w = Float64Array.from(w0),
      buf = new Float64Array(N);
    for (const g of grads) {
      for (let i = 0; i < N; i++) {
        w[i] *= 1 - lr * lambda;
        buf[i] = momentum * buf[i] + g[i];
        w[i] -= lr * buf[i];
      }
    }
    return w;
  })();
  const student = (f: MomentumDecayStep) => {
    const buf = new Float64Array(N);
    return runStudent((w, g) => f(w, g, buf, lr, momentum, lambda), w0, grads);
  };
  checkClose("coupled form = SGD(momentum, weightDecay) after 4 steps", student(coupled), sgd, {
    rtol: 1e-10,
    atol: 1e-13,
  });
  checkClose("decoupled form = SGDW after 4 steps", student(decoupled), sgdw, { rtol: 1e-10, atol: 1e-13 });
}

/** Exercise 2: three AdamW steps (η = 0.01, λ = 0.1, torch's defaults β = (0.9, 0.999), ε = 1e-8) against `AdamW`. */
export function checkAdamwStep(step: AdamwStep): void {
  const { w0, grads } = problem();
  const lr = 0.01,
    lambda = 0.1;
  const expected = reference((p) => new AdamW([p], { lr, weightDecay: lambda }), w0, grads);
  const m = new Float64Array(N),
    v = new Float64Array(N);
  const actual = runStudent((w, g, t) => step(w, g, m, v, t, lr, lambda), w0, grads);
  checkClose("your AdamW = AdamW after 4 steps", actual, expected, { rtol: 1e-9, atol: 1e-12 });
}
