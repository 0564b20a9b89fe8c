/**
 * Checks for notebook 06 (adaptive methods): one Adam step exactly as `torch.optim.Adam` takes it.
 */
import { checkClose, ExerciseFailed } from "../exercise";
import { quadraticBowl, rotatedQuadratic } from "../data/surfaces";
import { optimizeSurface } from "../experiment/surface";

/** Adam's per-run state for the exercise: first and second moments per weight and the steps taken so far. */
export interface AdamExerciseState {
  m: number[];
  s: number[];
  t: number;
}

/** The student's step: updates `w` and `state` in place. */
export type AdamStepFn = (
  w: number[],
  g: number[],
  state: AdamExerciseState,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
) => void;

/**
 * Exercise 1: runs the student's `adamStep` for 50 steps on the bowl and on the bowl turned by 45° (with a large
 * ε = 0.5 and β = (0.8, 0.99) there, so that a misplaced ε or a missing bias correction shows) and compares every
 * iterate with the library's `Adam`.
 */
export function checkAdamStep(adamStep: AdamStepFn): void {
  const cases = [
    { surface: quadraticBowl(), lr: 0.2, betas: [0.9, 0.999] as [number, number], eps: 1e-8, what: "the bowl" },
    {
      surface: rotatedQuadratic({ degrees: 45 }),
      lr: 0.5,
      betas: [0.8, 0.99] as [number, number],
      eps: 0.5,
      what: "the turned bowl, ε = 0.5",
    },
  ];
  for (const { surface, lr, betas, eps, what } of cases) {
    const w = [...surface.start];
    const state: AdamExerciseState = { m: [0, 0], s: [0, 0], t: 0 };
    const mine: number[] = [...w];
    for (let k = 0; k < 50; k++) {
      adamStep(w, surface.grad(w[0], w[1]), state, lr, betas[0], betas[1], eps);
      mine.push(...w);
    }
    if (state.t !== 50)
      throw new ExerciseFailed(`✗ on ${what}: state.t should count the steps taken (50), got ${state.t}`);
    const lib = optimizeSurface(surface, { name: "adam", lr, betas, eps }, surface.start, 50).points.flat();
    checkClose(`your Adam = torch's Adam on ${what}, 50 steps`, mine, lib, { rtol: 1e-9, atol: 1e-12 });
  }
}
