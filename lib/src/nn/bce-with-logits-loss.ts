import type { Tensor } from "../tensor";
import type { Loss } from "./module";
import { needForward, reuse } from "./buffers";
import { sigmoid } from "./activation-functions";
import { checkSameShape } from "./mse-loss";

/**
 * Binary cross-entropy on logits, mean over all entries, same as `torch.nn.BCEWithLogitsLoss()`.
 *
 * ℓ = −(1/n) Σ [y·log σ(x) + (1 − y)·log(1 − σ(x))], computed in the stable form
 * max(x, 0) − x·y + log(1 + e^{−|x|}) (no overflow for any x). Backward: (σ(x) − y)/n.
 * Targets are probabilities in [0, 1] of the input's shape. Not supported: weight, pos_weight.
 *
 * @example
 *   const bce = new BCEWithLogitsLoss();
 *   bce.forward(Tensor.fromRows([[0]]), Tensor.fromRows([[1]])); // log 2 ≈ 0.6931
 */
export class BCEWithLogitsLoss implements Loss<Tensor> {
  private grad?: Tensor;

  forward(output: Tensor, target: Tensor): number {
    checkSameShape("BCEWithLogitsLoss", output, target);
    const n = output.size;
    const g = (this.grad = reuse(this.grad, output.rows, output.cols, output.dtype));
    let total = 0;
    for (let k = 0; k < n; k++) {
      const x = output.data[k];
      const y = target.data[k];
      total += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
      g.data[k] = (sigmoid(x) - y) / n;
    }
    return total / n;
  }

  /** ∂loss/∂logits = (σ(x) − y)/n for the last forward (owned by the loss, valid until its next forward). */
  backward(): Tensor {
    return needForward("BCEWithLogitsLoss", this.grad);
  }

  toString(): string {
    return "BCEWithLogitsLoss()";
  }
}
