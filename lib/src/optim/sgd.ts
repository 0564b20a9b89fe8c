import { Tensor } from "../tensor";
import type { Parameter } from "../nn/module";
import { withOptions } from "../config/fields";
import { checkLr, checkMomentum, checkWeightDecay } from "./checks";
import { Optimizer, type ParamGroup, type ParamGroupInput } from "./optimizer";

/** SGD options, torch's names in camelCase with torch's defaults. */
export interface SGDOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
  maximize: boolean;
}

/** SGD's per-parameter state: the velocity b, made on the first step with momentum (torch: `momentum_buffer`). */
export type SGDState = { momentumBuffer?: Tensor };

function validate(o: SGDOptions): void {
  checkLr(o.lr);
  checkMomentum(o.momentum);
  checkWeightDecay(o.weightDecay);
  if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
    throw new Error("Nesterov momentum requires a momentum and zero dampening");
  }
}

/**
 * Stochastic gradient descent with optional momentum, same as `torch.optim.SGD`.
 *
 * The lecture's plain step W(t+1) = W(t) − η g. With momentum μ, torch's form:
 *   g ← g + λW (weightDecay λ);  b ← g on the first step, else b ← μ b + (1 − dampening) g;
 *   g ← g + μ b (nesterov) or g ← b;  W ← W − η g.
 * This is not Sutskever et al.'s form, v ← μ v − η g; W ← W + v (torch's note says so): there η multiplies each
 * gradient when it enters v, here it multiplies the whole buffer at every step. The two agree while η is constant
 * (v = −η b) and differ when a schedule changes η: torch's step changes at once by the new η, Sutskever's only as new
 * gradients come in.
 * Dampening is NOT applied on the first step (b₁ = g₁). `maximize` ascends: g is negated first.
 * The lecture's heavy-ball form W(t+1) = W(t) − η g + γ (W(t) − W(t−1)) is `HeavyBall`; it equals this with
 * dampening 0 while η stays constant (see heavy-ball.ts).
 *
 * @example
 *   const opt = new SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
 *   opt.zeroGrad(); loss.backward(); opt.step();
 */
export class SGD extends Optimizer<SGDOptions, SGDState> {
  constructor(params: Parameter[] | ParamGroupInput<SGDOptions>[], options: Partial<SGDOptions> = {}) {
    const defaults = withOptions<SGDOptions>(
      new.target.name,
      {
        lr: 1e-3,
        momentum: 0,
        dampening: 0,
        weightDecay: 0,
        nesterov: false,
        maximize: false,
      },
      options,
    );
    super(params, defaults, validate);
  }

  protected initState(): SGDState {
    return {};
  }

  protected update(p: Parameter, group: ParamGroup<SGDOptions>, state: SGDState): void {
    const { lr, momentum: mu, dampening, weightDecay: wd, nesterov, maximize } = group;
    const w = p.value.data;
    const grad = p.grad.data;
    const first = mu !== 0 && !state.momentumBuffer;
    if (first) state.momentumBuffer = this.zerosLike(p);
    const keep = 1 - dampening; // hoisted: this loop runs for every weight at every step
    const fast = this.fast(p); // the same loop as float32 SIMD in wasm (tensor/kernels/wasm-updates.ts)
    if (fast) {
      const buffer = mu !== 0 ? state.momentumBuffer : undefined;
      return fast.sgd(p.value, p.grad, buffer, { lr, mu, keep, wd, nesterov, maximize, first });
    }
    const b = state.momentumBuffer?.data;
    for (let i = 0; i < w.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (wd !== 0) g += wd * w[i];
      if (mu !== 0 && b) {
        b[i] = first ? g : mu * b[i] + keep * g;
        g = nesterov ? g + mu * b[i] : b[i];
      }
      w[i] -= lr * g;
    }
  }
}
