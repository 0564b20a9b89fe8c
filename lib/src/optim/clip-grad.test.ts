import { describe, expect, it } from "vitest";
import { clipGradNorm, clipGradValue, gradNorm } from "./clip-grad";
import { param64, setGrad } from "./test-helpers";

/** Two parameters with gradients (3, 0) and (4): total 2-norm 5, inf-norm 4, 1-norm 7. */
function threeFourFive() {
  const a = param64([[0, 0]]);
  const b = param64([[0]]);
  setGrad(a, [3, 0]);
  setGrad(b, [-4]);
  return [a, b];
}

describe("gradNorm / clipGradNorm / clipGradValue", () => {
  it("gradNorm: 2-, 1- and inf-norms over all gradients together", () => {
    const ps = threeFourFive();
    expect(gradNorm(ps)).toBe(5);
    expect(gradNorm(ps, 1)).toBe(7);
    expect(gradNorm(ps, Infinity)).toBe(4);
    expect(gradNorm(ps, 3)).toBeCloseTo((27 + 64) ** (1 / 3), 14);
  });

  it("clipGradNorm scales by maxNorm/(total + 1e-6) and returns the norm before clipping", () => {
    const ps = threeFourFive();
    // total 5, maxNorm 1: c = 1/(5 + 1e-6) → g = (0.6, 0, −0.8) up to the 1e-6
    expect(clipGradNorm(ps, 1)).toBe(5);
    const c = 1 / (5 + 1e-6);
    expect(Array.from(ps[0].grad.data)).toEqual([3 * c, 0]);
    expect(ps[1].grad.data[0]).toBe(-4 * c);
    expect(gradNorm(ps)).toBeCloseTo(1, 6);
  });

  it("leaves gradients alone when the norm is under maxNorm", () => {
    const ps = threeFourFive();
    expect(clipGradNorm(ps, 10)).toBe(5);
    expect(Array.from(ps[0].grad.data)).toEqual([3, 0]);
  });

  it("inf-norm clipping: c = maxNorm / (max|g| + 1e-6)", () => {
    const ps = threeFourFive();
    expect(clipGradNorm(ps, 2, { normType: Infinity })).toBe(4);
    expect(ps[1].grad.data[0]).toBeCloseTo(-2, 6);
    expect(ps[0].grad.data[0]).toBeCloseTo(1.5, 6);
  });

  it("errorIfNonfinite throws on NaN/Inf; otherwise the non-finite norm is returned", () => {
    const ps = threeFourFive();
    ps[0].grad.data[1] = Infinity;
    expect(() => clipGradNorm(ps, 1, { errorIfNonfinite: true })).toThrow(
      "The total norm of order 2 for gradients from `parameters` is non-finite",
    );
    expect(clipGradNorm(ps, 1)).toBe(Infinity);
  });

  it("skips frozen parameters", () => {
    const ps = threeFourFive();
    ps[1].requiresGrad = false;
    expect(clipGradNorm(ps, 1)).toBe(3);
    expect(ps[1].grad.data[0]).toBe(-4);
  });

  it("clipGradValue clamps each entry to [−v, v]", () => {
    const ps = threeFourFive();
    clipGradValue(ps, 2.5);
    expect(Array.from(ps[0].grad.data)).toEqual([2.5, 0]);
    expect(ps[1].grad.data[0]).toBe(-2.5);
  });
});
