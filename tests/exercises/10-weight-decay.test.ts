import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import {
  checkAdamwStep,
  checkMomentumDecay,
  type AdamwStep,
  type MomentumDecayStep,
} from "../../lib/src/exercises/10-weight-decay";

const coupled: MomentumDecayStep = (w, g, buf, lr, mu, lambda) => {
  for (let i = 0; i < w.length; i++) {
    buf[i] = mu * buf[i] + g[i] + lambda * w[i];
    w[i] -= lr * buf[i];
  }
};
const decoupled: MomentumDecayStep = (w, g, buf, lr, mu, lambda) => {
  for (let i = 0; i < w.length; i++) {
    w[i] *= 1 - lr * lambda;
    buf[i] = mu * buf[i] + g[i];
    w[i] -= lr * buf[i];
  }
};
const adamw: AdamwStep = (w, g, m, v, t, lr, lambda, b1 = 0.9, b2 = 0.999, eps = 1e-8) => {
  for (let i = 0; i < w.length; i++) {
    w[i] *= 1 - lr * lambda;
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    w[i] -= (lr * m[i]) / (1 - b1 ** t) / (Math.sqrt(v[i] / (1 - b2 ** t)) + eps);
  }
};

const quiet = <T>(f: () => T): T => {
  const log = console.log;
  console.log = () => {};
  try {
    return f();
  } finally {
    console.log = log;
  }
};

describe("exercise checks of notebook 10", () => {
  it("accept the correct answers", () => {
    expect(() => quiet(() => checkMomentumDecay(coupled, decoupled))).not.toThrow();
    expect(() => quiet(() => checkAdamwStep(adamw))).not.toThrow();
  });

  it.each<[string, MomentumDecayStep, MomentumDecayStep]>([
    ["the same (coupled) rule written twice", coupled, coupled],
    ["the same (decoupled) rule written twice", decoupled, decoupled],
    ["the two forms swapped", decoupled, coupled],
    [
      "decay factor 1 − λ instead of 1 − ηλ",
      coupled,
      (w, g, buf, lr, mu, lambda) => {
        for (let i = 0; i < w.length; i++) w[i] *= 1 - lambda;
        decoupled(w, g, buf, lr, mu, 0);
      },
    ],
    ["λ forgotten in the coupled form", (w, g, buf, lr, mu) => coupled(w, g, buf, lr, mu, 0), decoupled],
    [
      "the decay applied to the buffer instead of W",
      coupled,
      (w, g, buf, lr, mu, lambda) => {
        for (let i = 0; i < w.length; i++) {
          buf[i] = (1 - lr * lambda) * mu * buf[i] + g[i];
          w[i] -= lr * buf[i];
        }
      },
    ],
  ])("reject %s", (_name, c, d) => {
    expect(() => quiet(() => checkMomentumDecay(c, d))).toThrow(ExerciseFailed);
  });

  it.each<[string, AdamwStep]>([
    [
      "Adam + L2 (λW added to the gradient)",
      (w, g, m, v, t, lr, lambda) =>
        adamw(
          w,
          Array.from(g, (x, i) => x + lambda * w[i]),
          m,
          v,
          t,
          lr,
          0,
        ),
    ],
    [
      "the decay after the Adam step",
      (w, g, m, v, t, lr, lambda) => {
        adamw(w, g, m, v, t, lr, 0);
        for (let i = 0; i < w.length; i++) w[i] *= 1 - lr * lambda;
      },
    ],
    ["no bias correction", (w, g, m, v, _t, lr, lambda) => adamw(w, g, m, v, Infinity, lr, lambda)],
    ["decay by λ instead of ηλ", (w, g, m, v, t, lr, lambda) => adamw(w, g, m, v, t, lr, lambda / lr)],
  ])("reject AdamW with %s", (_name, f) => {
    expect(() => quiet(() => checkAdamwStep(f))).toThrow(ExerciseFailed);
  });
});
