import { Scratch, Tensor } from "../tensor";
import { Module } from "./module";
import { checkGrad, needForward, reuse } from "./buffers";

/** The rows' dimension: softmax runs along each row of an [N, C] tensor (dim 1, or −1 as in torch). */
function checkDim(layer: string, dim: number): void {
  if (dim !== 1 && dim !== -1) {
    throw new Error(
      `${layer}: dim ${dim} is not supported: nn-knobs tensors are [N, C] and softmax runs over C (dim 1 or -1)`,
    );
  }
}

/** y = log softmax(x) row by row into `y`: x_c − m − log Σ_k e^{x_k − m} with m the row max (no overflow). */
function logSoftmaxInto(x: Tensor, y: Tensor): void {
  const C = x.cols;
  for (let row = 0; row < x.data.length; row += C) {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, x.data[row + c]);
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(x.data[row + c] - m);
    const lse = m + Math.log(s);
    for (let c = 0; c < C; c++) y.data[row + c] = x.data[row + c] - lse;
  }
}

/**
 * softmax(x)_c = e^{x_c} / Σ_k e^{x_k} along each row (class probabilities from logits), as
 * `torch.softmax(x, dim=1)`; computed from the log-sum-exp, so logits like 1e4 do not overflow.
 * @example softmax(Tensor.fromRows([[0, Math.log(3)]])) // [[0.25, 0.75]]
 */
export function softmax(x: Tensor, dim = 1): Tensor {
  checkDim("softmax", dim);
  const y = Tensor.zeros(x.rows, x.cols, x.dtype);
  logSoftmaxInto(x, y);
  for (let k = 0; k < y.data.length; k++) y.data[k] = Math.exp(y.data[k]);
  return y;
}

/**
 * log softmax(x)_c = x_c − log Σ_k e^{x_k} along each row, as `torch.log_softmax(x, dim=1)`: the log-probabilities
 * that CrossEntropyLoss takes the negative of at the label.
 */
export function logSoftmax(x: Tensor, dim = 1): Tensor {
  checkDim("logSoftmax", dim);
  const y = Tensor.zeros(x.rows, x.cols, x.dtype);
  logSoftmaxInto(x, y);
  return y;
}

/**
 * The softmax layer, same as `torch.nn.Softmax(dim=1)`: y = softmax(x) per row.
 * Backward (the Jacobian diag(y) − y yᵀ applied to dy): dx = y ⊙ (dy − ⟨dy, y⟩) per row.
 * For training, prefer logits + CrossEntropyLoss (it contains the log-softmax, stably).
 */
export class Softmax extends Module {
  private y?: Tensor; // the output, for the backward pass
  private readonly scratch = new Scratch();

  constructor(readonly dim = 1) {
    super();
    checkDim("Softmax", dim);
  }

  forward(x: Tensor): Tensor {
    const y = (this.y = reuse(this.y, x.rows, x.cols, x.dtype));
    logSoftmaxInto(x, y);
    for (let k = 0; k < y.data.length; k++) y.data[k] = Math.exp(y.data[k]);
    return y;
  }

  backward(dy: Tensor): Tensor {
    const y = needForward("Softmax", this.y);
    checkGrad("Softmax", dy, y.rows, y.cols);
    const dx = this.scratch.get("dx", y.rows, y.cols, y.dtype);
    const C = y.cols;
    for (let row = 0; row < y.data.length; row += C) {
      let dot = 0; //                                                        ⟨dy, y⟩ of this row
      for (let c = 0; c < C; c++) dot += dy.data[row + c] * y.data[row + c];
      for (let c = 0; c < C; c++) dx.data[row + c] = y.data[row + c] * (dy.data[row + c] - dot);
    }
    return dx;
  }

  override describe(): string {
    return `Softmax(dim=${this.dim})`;
  }
}

/**
 * The log-softmax layer, same as `torch.nn.LogSoftmax(dim=1)`: y = x − log Σ e^x per row.
 * Backward: dx = dy − softmax(x) · Σ_c dy_c per row (softmax(x) = e^y).
 */
export class LogSoftmax extends Module {
  private y?: Tensor; // the output, for the backward pass
  private readonly scratch = new Scratch();

  constructor(readonly dim = 1) {
    super();
    checkDim("LogSoftmax", dim);
  }

  forward(x: Tensor): Tensor {
    const y = (this.y = reuse(this.y, x.rows, x.cols, x.dtype));
    logSoftmaxInto(x, y);
    return y;
  }

  backward(dy: Tensor): Tensor {
    const y = needForward("LogSoftmax", this.y);
    checkGrad("LogSoftmax", dy, y.rows, y.cols);
    const dx = this.scratch.get("dx", y.rows, y.cols, y.dtype);
    const C = y.cols;
    for (let row = 0; row < y.data.length; row += C) {
      let sum = 0; //                                                        Σ_c dy_c of this row
      for (let c = 0; c < C; c++) sum += dy.data[row + c];
      for (let c = 0; c < C; c++) dx.data[row + c] = dy.data[row + c] - Math.exp(y.data[row + c]) * sum;
    }
    return dx;
  }

  override describe(): string {
    return `LogSoftmax(dim=${this.dim})`;
  }
}
