import type { Tensor } from "../tensor";
import { checkFinite, reuse } from "./buffers";
import { divisor, ReducedLoss, type Reduced, type Reduction } from "./reduction";

/**
 * Cross-entropy of logits against class indices, same as `torch.nn.CrossEntropyLoss()` (log-softmax + negative
 * log-likelihood).
 *
 * ℓ_i = log Σ_c e^{x[i,c]} − x[i, y_i], reduced over the batch by `reduction` (default "mean": (1/N) Σ_i ℓ_i;
 * "sum"; "none": the N × 1 tensor of ℓ_i); the log-sum-exp subtracts each row's max first, so logits like 1e4 stay
 * finite. Backward: ∂ℓ_i/∂x[i,c] = softmax(x_i)[c] − [c = y_i], divided by N for "mean".
 * Not supported (torch has them): class weights, ignoreIndex, labelSmoothing, probability targets.
 * With "mean" or "sum" it is a `Loss` (what `fit` takes); with "none" it returns a tensor and is not.
 *
 * @example
 *   const ce = new CrossEntropyLoss();
 *   const loss = ce.forward(logits, labels);   // logits [N, C], labels Int32Array of N class indices
 *   model.backward(ce.backward());
 */
export class CrossEntropyLoss<R extends Reduction = "mean"> extends ReducedLoss<R, ArrayLike<number>> {
  constructor(options: { reduction?: R } = {}) {
    super("CrossEntropyLoss", options);
  }

  forward(output: Tensor, target: ArrayLike<number>): Reduced<R> {
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
    const each = (this.each = reuse(this.each, N, 1, output.dtype));
    const k = divisor(this.reduction, N);
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
      const l = m + Math.log(s) - x[row + t];
      total += l;
      each.data[i] = l;
      for (let c = 0; c < C; c++) g.data[row + c] = Math.exp(x[row + c] - m) / s / k;
      g.data[row + t] -= 1 / k;
    }
    return this.reduce(total, N);
  }
}
