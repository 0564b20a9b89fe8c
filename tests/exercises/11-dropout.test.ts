import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import { checkInvertedDropout, type InvertedDropoutFn } from "../../lib/src/exercises/11-dropout";
import { mul, scale } from "../../lib/src/tensor";

const withScale =
  (s: (p: number) => number, maskBackward = true): InvertedDropoutFn =>
  (x, keep, p, dy) => ({
    y: scale(mul(x, keep), s(p)),
    dx: maskBackward ? scale(mul(dy, keep), s(p)) : scale(dy, s(p)),
  });

describe("exercise 11(a): inverted dropout by hand", () => {
  it("passes y = keep ⊙ x / (1 − p), dx = keep ⊙ dy / (1 − p)", () => {
    expect(() => checkInvertedDropout(withScale((p) => 1 / (1 - p)))).not.toThrow();
  });

  it("fails the plausible wrong answers", () => {
    const wrong: InvertedDropoutFn[] = [
      withScale(() => 1), // forgot to scale
      withScale((p) => 1 / p), // ConvNetJS's bug: right at p = 0.5 only
      withScale((p) => 1 - p), // the paper's test-time factor applied in training
      withScale((p) => 1 / (1 - p), false), // backward without the mask
      (x, keep, p, dy) => ({ y: scale(mul(x, keep), 1 / (1 - p)), dx: mul(dy, keep) }), // backward unscaled
    ];
    for (const w of wrong) expect(() => checkInvertedDropout(w)).toThrow(ExerciseFailed);
  });
});
