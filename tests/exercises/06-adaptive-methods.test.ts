import { describe, expect, it, vi } from "vitest";
import { checkAdamStep, type AdamStepFn } from "../../lib/src/exercises/06-adaptive-methods";
import { ExerciseFailed } from "../../lib/src/exercise";

vi.spyOn(console, "log").mockImplementation(() => {});

/** Adam with switches for the usual slips. */
function adam(opts: { correction?: boolean; epsInside?: boolean; squareG?: boolean } = {}): AdamStepFn {
  const { correction = true, epsInside = false, squareG = true } = opts;
  return (w, g, state, lr, b1, b2, eps) => {
    state.t += 1;
    const c1 = correction ? 1 - b1 ** state.t : 1;
    const c2 = correction ? 1 - b2 ** state.t : 1;
    for (let i = 0; i < w.length; i++) {
      state.m[i] = b1 * state.m[i] + (1 - b1) * g[i];
      state.s[i] = b2 * state.s[i] + (1 - b2) * (squareG ? g[i] * g[i] : Math.abs(g[i]));
      const denom = epsInside ? Math.sqrt(state.s[i] / c2 + eps) : Math.sqrt(state.s[i] / c2) + eps;
      w[i] -= (lr * (state.m[i] / c1)) / denom;
    }
  };
}

describe("notebook 06 exercise 1: torch's Adam step", () => {
  it("passes torch's update", () => {
    expect(() => checkAdamStep(adam())).not.toThrow();
  });
  it.each([
    ["the lecture's form without bias correction", adam({ correction: false })],
    ["ε inside the square root", adam({ epsInside: true })],
    ["|g| instead of g² in s", adam({ squareG: false })],
    [
      "RMSprop with momentum but no first-moment average",
      ((w, g, st, lr, b1, b2, eps) => {
        st.t += 1;
        for (let i = 0; i < w.length; i++) {
          st.s[i] = b2 * st.s[i] + (1 - b2) * g[i] * g[i];
          w[i] -= (lr * g[i]) / (Math.sqrt(st.s[i] / (1 - b2 ** st.t)) + eps);
        }
      }) as AdamStepFn,
    ],
  ])("fails %s", (_name, fn) => {
    expect(() => checkAdamStep(fn)).toThrow(ExerciseFailed);
  });
});
