import { Tensor } from "../tensor";
import type { Parameter } from "../nn/module";
import { withOptions } from "../config/fields";
import { checkEps, checkInitialAccumulator, checkLr, checkLrDecay, checkWeightDecay } from "./checks";
import { Optimizer, type ParamGroup, type ParamGroupInput } from "./optimizer";

/** Adagrad options, torch's names in camelCase with torch's defaults. */
export interface AdagradOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
  maximize: boolean;
}

/** The step count t and the running sum of squared gradients s (torch: `step`, `sum`). */
export type AdagradState = { step: number; sum: Tensor };

/**
 * AdaGrad, same as `torch.optim.Adagrad`: each weight's step shrinks with the sum of its squared gradients.
 *
 * The lecture: s(t) = s(t−1) + g², W(t+1) = W(t) − η g / √(s(t) + ε).
 * torch (and this): g ← g + λW;  η_t = η / (1 + (t − 1)·lrDecay);  s ← s + g²;  W ← W − η_t g / (√s + ε).
 * Differences from the lecture: ε is added AFTER the square root (default 1e-10), s starts at
 * `initialAccumulatorValue`, and the optional lrDecay.
 *
 * @example
 *   const opt = new Adagrad(model.parameters(), { lr: 0.01 });
 */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(params: Parameter[] | ParamGroupInput<AdagradOptions>[], options: Partial<AdagradOptions> = {}) {
    const defaults = withOptions<AdagradOptions>(
      new.target.name,
      {
        lr: 1e-2,
        lrDecay: 0,
        weightDecay: 0,
        initialAccumulatorValue: 0,
        eps: 1e-10,
        maximize: false,
      },
      options,
    );
    super(params, defaults, (o) => {
      checkLr(o.lr);
      checkLrDecay(o.lrDecay);
      checkWeightDecay(o.weightDecay);
      checkInitialAccumulator(o.initialAccumulatorValue);
      checkEps(o.eps);
    });
  }

  protected initState(p: Parameter, group: ParamGroup<AdagradOptions>): AdagradState {
    const sum = Tensor.full(p.value.rows, p.value.cols, group.initialAccumulatorValue, p.value.dtype);
    return { step: 0, sum };
  }

  protected update(p: Parameter, group: ParamGroup<AdagradOptions>, state: AdagradState): void {
    const { lr, lrDecay, weightDecay: wd, eps, maximize } = group;
    const w = p.value.data;
    const grad = p.grad.data;
    const s = state.sum.data;
    state.step += 1;
    const clr = lr / (1 + (state.step - 1) * lrDecay);
    for (let i = 0; i < w.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (wd !== 0) g += wd * w[i];
      s[i] += g * g;
      w[i] -= (clr * g) / (Math.sqrt(s[i]) + eps);
    }
  }
}
