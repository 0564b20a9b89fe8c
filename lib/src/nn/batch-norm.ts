import {
  Scratch,
  Tensor,
  type DType,
  addColumnsInPlace,
  affineColumns,
  columnDot,
  columnMean,
  columnSum,
  columnVar,
  shiftScaleColumns,
} from "../tensor";
import { Module, Parameter } from "./module";
import { checkFeatures, checkGrad, needForward } from "./buffers";

/** Options of `BatchNorm1d`, torch's names in camelCase and torch's defaults. */
export interface BatchNormOptions {
  eps?: number;
  /** Weight of the new batch in the running averages (default 0.1); null = cumulative average 1/numBatchesTracked. */
  momentum?: number | null;
  affine?: boolean;
  trackRunningStats?: boolean;
  dtype?: DType;
}

/**
 * Batch normalization over a batch × features input, same as `torch.nn.BatchNorm1d` (2-D inputs).
 *
 * The lecture's knob 5: o[v] = σ(c_v·(a[v] − Ê[a[v]])/√(Var̂[a[v]]) + b_v), statistics over the minibatch;
 * here y = weight·(x − mean)/√(var + eps) + bias and σ is the next layer. As torch:
 * - training: mean and the *biased* variance (÷N) of the batch normalise x; the running averages are updated
 *   with the *unbiased* variance (÷(N−1)): running = (1 − momentum)·running + momentum·batch, and
 *   numBatchesTracked += 1. (torch's warning: this momentum is not an optimizer's momentum.)
 * - eval: running mean and variance normalise x (with trackRunningStats = false, batch statistics always).
 * - backward in training flows through the batch mean and variance too.
 * Parameters weight (1 × C, ones) and bias (1 × C, zeros); buffers runningMean, runningVar, numBatchesTracked
 * (torch's running_mean, running_var, num_batches_tracked).
 *
 * @example
 *   const bn = new BatchNorm1d(100);
 *   bn.forward(x);            // train mode: batch statistics, running stats updated
 *   bn.eval().forward(x);     // eval mode: running statistics
 */
export class BatchNorm1d extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly weight: Parameter | null = null;
  readonly bias: Parameter | null = null;
  readonly runningMean: Tensor | null = null;
  readonly runningVar: Tensor | null = null;
  readonly numBatchesTracked: Tensor | null = null;
  private xhat?: Tensor; // x̂ = (x − μ)/σ, for the backward pass
  private readonly scratch = new Scratch();
  private invStd: Float64Array;
  private batchStats = true;

  constructor(numFeatures: number, opts: BatchNormOptions = {}) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures <= 0) {
      throw new Error(`BatchNorm1d: numFeatures must be a positive integer, got ${numFeatures}`);
    }
    const { eps = 1e-5, momentum = 0.1, affine = true, trackRunningStats = true, dtype = "float32" } = opts;
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.invStd = new Float64Array(numFeatures);
    if (affine) {
      this.weight = this.registerParameter("weight", new Parameter(Tensor.full(1, numFeatures, 1, dtype)));
      this.bias = this.registerParameter("bias", new Parameter(Tensor.zeros(1, numFeatures, dtype)));
    }
    if (trackRunningStats) {
      this.runningMean = this.registerBuffer("runningMean", Tensor.zeros(1, numFeatures, dtype));
      this.runningVar = this.registerBuffer("runningVar", Tensor.full(1, numFeatures, 1, dtype));
      // float64 so the count stays exact far beyond float32's 2^24.
      this.numBatchesTracked = this.registerBuffer("numBatchesTracked", Tensor.zeros(1, 1, "float64"));
    }
  }

  /** Training: y = γ·(x − Ê[x])/√(Var̂[x] + ε) + β with the batch's statistics (and the running ones updated). */
  forward(x: Tensor): Tensor {
    checkFeatures(this.describe(), x, this.numFeatures);
    this.batchStats = this.training || this.runningMean === null;
    const [mean, variance] = this.batchStats ? this.batchStatistics(x) : this.runningStatistics();
    for (let c = 0; c < this.numFeatures; c++) this.invStd[c] = 1 / Math.sqrt(variance[c] + this.eps); // 1/σ
    const xhat = shiftScaleColumns(x, mean, this.invStd, this.scratch.get("xhat", x.rows, x.cols, x.dtype)); // x̂
    this.xhat = xhat;
    const y = this.scratch.get("y", x.rows, x.cols, x.dtype);
    if (this.weight && this.bias) return affineColumns(xhat, this.weight.value, this.bias.value, y); // γ x̂ + β
    y.data.set(xhat.data);
    return y;
  }

  /**
   * dγ += Σ dy·x̂, dβ += Σ dy; dx = γ/(σN)·(N·dy − Σdy − x̂·Σ(dy·x̂)) with batch statistics (the gradient flows through
   * the mean and variance too), dx = γ/σ·dy with the running ones.
   */
  backward(dy: Tensor): Tensor {
    const xhat = needForward(this.describe(), this.xhat);
    checkGrad(this.describe(), dy, xhat.rows, this.numFeatures);
    const sumDy = columnSum(dy);
    const sumDyXhat = columnDot(dy, xhat);
    if (this.weight?.requiresGrad) addColumnsInPlace(this.weight.grad, sumDyXhat);
    if (this.bias?.requiresGrad) addColumnsInPlace(this.bias.grad, sumDy);
    const dx = this.scratch.get("dx", dy.rows, dy.cols, dy.dtype);
    const gamma = this.weight?.value.data;
    const N = xhat.rows;
    for (let k = 0; k < dx.size; k++) {
      const c = k % this.numFeatures;
      const s = (gamma ? gamma[c] : 1) * this.invStd[c]; // γ/σ
      dx.data[k] = this.batchStats
        ? (s / N) * (N * dy.data[k] - sumDy[c] - xhat.data[k] * sumDyXhat[c])
        : s * dy.data[k];
    }
    return dx;
  }

  /** The batch's mean and biased variance; in training also updates the running averages (unbiased variance). */
  private batchStatistics(x: Tensor): [Float64Array, Float64Array] {
    const N = x.rows;
    if (N <= 1) {
      throw new Error(`Expected more than 1 value per channel when training, got input size [${N}, ${x.cols}]`);
    }
    const mean = columnMean(x);
    const variance = columnVar(x, mean);
    const [rm, rv, count] = [this.runningMean, this.runningVar, this.numBatchesTracked];
    if (this.training && rm && rv && count) {
      const n = ++count.data[0];
      const f = this.momentum ?? 1 / n; // null momentum: the cumulative average
      for (let c = 0; c < x.cols; c++) {
        rm.data[c] = (1 - f) * rm.data[c] + f * mean[c];
        rv.data[c] = (1 - f) * rv.data[c] + (f * variance[c] * N) / (N - 1);
      }
    }
    return [mean, variance];
  }

  private runningStatistics(): [Float64Array, Float64Array] {
    return [Float64Array.from((this.runningMean as Tensor).data), Float64Array.from((this.runningVar as Tensor).data)];
  }

  override describe(): string {
    const extra = [
      this.eps !== 1e-5 ? `eps=${this.eps}` : "",
      this.momentum !== 0.1 ? `momentum=${this.momentum}` : "",
      this.weight === null ? "affine=false" : "",
      this.runningMean === null ? "trackRunningStats=false" : "",
    ].filter(Boolean);
    return `BatchNorm1d(${[this.numFeatures, ...extra].join(", ")})`;
  }
}
