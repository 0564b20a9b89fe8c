import { describe, expect, it, vi } from "vitest";
import { checkDropWhenStuck, checkLargestStableLr, type Hessian2 } from "../../lib/src/exercises/04-step-size";
import { ExerciseFailed } from "../../lib/src/exercise";

vi.spyOn(console, "log").mockImplementation(() => {});

const eigMax = ([[a, b], [, c]]: Hessian2) => (a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b * b);

describe("notebook 04 exercise 1: the largest stable step", () => {
  it("passes 2/λmax", () => {
    expect(() => checkLargestStableLr((h) => 2 / eigMax(h))).not.toThrow();
  });
  it.each([
    ["1/λmax (the step that removes the steep direction in one go)", (h: Hessian2) => 1 / eigMax(h)],
    [
      "2 over the largest diagonal entry (wrong once the bowl is turned)",
      (h: Hessian2) => 2 / Math.max(h[0][0], h[1][1]),
    ],
    ["2 over the trace", (h: Hessian2) => 2 / (h[0][0] + h[1][1])],
    [
      "2/λmin (the flat direction)",
      (h: Hessian2) => 2 / ((h[0][0] + h[1][1]) / 2 - Math.hypot((h[0][0] - h[1][1]) / 2, h[0][1])),
    ],
  ])("fails %s", (_name, fn) => {
    expect(() => checkLargestStableLr(fn)).toThrow(ExerciseFailed);
  });
});

/** The reference rule with switches for the usual slips. */
function rule(opts: { strict?: boolean; threshold?: number; reset?: boolean } = {}) {
  const { strict = true, threshold = 1e-4, reset = true } = opts;
  return (losses: number[], eta0: number, factor: number, patience: number) => {
    let lr = eta0;
    let best = Infinity;
    let bad = 0;
    return losses.map((loss) => {
      if (loss < best * (1 - threshold)) [best, bad] = [loss, 0];
      else bad++;
      if (strict ? bad > patience : bad >= patience) {
        lr *= factor;
        if (reset) bad = 0;
      }
      return lr;
    });
  };
}

describe("notebook 04 exercise 2: drop η when stuck", () => {
  const real = [0.9, 0.6, 0.62, 0.55, 0.56, 0.57, 0.58, 0.54, 0.541, 0.542];
  it("passes torch's rule", () => {
    expect(() => checkDropWhenStuck(rule(), real)).not.toThrow();
  });
  it.each([
    ["patience off by one (≥ instead of >)", rule({ strict: false })],
    ["no relative threshold (any decrease counts)", rule({ threshold: 0 })],
    ["the counter not reset after a drop", rule({ reset: false })],
    ["never dropping", (l: number[], eta0: number) => l.map(() => eta0)],
  ])("fails %s", (_name, fn) => {
    expect(() => checkDropWhenStuck(fn)).toThrow(ExerciseFailed);
  });
});
