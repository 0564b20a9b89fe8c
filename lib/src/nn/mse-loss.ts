import type { Tensor } from "../tensor";
import type { Loss } from "./module";
import { checkFinite, needForward, reuse } from "./buffers";

/**
 * Mean squared error, same as `torch.nn.MSELoss()`: ℓ = (1/n) Σ (x − y)² over all n entries — no ½, so the
 * gradient is 2(x − y)/n. Unlike torch, a target of another shape is an error (torch broadcasts with a warning).
 *
 * @example
 *   const mse = new MSELoss();
 *   mse.forward(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[0, 0]])); // (1 + 4)/2 = 2.5
 */
export class MSELoss implements Loss<Tensor> {
  private grad?: Tensor;

  forward(output: Tensor, target: Tensor): number {
    checkSameShape("MSELoss", output, target);
    const n = output.size;
    const g = (this.grad = reuse(this.grad, output.rows, output.cols, output.dtype));
    let total = 0;
    for (let k = 0; k < n; k++) {
      const d = output.data[k] - target.data[k];
      total += d * d;
      g.data[k] = (2 * d) / n;
    }
    return total / n;
  }

  /** ∂loss/∂output = 2(x − y)/n for the last forward (owned by the loss, valid until its next forward). */
  backward(): Tensor {
    return needForward("MSELoss", this.grad);
  }

  toString(): string {
    return "MSELoss()";
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
