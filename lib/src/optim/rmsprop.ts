import { Tensor } from "../tensor";
import type { Parameter } from "../nn/module";
import { withOptions } from "../config/fields";
import { checkAlpha, checkEps, checkLr, checkMomentum, checkWeightDecay } from "./checks";
import { Optimizer, type ParamGroup, type ParamGroupInput } from "./optimizer";

/** RMSprop options, torch's names in camelCase with torch's defaults. */
export interface RMSpropOptions {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
}

/** torch's `step`, `square_avg`, `momentum_buffer` (if momentum > 0), `grad_avg` (if centered). */
export type RMSpropState = { step: number; squareAvg: Tensor; momentumBuffer?: Tensor; gradAvg?: Tensor };

/**
 * RMSprop ("AdaGrad + forgetting"), same as `torch.optim.RMSprop`.
 *
 * The lecture: s(t) = δ s(t−1) + (1 − δ) g², W(t+1) = W(t) − η g / √(s(t) + ε), with δ = torch's `alpha`.
 * torch (and this): g ← g + λW;  s ← α s + (1 − α) g²;  centered: ḡ ← α ḡ + (1 − α) g, v = s − ḡ², else v = s;
 *   d = √v + ε  (ε AFTER the square root, unlike the lecture);
 *   momentum μ > 0: b ← μ b + g / d, W ← W − η b;  otherwise W ← W − η g / d.
 *
 * @example
 *   const opt = new RMSprop(model.parameters(), { lr: 0.001, alpha: 0.9 });
 */
export class RMSprop extends Optimizer<RMSpropOptions, RMSpropState> {
  constructor(params: Parameter[] | ParamGroupInput<RMSpropOptions>[], options: Partial<RMSpropOptions> = {}) {
    const defaults = withOptions<RMSpropOptions>(
      new.target.name,
      {
        lr: 1e-2,
        alpha: 0.99,
        eps: 1e-8,
        weightDecay: 0,
        momentum: 0,
        centered: false,
        maximize: false,
      },
      options,
    );
    super(params, defaults, (o) => {
      checkLr(o.lr);
      checkEps(o.eps);
      checkMomentum(o.momentum);
      checkWeightDecay(o.weightDecay);
      checkAlpha(o.alpha);
    });
  }

  protected initState(p: Parameter, group: ParamGroup<RMSpropOptions>): RMSpropState {
    const zeros = () => Tensor.zeros(p.value.rows, p.value.cols, p.value.dtype);
    const s: RMSpropState = { step: 0, squareAvg: zeros() };
    if (group.momentum > 0) s.momentumBuffer = zeros();
    if (group.centered) s.gradAvg = zeros();
    return s;
  }

  protected update(p: Parameter, group: ParamGroup<RMSpropOptions>, state: RMSpropState): void {
    const { lr, alpha, eps, weightDecay: wd, momentum: mu, centered, maximize } = group;
    // A schedule (OneCycleLR) may switch momentum on later: make the buffer then, once.
    if (mu > 0 && !state.momentumBuffer) state.momentumBuffer = Tensor.zeros(p.value.rows, p.value.cols, p.value.dtype);
    if (centered && !state.gradAvg) state.gradAvg = Tensor.zeros(p.value.rows, p.value.cols, p.value.dtype);
    const w = p.value.data;
    const grad = p.grad.data;
    const sq = state.squareAvg.data;
    const b = state.momentumBuffer?.data;
    const ga = state.gradAvg?.data;
    state.step += 1;
    for (let i = 0; i < w.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (wd !== 0) g += wd * w[i];
      sq[i] = alpha * sq[i] + (1 - alpha) * g * g;
      let v = sq[i];
      if (centered && ga) {
        ga[i] += (1 - alpha) * (g - ga[i]); // ḡ ← α ḡ + (1 − α) g, written as torch's lerp
        v -= ga[i] * ga[i];
      }
      const d = Math.sqrt(v) + eps;
      if (mu > 0 && b) {
        b[i] = mu * b[i] + g / d;
        w[i] -= lr * b[i];
      } else {
        w[i] -= (lr * g) / d;
      }
    }
  }
}
