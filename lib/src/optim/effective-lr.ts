import type { Parameter } from "../nn/module";
import { Adagrad } from "./adagrad";
import { Adam } from "./adam";
import type { Optimizer } from "./optimizer";
import { RMSprop } from "./rmsprop";

/**
 * The effective learning rate of each weight of `param` in an adaptive optimizer, read from its state after a step:
 * what the last step multiplied that weight's (first-moment) gradient by.
 *   AdaGrad:  η_t / (√s + ε),  s = Σ g² (torch's `sum`), η_t = η / (1 + (t − 1)·lrDecay)
 *   RMSprop:  η / (√v + ε),    v = `square_avg` (minus `grad_avg`² when centered); momentum not included
 *   Adam(W):  η / (√ŝ + ε),    ŝ = v / (1 − β₂ᵗ) (v itself with `biasCorrection: false`; amsgrad: the max of v)
 * The lecture's point: a plain SGD step is η for every weight; these shrink for weights with large past gradients.
 * A weight that never had a non-zero gradient (s = 0) gets NaN: its rate is not defined yet (`stats.median` skips NaN).
 * @example stats.median(optim.effectiveLr(opt, model.parameters()[0]))   // the typical per-weight rate of layer 1
 */
export function effectiveLr(optimizer: Optimizer<any, any>, param: Parameter): Float64Array {
  const group = optimizer.paramGroups.find((g) => g.params.includes(param));
  if (!group) throw new Error("effectiveLr: this parameter is not in the optimizer's param groups");
  const state = optimizer.state.get(param) as Record<string, any> | undefined;
  const name = optimizer.constructor.name;
  if (!(optimizer instanceof Adagrad || optimizer instanceof RMSprop || optimizer instanceof Adam)) {
    throw new Error(`effectiveLr: ${name} has no per-weight rate (every weight's step is lr times its gradient)`);
  }
  if (!state) throw new Error(`effectiveLr: ${name} has no state for this parameter yet; take a step first`);
  const eps: number = group.eps;
  let lr: number = group.lr;
  let s: ArrayLike<number>;
  let scale = 1; // s is divided by this (Adam's bias correction)
  let minus: ArrayLike<number> | undefined; // centered RMSprop: v = s − ḡ²
  if (optimizer instanceof Adagrad) {
    s = state.sum.data;
    lr = lr / (1 + (state.step - 1) * group.lrDecay);
  } else if (optimizer instanceof RMSprop) {
    s = state.squareAvg.data;
    minus = state.gradAvg?.data;
  } else {
    s = (state.maxExpAvgSq ?? state.expAvgSq).data;
    if (group.biasCorrection) scale = 1 - group.betas[1] ** state.step;
  }
  const out = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const v = (minus ? s[i] - minus[i] * minus[i] : s[i]) / scale;
    out[i] = s[i] > 0 ? lr / (Math.sqrt(v) + eps) : NaN;
  }
  return out;
}
