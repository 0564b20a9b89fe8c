import type { Tensor } from "../tensor";
import { checkFinite, reuse } from "./buffers";
import { divisor, ReducedLoss, type Reduced, type Reduction } from "./reduction";

/**
 * Mean squared error, same as `torch.nn.MSELoss()`: ℓ = (1/n) Σ (x − y)² over all n entries — no ½, so the
 * gradient is 2(x − y)/n. `reduction` "sum" drops the 1/n; "none" returns the (x − y)² entries as a tensor.
 * Unlike torch, a target of another shape is an error (torch broadcasts with a warning).
 *
 * @example
 *   const mse = new MSELoss();
 *   mse.forward(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[0, 0]])); // (1 + 4)/2 = 2.5
 */
export class MSELoss<R extends Reduction = "mean"> extends ReducedLoss<R, Tensor> {
  constructor(options: { reduction?: R } = {}) {
    super("MSELoss", options);
  }

  forward(output: Tensor, target: Tensor): Reduced<R> {
    checkSameShape("MSELoss", output, target);
    const n = output.size;
    const g = (this.grad = reuse(this.grad, output.rows, output.cols, output.dtype));
    const each = (this.each = reuse(this.each, output.rows, output.cols, output.dtype));
    const m = divisor(this.reduction, n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const d = output.data[k] - target.data[k];
      total += d * d;
      each.data[k] = d * d;
      g.data[k] = (2 * d) / m;
    }
    return this.reduce(total, n);
  }
}

/** Shared by the elementwise losses: same shapes, finite values. */
export function checkSameShape(loss: string, output: Tensor, target: Tensor): void {
  if (output.rows !== target.rows || output.cols !== target.cols) {
    throw new Error(
      `${loss}: expected a target of the input's shape, got input ${output.shapeString} and target ${target.shapeString}`,
    );
  }
  checkFinite(loss, "input", output);
  checkFinite(loss, "target", target);
}
