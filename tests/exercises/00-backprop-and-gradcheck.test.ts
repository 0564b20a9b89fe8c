import { beforeAll, describe, expect, it, vi } from "vitest";
import { exercises } from "../../lib/src";
import { checkFloat32Delta, checkMyGradCheck } from "../../lib/src/exercises/00-backprop-and-gradcheck";

beforeAll(() => void vi.spyOn(console, "log").mockImplementation(() => {}));

describe("00 backprop: exercise 1, a δ for a float32 directional check", () => {
  it.each([1e-3, 3e-3])("passes δ = %s (near float32's ε^(1/3))", (d) => {
    expect(() => checkFloat32Delta(() => d)).not.toThrow();
  });
  it.each([
    ["float64's δ = 1e-5 (rounding dominates in float32)", 1e-5],
    ["a tiny δ = 1e-7", 1e-7],
    ["a large δ = 0.1 (truncation dominates)", 0.1],
    ["zero", 0],
  ])("rejects %s", (_, d) => expect(() => checkFloat32Delta(() => d)).toThrow(exercises.ExerciseFailed));
  it("rejects a number where a function is expected", () => {
    expect(() => checkFloat32Delta(3e-3 as unknown as () => number)).toThrow(exercises.ExerciseFailed);
  });
});

type F = (w: Float64Array) => number;
type G = (w: Float64Array) => ArrayLike<number>;
/** A checker parameterised by its difference quotient and its error measure. */
const checker =
  (opts: { oneSided?: boolean; absolute?: boolean; mutate?: boolean; alwaysPass?: boolean }) =>
  (f: F, gradF: G, w: Float64Array, delta = 1e-6, eps = 1e-6) => {
    const g = gradF(w);
    const numeric = new Float64Array(w.length);
    let pass = true;
    for (let i = 0; i < w.length; i++) {
      const plus = opts.mutate ? w : Float64Array.from(w);
      const minus = Float64Array.from(w);
      plus[i] += delta;
      minus[i] -= opts.oneSided ? 0 : delta;
      numeric[i] = (f(plus) - f(minus)) / (opts.oneSided ? delta : 2 * delta);
      const diff = Math.abs(g[i] - numeric[i]);
      const err = opts.absolute ? diff : diff / Math.max(Math.abs(g[i]), Math.abs(numeric[i]), 1e-2);
      pass &&= err <= eps;
    }
    return { numeric, pass: opts.alwaysPass ? true : pass };
  };

describe("00 backprop: exercise 3, myGradCheck", () => {
  it("passes the lecture's relative-error GradCheck", () => {
    expect(() => checkMyGradCheck(checker({}))).not.toThrow();
  });
  it.each([
    ["an absolute-error checker (fails the right gradient of 1e6·f)", { absolute: true }],
    ["a one-sided difference quotient", { oneSided: true }],
    ["a checker that moves w", { mutate: true }],
    ["a checker that always passes", { alwaysPass: true }],
  ])("rejects %s", (_, o) => expect(() => checkMyGradCheck(checker(o))).toThrow(exercises.ExerciseFailed));
});
