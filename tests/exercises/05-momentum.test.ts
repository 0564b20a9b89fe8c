import { describe, expect, it, vi } from "vitest";
import { checkVelocityMatchesHeavyBall, type VelocityStepFn } from "../../lib/src/exercises/05-momentum";
import { ExerciseFailed } from "../../lib/src/exercise";

vi.spyOn(console, "log").mockImplementation(() => {});

/** Velocity form b ← scale·γ·b + damp·g, W ← W − ηb, with the scale of b chosen by `rescale`. */
const velocity =
  (rescale: (lr: number, lrPrev: number) => number, damp = (_g: number) => 1): VelocityStepFn =>
  (w, b, g, lr, lrPrev, gamma) => {
    const nb = [0, 1].map((i) => rescale(lr, lrPrev) * gamma * b[i] + damp(gamma) * g[i]) as [number, number];
    return { w: [w[0] - lr * nb[0], w[1] - lr * nb[1]], b: nb };
  };

describe("notebook 05 exercise: velocity form = heavy ball after an η drop", () => {
  it("passes b ← γ(η_prev/η)b + g", () => {
    expect(() => checkVelocityMatchesHeavyBall(velocity((lr, prev) => prev / lr))).not.toThrow();
  });
  it.each([
    ["torch's plain form (no rescaling)", velocity(() => 1)],
    ["the rescaling upside down (η/η_prev)", velocity((lr, prev) => lr / prev)],
    [
      "dampening (1 − γ)·g",
      velocity(
        (lr, prev) => prev / lr,
        (gamma) => 1 - gamma,
      ),
    ],
  ])("fails %s", (_name, fn) => {
    expect(() => checkVelocityMatchesHeavyBall(fn)).toThrow(ExerciseFailed);
  });
});
