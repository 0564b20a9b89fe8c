import type { Tensor } from "../tensor";
import { reuse } from "./buffers";
import { divisor, ReducedLoss, type Reduced, type Reduction } from "./reduction";
import { sigmoid } from "./activation-functions";
import { checkSameShape } from "./mse-loss";

/**
 * Binary cross-entropy on logits, same as `torch.nn.BCEWithLogitsLoss()`: the mean over all entries, or their sum
 * (`reduction: "sum"`), or the entries themselves as a tensor (`"none"`).
 *
 * ℓ = −(1/n) Σ [y·log σ(x) + (1 − y)·log(1 − σ(x))], computed in the stable form
 * max(x, 0) − x·y + log(1 + e^{−|x|}) (no overflow for any x). Backward: (σ(x) − y)/n.
 * Targets are probabilities in [0, 1] of the input's shape. Not supported: weight, pos_weight.
 *
 * @example
 *   const bce = new BCEWithLogitsLoss();
 *   bce.forward(Tensor.fromRows([[0]]), Tensor.fromRows([[1]])); // log 2 ≈ 0.6931
 */
export class BCEWithLogitsLoss<R extends Reduction = "mean"> extends ReducedLoss<R, Tensor> {
  constructor(options: { reduction?: R } = {}) {
    super("BCEWithLogitsLoss", options);
  }

  forward(output: Tensor, target: Tensor): Reduced<R> {
    checkSameShape("BCEWithLogitsLoss", output, target);
    const n = output.size;
    const g = (this.grad = reuse(this.grad, output.rows, output.cols, output.dtype));
    const each = (this.each = reuse(this.each, output.rows, output.cols, output.dtype));
    const m = divisor(this.reduction, n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const x = output.data[k];
      const y = target.data[k];
      const l = Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
      total += l;
      each.data[k] = l;
      g.data[k] = (sigmoid(x) - y) / m;
    }
    return this.reduce(total, n);
  }
}
