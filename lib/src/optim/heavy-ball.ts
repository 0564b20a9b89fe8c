import { Tensor } from "../tensor";
import type { Parameter } from "../nn/module";
import { withOptions } from "../config/fields";
import { checkLr, checkMomentum } from "./checks";
import { Optimizer, type ParamGroup, type ParamGroupInput } from "./optimizer";

/** HeavyBall options: the lecture's η (`lr`) and γ (`momentum`). */
export interface HeavyBallOptions {
  lr: number;
  momentum: number;
}

/** The previous weights W(t−1) (a copy of W on the first step, so the first displacement is 0). */
export type HeavyBallState = { step: number; previous: Tensor };

/**
 * The lecture's heavy-ball momentum (Polyak): W(t+1) = W(t) − η g + γ (W(t) − W(t−1)), storing W(t−1).
 * No torch class has this form; it is here to compare with `SGD` momentum.
 *
 * How it relates to torch's velocity form (`SGD` with dampening 0: b ← μ b + g; W ← W − η b):
 * torch gives W(t) − W(t−1) = −η b(t−1), so W(t+1) = W(t) − η g − η μ b(t−1) = W(t) − η g + μ (W(t) − W(t−1)).
 * So with γ = μ and a constant η the two produce the same weights. When η changes between steps they differ:
 * torch multiplies the stored velocity by the *new* η, heavy-ball keeps the old displacement (old η).
 * E.g. after a drop η: 0.1 → 0.01, torch's momentum term shrinks 10× at once; heavy-ball's decays over γ-steps.
 *
 * @example
 *   const opt = new HeavyBall(model.parameters(), { lr: 0.01, momentum: 0.9 });
 *   opt.zeroGrad(); loss.backward(); opt.step();
 */
export class HeavyBall extends Optimizer<HeavyBallOptions, HeavyBallState> {
  constructor(params: Parameter[] | ParamGroupInput<HeavyBallOptions>[], options: Partial<HeavyBallOptions> = {}) {
    super(params, withOptions(new.target.name, { lr: 1e-3, momentum: 0 }, options), (o) => {
      checkLr(o.lr);
      checkMomentum(o.momentum);
    });
  }

  protected initState(p: Parameter): HeavyBallState {
    return { step: 0, previous: p.value.clone() };
  }

  protected update(p: Parameter, group: ParamGroup<HeavyBallOptions>, state: HeavyBallState): void {
    const { lr, momentum: gamma } = group;
    const w = p.value.data;
    const g = p.grad.data;
    const prev = state.previous.data;
    state.step += 1;
    for (let i = 0; i < w.length; i++) {
      const displacement = w[i] - prev[i]; // W(t) − W(t−1)
      prev[i] = w[i];
      w[i] = w[i] - lr * g[i] + gamma * displacement;
    }
  }
}
