import { Scratch, Tensor, type DType } from "../tensor";
import { Module, Parameter } from "./module";
import { checkFeatures, checkGrad, needForward, reuse } from "./buffers";

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

  forward(x: Tensor): Tensor {
    checkFeatures(this.describe(), x, this.numFeatures);
    const N = x.rows;
    const C = this.numFeatures;
    const mean = new Float64Array(C);
    const inv = this.invStd;
    this.batchStats = this.training || this.runningMean === null;
    if (this.batchStats) {
      if (N <= 1) throw new Error(`Expected more than 1 value per channel when training, got input size [${N}, ${C}]`);
      const v = new Float64Array(C); // biased variance, two passes for accuracy
      for (let i = 0; i < N; i++) for (let c = 0; c < C; c++) mean[c] += x.data[i * C + c];
      for (let c = 0; c < C; c++) mean[c] /= N;
      for (let i = 0; i < N; i++) for (let c = 0; c < C; c++) v[c] += (x.data[i * C + c] - mean[c]) ** 2;
      for (let c = 0; c < C; c++) {
        v[c] /= N;
        inv[c] = 1 / Math.sqrt(v[c] + this.eps);
      }
      if (this.training && this.runningMean && this.runningVar && this.numBatchesTracked) {
        const n = ++this.numBatchesTracked.data[0];
        const f = this.momentum ?? 1 / n;
        for (let c = 0; c < C; c++) {
          this.runningMean.data[c] = (1 - f) * this.runningMean.data[c] + f * mean[c];
          this.runningVar.data[c] = (1 - f) * this.runningVar.data[c] + (f * v[c] * N) / (N - 1);
        }
      }
    } else {
      const rm = this.runningMean as Tensor;
      const rv = this.runningVar as Tensor;
      for (let c = 0; c < C; c++) {
        mean[c] = rm.data[c];
        inv[c] = 1 / Math.sqrt(rv.data[c] + this.eps);
      }
    }
    const xhat = (this.xhat = reuse(this.xhat, N, C, x.dtype));
    const y = this.scratch.get("y", N, C, x.dtype);
    const g = this.weight?.value.data;
    const b = this.bias?.value.data;
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) {
        const k = i * C + c;
        xhat.data[k] = (x.data[k] - mean[c]) * inv[c];
        y.data[k] = g && b ? g[c] * xhat.data[k] + b[c] : xhat.data[k];
      }
    }
    return y;
  }

  /** dx = γ·invstd/N·(N·dy − Σdy − x̂·Σ(dy·x̂)) in training; γ·invstd·dy with running statistics. */
  backward(dy: Tensor): Tensor {
    const xhat = needForward(this.describe(), this.xhat);
    const N = xhat.rows;
    const C = this.numFeatures;
    checkGrad(this.describe(), dy, N, C);
    const sumDy = new Float64Array(C);
    const sumDyXhat = new Float64Array(C);
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) {
        sumDy[c] += dy.data[i * C + c];
        sumDyXhat[c] += dy.data[i * C + c] * xhat.data[i * C + c];
      }
    }
    if (this.weight?.requiresGrad) for (let c = 0; c < C; c++) this.weight.grad.data[c] += sumDyXhat[c];
    if (this.bias?.requiresGrad) for (let c = 0; c < C; c++) this.bias.grad.data[c] += sumDy[c];
    const g = this.weight?.value.data;
    const dx = this.scratch.get("dx", N, C, dy.dtype);
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) {
        const k = i * C + c;
        const s = (g ? g[c] : 1) * this.invStd[c];
        dx.data[k] = this.batchStats
          ? (s / N) * (N * dy.data[k] - sumDy[c] - xhat.data[k] * sumDyXhat[c])
          : s * dy.data[k];
      }
    }
    return dx;
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
