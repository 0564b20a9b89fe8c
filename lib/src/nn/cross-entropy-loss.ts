import type { Tensor } from "../tensor";
import type { Loss } from "./module";
import { checkFinite, needForward, reuse } from "./buffers";

/**
 * Cross-entropy of logits against class indices, mean over the batch, same as `torch.nn.CrossEntropyLoss()`
 * (log-softmax + negative log-likelihood, reduction "mean").
 *
 * ℓ(x, y) = (1/N) Σ_i [log Σ_c e^{x[i,c]} − x[i, y_i]]; the log-sum-exp subtracts each row's max first, so logits
 * like 1e4 stay finite. Backward: ∂ℓ/∂x[i,c] = (softmax(x_i)[c] − [c = y_i]) / N.
 * Not supported (torch has them): class weights, ignoreIndex, labelSmoothing, probability targets.
 *
 * @example
 *   const ce = new CrossEntropyLoss();
 *   const loss = ce.forward(logits, labels);   // logits [N, C], labels Int32Array of N class indices
 *   model.backward(ce.backward());
 */
export class CrossEntropyLoss implements Loss<ArrayLike<number>> {
  private grad?: Tensor;

  forward(output: Tensor, target: ArrayLike<number>): number {
    const N = output.rows;
    const C = output.cols;
    if (target.length !== N) {
      throw new Error(
        `CrossEntropyLoss: Expected input batch_size (${N}) to match target batch_size (${target.length}).`,
      );
    }
    checkFinite("CrossEntropyLoss", "input", output);
    const x = output.data;
    const g = (this.grad = reuse(this.grad, N, C, output.dtype));
    let total = 0;
    for (let i = 0; i < N; i++) {
      const t = target[i];
      if (!Number.isInteger(t) || t < 0 || t >= C) {
        throw new Error(`CrossEntropyLoss: Target ${t} is out of bounds (expected a class index in [0, ${C})).`);
      }
      const row = i * C;
      let m = -Infinity;
      for (let c = 0; c < C; c++) m = Math.max(m, x[row + c]);
      let s = 0;
      for (let c = 0; c < C; c++) s += Math.exp(x[row + c] - m);
      total += m + Math.log(s) - x[row + t];
      for (let c = 0; c < C; c++) g.data[row + c] = Math.exp(x[row + c] - m) / s / N;
      g.data[row + t] -= 1 / N;
    }
    return total / N;
  }

  /** ∂loss/∂logits for the last forward (a buffer owned by the loss, valid until its next forward). */
  backward(): Tensor {
    return needForward("CrossEntropyLoss", this.grad);
  }

  toString(): string {
    return "CrossEntropyLoss()";
  }
}
