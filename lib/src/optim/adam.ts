import { Tensor } from "../tensor";
import type { Parameter } from "../nn/module";
import { withOptions } from "../config/fields";
import { checkBetas, checkEps, checkLr, checkWeightDecay } from "./checks";
import { Optimizer, type ParamGroup, type ParamGroupInput } from "./optimizer";

/** Adam and AdamW options, torch's names in camelCase. */
export interface AdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
  maximize: boolean;
  /**
   * Divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ (default true, torch's Adam). false gives the lecture's uncorrected
   * m / √v form (ε still added after the root, as torch does); not a torch option.
   */
  biasCorrection: boolean;
}

/** torch's `step`, `exp_avg` (m), `exp_avg_sq` (v) and, with amsgrad, `max_exp_avg_sq`. */
export type AdamState = { step: number; expAvg: Tensor; expAvgSq: Tensor; maxExpAvgSq?: Tensor };

function validate(o: AdamOptions): void {
  checkLr(o.lr);
  checkEps(o.eps);
  checkBetas(o.betas);
  checkWeightDecay(o.weightDecay);
}

/**
 * Adam ("RMSprop with momentum"), same as `torch.optim.Adam`; weightDecay λ is an L2 term added to the gradient.
 *
 * torch (and this), step t = 1, 2, …:
 *   g ← g + λW;  m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;  (amsgrad: v_max ← max(v_max, v), used for v)
 *   W ← W − η · (m / (1 − β₁ᵗ)) / (√v / √(1 − β₂ᵗ) + ε).
 * Where the lecture differs: its W(t+1) = W(t) − η m / √(s + ε) has no bias correction and puts ε INSIDE the
 * square root; torch adds ε after bias-correcting √v. Without the correction m is (1 − β₁ᵗ) and √s is √(1 − β₂ᵗ)
 * times too small, so with a steady gradient the step is (1 − β₁ᵗ)/√(1 − β₂ᵗ) times torch's: ≈ 3.2× at t = 1,
 * ≈ 6.6× near t = 12 for (0.9, 0.999) — larger, not smaller — unless |g| ≲ √(ε/(1 − β₂)), where ε inside the
 * root shrinks it instead (notebook 06 measures both).
 * With g ≠ 0 the first torch step is ≈ η·sign(g) whatever the gradient's size.
 * `biasCorrection: false` switches the correction off (W ← W − η m / (√v + ε)) to see what it is for.
 *
 * @example
 *   const opt = new Adam(model.parameters(), { lr: 0.001, betas: [0.9, 0.999] });
 *   const lecture = new Adam(model.parameters(), { lr: 0.001, biasCorrection: false });
 */
export class Adam extends Optimizer<AdamOptions, AdamState> {
  /** true for AdamW: weight decay shrinks W directly instead of adding λW to g. */
  protected readonly decoupled: boolean = false;

  constructor(params: Parameter[] | ParamGroupInput<AdamOptions>[], options: Partial<AdamOptions> = {}) {
    super(
      params,
      withOptions<AdamOptions>(
        new.target.name,
        {
          lr: 1e-3,
          betas: [0.9, 0.999],
          eps: 1e-8,
          weightDecay: 0,
          amsgrad: false,
          maximize: false,
          biasCorrection: true,
        },
        options,
      ),
      validate,
    );
  }

  protected initState(p: Parameter, group: ParamGroup<AdamOptions>): AdamState {
    const zeros = () => this.zerosLike(p);
    const s: AdamState = { step: 0, expAvg: zeros(), expAvgSq: zeros() };
    if (group.amsgrad) s.maxExpAvgSq = zeros();
    return s;
  }

  protected update(p: Parameter, group: ParamGroup<AdamOptions>, state: AdamState): void {
    const { lr, eps, weightDecay: wd, amsgrad, maximize } = group;
    const beta1 = group.betas[0];
    const beta2 = group.betas[1];
    if (amsgrad && !state.maxExpAvgSq) state.maxExpAvgSq = this.zerosLike(p);
    const w = p.value.data;
    const grad = p.grad.data;
    const m = state.expAvg.data;
    const v = state.expAvgSq.data;
    const vMax = amsgrad ? state.maxExpAvgSq?.data : undefined;
    const t = (state.step += 1);
    // Everything that does not depend on i is computed once: this loop runs for every weight at every step.
    const stepSize = group.biasCorrection ? lr / (1 - beta1 ** t) : lr;
    const bc2Sqrt = group.biasCorrection ? Math.sqrt(1 - beta2 ** t) : 1;
    const l2 = this.decoupled ? 0 : wd; // Adam: g + λW
    const shrink = this.decoupled ? 1 - lr * wd : 1; // AdamW: W(1 − ηλ)
    const a1 = 1 - beta1;
    const a2 = 1 - beta2;
    const fast = this.fast(p); // the same loop as float32 SIMD in wasm (tensor/kernels/wasm-updates.ts)
    if (fast) {
      const vMaxT = amsgrad ? state.maxExpAvgSq : undefined;
      const scalars = { stepSize, bc2Sqrt, eps, beta2, a1, a2, l2, shrink, maximize };
      return fast.adam(p.value, p.grad, state.expAvg, state.expAvgSq, vMaxT, scalars);
    }
    for (let i = 0; i < w.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (shrink !== 1) w[i] *= shrink;
      if (l2 !== 0) g += l2 * w[i];
      m[i] += a1 * (g - m[i]); // β₁ m + (1 − β₁) g, written as torch's lerp
      v[i] = beta2 * v[i] + a2 * g * g;
      const vt = vMax ? (vMax[i] = Math.max(vMax[i], v[i])) : v[i];
      w[i] -= (stepSize * m[i]) / (Math.sqrt(vt) / bc2Sqrt + eps);
    }
  }
}

/**
 * AdamW, same as `torch.optim.AdamW`: Adam with *decoupled* weight decay (Loshchilov & Hutter), default λ = 1e-2.
 *
 *   W ← W − η λ W  first, then the Adam step above with no λW in the gradient.
 * Not the same as Adam with weightDecay: there λW passes through m / √v, so large-gradient weights are barely
 * decayed; here every weight shrinks by the same factor (1 − ηλ) each step.
 *
 * @example
 *   const opt = new AdamW(model.parameters(), { lr: 0.001, weightDecay: 0.01 });
 */
export class AdamW extends Adam {
  protected override readonly decoupled: boolean = true;

  constructor(params: Parameter[] | ParamGroupInput<AdamOptions>[], options: Partial<AdamOptions> = {}) {
    super(params, { weightDecay: 1e-2, ...options });
  }
}
