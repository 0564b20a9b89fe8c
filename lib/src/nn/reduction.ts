import { Scratch, Tensor } from "../tensor";
import { needForward } from "./buffers";

/**
 * How a loss combines its per-element losses ℓ_i, as torch's `reduction`: "mean" (1/n) Σ ℓ_i (the default), "sum"
 * Σ ℓ_i, or "none": the ℓ_i themselves, as a tensor; then `backward(dl)` takes the upstream gradient ∂L/∂ℓ_i
 * (default all ones, like torch's `loss.sum().backward()`).
 */
export type Reduction = "mean" | "sum" | "none";

/** What `forward` returns for a reduction: a number, or the per-element losses for "none". */
export type Reduced<R extends Reduction> = R extends "none" ? Tensor : number;

/** Throws torch's message for an unknown reduction. */
export function checkReduction(reduction: string): void {
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
    throw new Error(`${reduction} is not a valid value for reduction`);
  }
}

/** The divisor of the reduction: n for "mean", 1 for "sum" and "none" (per-element gradients stay unscaled). */
export function divisor(reduction: Reduction, n: number): number {
  return reduction === "mean" ? n : 1;
}

/**
 * The base of the losses with a `reduction`: holds the option, the gradient buffer `grad` (already divided by n for
 * "mean") and the per-element losses `each` that a subclass's `forward` fills, and implements `backward`.
 */
export abstract class ReducedLoss<R extends Reduction, T> {
  readonly reduction: R;
  protected grad?: Tensor;
  protected each?: Tensor;
  private readonly scratch = new Scratch();

  constructor(
    private readonly name: string,
    options: { reduction?: R },
  ) {
    this.reduction = options.reduction ?? ("mean" as R);
    checkReduction(this.reduction);
  }

  abstract forward(output: Tensor, target: T): Reduced<R>;

  /** The total, or (for "none") the per-element losses, from the sum of `each` and the reduction's divisor. */
  protected reduce(total: number, n: number): Reduced<R> {
    return (this.reduction === "none" ? this.each : total / divisor(this.reduction, n)) as Reduced<R>;
  }

  /**
   * ∂loss/∂input for the last forward (a buffer owned by the loss, valid until its next forward). With reduction
   * "none", `dl` is the upstream gradient ∂L/∂ℓ_i, one entry per loss, as a column or a row (default: ones); the
   * gradient of ℓ_i is then scaled by dl_i.
   */
  backward(dl?: Tensor): Tensor {
    const g = needForward(this.name, this.grad);
    if (this.reduction !== "none") {
      if (dl) throw new Error(`${this.name}.backward: an upstream gradient is only taken with reduction "none"`);
      return g;
    }
    const e = needForward(this.name, this.each);
    if (!dl) return g;
    if (dl.size !== e.size) {
      throw new Error(
        `${this.name}.backward: expected dl ${e.shapeString} (the shape of the losses), got ${dl.shapeString}`,
      );
    }
    const out = this.scratch.get("dl·grad", g.rows, g.cols, g.dtype);
    const perRow = e.size !== g.size; // cross-entropy: one loss per row of logits
    for (let k = 0; k < g.data.length; k++) out.data[k] = g.data[k] * dl.data[perRow ? Math.floor(k / g.cols) : k];
    return out;
  }

  toString(): string {
    return this.reduction === "mean" ? `${this.name}()` : `${this.name}(reduction='${this.reduction}')`;
  }
}
