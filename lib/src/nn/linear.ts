import {
  Tensor,
  type DType,
  matmul,
  addMatmulTransA,
  matmulTransB,
  addRowVector,
  addSumRows,
  Scratch,
} from "../tensor";
import type { Rng } from "../rng";
import { Module, Parameter, NO_INPUT_GRAD } from "./module";
import { checkFeatures, checkGrad, layerRng, needForward } from "./buffers";
import { kaimingUniform_, uniform_ } from "./init";

/** Options of `Linear`: `rng` or `seed` (one is required), `bias` (default true), `dtype` (default "float32"). */
export interface LinearOptions {
  bias?: boolean;
  rng?: Rng;
  seed?: number;
  dtype?: DType;
}

/**
 * A fully connected layer y = x·Wᵀ + b, same as `torch.nn.Linear(in_features, out_features, bias)`.
 *
 * The lecture's a[v] = Σ_u W[u→v] o[u] for a whole minibatch at once: x is batch × in, W is out × in (torch's layout),
 * b is 1 × out. Backward: dW += dyᵀ·x, db += Σ_rows dy, dx = dy·W. Init as torch: W and b from U(−1/√in, 1/√in)
 * (torch's kaiming_uniform_(a=√5)). Differences from torch: 2-D inputs only; a seed or Rng is required.
 *
 * @example
 *   const fc = new Linear(784, 10, { seed: 0 });
 *   const y = fc.forward(x);        // x: [128, 784] → y: [128, 10]
 *   const dx = fc.backward(dy);     // adds into fc.weight.grad and fc.bias.grad
 *   fc.backward(dy, false);         // the same grads, no dx (x is data): NO_INPUT_GRAD
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  private x?: Tensor; // the input, for dW = dyᵀ·x
  private readonly scratch = new Scratch();

  constructor(inFeatures: number, outFeatures: number, opts: LinearOptions = {}) {
    super();
    for (const [name, v] of [
      ["inFeatures", inFeatures],
      ["outFeatures", outFeatures],
    ] as const) {
      if (!Number.isInteger(v) || v < 0) throw new Error(`Linear: ${name} must be a non-negative integer, got ${v}`);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const dtype = opts.dtype ?? "float32";
    const rng = layerRng(this.describe(), opts);
    this.weight = this.registerParameter("weight", new Parameter(Tensor.zeros(outFeatures, inFeatures, dtype)));
    this.bias =
      opts.bias === false ? null : this.registerParameter("bias", new Parameter(Tensor.zeros(1, outFeatures, dtype)));
    this.resetParameters(rng);
  }

  /** torch's `reset_parameters`: W ~ kaiming_uniform_(a=√5) = U(−1/√in, 1/√in), b ~ U(−1/√in, 1/√in). */
  resetParameters(rng: Rng): void {
    kaimingUniform_(this.weight.value, rng, { a: Math.sqrt(5) });
    if (this.bias) {
      const bound = this.inFeatures > 0 ? 1 / Math.sqrt(this.inFeatures) : 0;
      uniform_(this.bias.value, rng, -bound, bound);
    }
  }

  forward(x: Tensor): Tensor {
    checkFeatures(this.describe(), x, this.inFeatures);
    const W = this.weight.value;
    if (x.dtype !== W.dtype) {
      throw new Error(
        `${this.describe()}: input ${x.shapeString} and weight ${W.shapeString} must have the same dtype`,
      );
    }
    this.x = x;
    const y = matmulTransB(x, W, this.scratch.get("y", x.rows, this.outFeatures, x.dtype)); // y = x·Wᵀ
    if (this.bias) addRowVector(y, this.bias.value, y); //                                      + b
    return y;
  }

  /** dW += dyᵀ·x, db += Σ_rows dy; returns dx = dy·W, or NO_INPUT_GRAD without computing it if `needInputGrad` is false. */
  backward(dy: Tensor, needInputGrad = true): Tensor {
    const x = needForward(this.describe(), this.x);
    checkGrad(this.describe(), dy, x.rows, this.outFeatures);
    if (this.weight.requiresGrad) addMatmulTransA(dy, x, this.weight.grad); // dW += dyᵀ·x (accumulated, as torch)
    if (this.bias?.requiresGrad) addSumRows(dy, this.bias.grad); //               db += Σ_rows dy
    if (!needInputGrad) return NO_INPUT_GRAD;
    return matmul(dy, this.weight.value, this.scratch.get("dx", dy.rows, this.inFeatures, dy.dtype)); // dx = dy·W
  }

  override describe(): string {
    return `Linear(in=${this.inFeatures}, out=${this.outFeatures}${this.bias === null ? ", bias=false" : ""})`;
  }
}
