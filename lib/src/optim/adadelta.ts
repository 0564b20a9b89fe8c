import { Tensor } from "../tensor";
import type { Parameter } from "../nn/module";
import { withOptions } from "../config/fields";
import { checkEps, checkLr, checkRho, checkWeightDecay } from "./checks";
import { Optimizer, type ParamGroup, type ParamGroupInput } from "./optimizer";

/** Adadelta options, torch's names in camelCase with torch's defaults. */
export interface AdadeltaOptions {
  lr: number;
  rho: number;
  eps: number;
  weightDecay: number;
  maximize: boolean;
}

/** The running averages of squared gradients u and of squared updates v (torch: `square_avg`, `acc_delta`). */
export type AdadeltaState = { step: number; squareAvg: Tensor; accDelta: Tensor };

/**
 * Adadelta (Zeiler 2012), same as `torch.optim.Adadelta`: RMSprop whose step size is itself a running RMS of past
 * updates, so the update has the units of the weights and needs no learning rate (torch keeps `lr`, default 1).
 *
 *   g ← g + λW;  u ← ρ u + (1 − ρ) g²;  Δ = √(v + ε) / √(u + ε) · g;  v ← ρ v + (1 − ρ) Δ²;  W ← W − η Δ
 * (u = E[g²], v = E[Δ²], both starting at 0; ε = 1e-6 inside both roots, as in the paper and torch).
 *
 * @example
 *   const opt = new Adadelta(model.parameters());            // lr 1, rho 0.9, eps 1e-6
 */
export class Adadelta extends Optimizer<AdadeltaOptions, AdadeltaState> {
  constructor(params: Parameter[] | ParamGroupInput<AdadeltaOptions>[], options: Partial<AdadeltaOptions> = {}) {
    const defaults = withOptions<AdadeltaOptions>(
      new.target.name,
      { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0, maximize: false },
      options,
    );
    super(params, defaults, (o) => {
      checkLr(o.lr);
      checkRho(o.rho);
      checkEps(o.eps);
      checkWeightDecay(o.weightDecay);
    });
  }

  protected initState(p: Parameter): AdadeltaState {
    const zeros = () => Tensor.zeros(p.value.rows, p.value.cols, p.value.dtype);
    return { step: 0, squareAvg: zeros(), accDelta: zeros() };
  }

  protected update(p: Parameter, group: ParamGroup<AdadeltaOptions>, state: AdadeltaState): void {
    const { lr, rho, eps, weightDecay: wd, maximize } = group;
    const w = p.value.data;
    const grad = p.grad.data;
    const u = state.squareAvg.data;
    const v = state.accDelta.data;
    state.step += 1;
    for (let i = 0; i < w.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (wd !== 0) g += wd * w[i];
      u[i] = rho * u[i] + (1 - rho) * g * g;
      const delta = (Math.sqrt(v[i] + eps) / Math.sqrt(u[i] + eps)) * g;
      v[i] = rho * v[i] + (1 - rho) * delta * delta;
      w[i] -= lr * delta;
    }
  }
}
