import { describe, expect, it } from "vitest";
import { compareGradients, gradCheck, numericGradient } from "./gradcheck";

describe("gradCheck(f, grad_f, w)", () => {
  const f = (w: Float64Array) => w[0] ** 2 * w[1] + Math.sin(w[2]);
  const w = Float64Array.of(3, 2, 0.5);

  it("passes a correct gradient, with relative errors near float64 rounding", () => {
    const r = gradCheck(f, (v) => [2 * v[0] * v[1], v[0] ** 2, Math.cos(v[2])], w);
    expect(r.pass).toBe(true);
    expect(r.maxRelError).toBeLessThan(1e-8);
    expect(Array.from(r.numeric).map((v) => +v.toFixed(6))).toEqual([12, 9, +Math.cos(0.5).toFixed(6)]);
    expect(Array.from(w)).toEqual([3, 2, 0.5]); // w is left untouched
    expect(String(r)).toMatch(/^gradCheck: PASS — max relative error/);
  });

  it("fails a wrong gradient and points at the worst entry", () => {
    // ∂f/∂w1 should be w0² = 9; we claim 2·w0 = 6: relative error |6 − 9|/9 = 1/3
    const r = gradCheck(f, (v) => [2 * v[0] * v[1], 2 * v[0], Math.cos(v[2])], w);
    expect(r.pass).toBe(false);
    expect(r.worst).toBe(1);
    expect(r.maxRelError).toBeCloseTo(1 / 3, 6);
    expect(String(r)).toContain("FAIL — max relative error 3.33e-1 at w[1] (analytic 6, numeric 9");
    expect(() => gradCheck(f, () => [1, 2], w)).toThrow("grad_f returned 2 entries for 3 weights");
  });

  it("compares relatively above `tiny` and absolutely below it", () => {
    // |g − ĝ| = 1e-9 on a gradient of 1e-3: relative 1e-6 would be noise; with tiny = 1e-2 it counts as 1e-7
    expect(compareGradients([1e-3], [1e-3 + 1e-9]).relError[0]).toBeCloseTo(1e-7, 15);
    expect(compareGradients([1e-3], [1e-3 + 1e-9], { tiny: 1e-12 }).relError[0]).toBeCloseTo(1e-6, 10);
    expect(compareGradients([0], [0]).pass).toBe(true);
    expect(compareGradients([1], [NaN]).pass).toBe(false);
    expect(compareGradients([2], [1], { tol: 0.6 }).pass).toBe(true); // |2 − 1|/2 = 0.5
  });

  it("numericGradient is the central difference and restores w", () => {
    // f = w0³: (f(2 + δ) − f(2 − δ))/2δ = 3·2² + δ² = 12.0001 for δ = 0.01 (the δ² term is the truncation error)
    const w = [2];
    const g = numericGradient(() => w[0] ** 3, w, 0.01);
    expect(g[0]).toBeCloseTo(12.0001, 10);
    expect(w).toEqual([2]);
  });
});
