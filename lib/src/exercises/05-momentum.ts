/**
 * Checks for notebook 05 (momentum): torch's velocity form made equal to the lecture's heavy ball when η changes.
 */
import { checkClose } from "../exercise";
import { quadraticBowl } from "../data/surfaces";

/** One velocity-form step: from the weights w, the velocity b and the gradient at w, the new weights and velocity. */
export type VelocityStepFn = (
  w: [number, number],
  b: [number, number],
  grad: [number, number],
  lr: number,
  lrPrev: number,
  gamma: number,
) => { w: [number, number]; b: [number, number] };

/** η of step t (0-based) in the check: 0.3, divided by 10 from step 10 on. */
const lrAt = (t: number) => (t < 10 ? 0.3 : 0.03);

/**
 * Exercise: `velocityStep` must keep a velocity b (torch's form, W ← W − ηb) and yet follow the lecture's heavy ball
 * W(t+1) = W(t) − η(t)∇ℓ + γ(W(t) − W(t−1)) exactly, also when η drops from 0.3 to 0.03 after 10 steps. Compared
 * iterate by iterate over 40 steps on the bowl 0.1·x1² + 2·x2² with γ = 0.9; b starts at 0 (and W(−1) = W(0)).
 */
export function checkVelocityMatchesHeavyBall(velocityStep: VelocityStepFn): void {
  const bowl = quadraticBowl();
  const gamma = 0.9;
  const heavy: number[] = [...bowl.start];
  let [w, prev] = [[...bowl.start], [...bowl.start]];
  for (let t = 0; t < 40; t++) {
    const g = bowl.grad(w[0], w[1]);
    const next = [0, 1].map((i) => w[i] - lrAt(t) * g[i] + gamma * (w[i] - prev[i]));
    [prev, w] = [w, next];
    heavy.push(...w);
  }
  const mine: number[] = [...bowl.start];
  let state = { w: [...bowl.start] as [number, number], b: [0, 0] as [number, number] };
  for (let t = 0; t < 40; t++) {
    state = velocityStep(state.w, state.b, bowl.grad(state.w[0], state.w[1]), lrAt(t), lrAt(Math.max(0, t - 1)), gamma);
    mine.push(...state.w);
  }
  checkClose("your velocity form = heavy ball before the drop (steps 1–10)", mine.slice(0, 22), heavy.slice(0, 22), {
    rtol: 1e-9,
    atol: 1e-12,
  });
  checkClose("your velocity form = heavy ball after η ÷ 10 (steps 11–40)", mine.slice(22), heavy.slice(22), {
    rtol: 1e-9,
    atol: 1e-12,
  });
}
