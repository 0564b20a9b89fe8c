import { Scratch, type Tensor, type Data } from "../tensor";
import { Module } from "./module";
import { checkGrad, needForward } from "./buffers";
import { sigmoid, type ActivationName } from "./activation-functions";
import { fastGrad, fastMap } from "../tensor/kernels/wasm-elementwise";

/**
 * An elementwise activation layer: y = σ(x), dx = dy ⊙ σ'(x) — the lecture's z[u] = σ'(a[u]) Σ W[u→v] z[v].
 * Every activation maps NaN to NaN, as in torch, so a NaN anywhere below shows up in the outputs and the loss.
 * Subclasses give two loops over the flat data; the output and dx buffers are reused (see buffers.ts).
 */
export abstract class Activation extends Module {
  private x?: Tensor; // the input and output, for σ'
  private y?: Tensor;
  private readonly scratch = new Scratch();

  protected abstract apply(x: Data, y: Data): void;
  /** dx[i] = dy[i]·σ'(x[i]); `y` holds σ(x) when that is cheaper. */
  protected abstract grad(x: Data, y: Data, dy: Data, dx: Data): void;

  forward(x: Tensor): Tensor {
    this.x = x;
    this.y = this.scratch.get("y", x.rows, x.cols, x.dtype);
    this.apply(x.data, this.y.data);
    return this.y;
  }

  backward(dy: Tensor): Tensor {
    const x = needForward(this.describe(), this.x);
    checkGrad(this.describe(), dy, x.rows, x.cols);
    const dx = this.scratch.get("dx", dy.rows, dy.cols, dy.dtype);
    this.grad(x.data, (this.y as Tensor).data, dy.data, dx.data);
    return dx;
  }
}

/**
 * ReLU max(0, z), same as `torch.nn.ReLU` (gradient 0 at z = 0, as torch). Written `z ≤ 0 ? 0 : z`, as torch's
 * kernel, so that NaN stays NaN (`z > 0 ? z : 0` would turn a NaN into 0 and hide a diverged layer below).
 * @example new ReLU().forward(x)
 */
export class ReLU extends Activation {
  // fastMap/fastGrad: the same loops for float32 data as WebAssembly SIMD (same bits; tensor/kernels), or false.
  protected apply(x: Data, y: Data): void {
    if (fastMap("relu", x, y)) return;
    for (let i = 0; i < x.length; i++) y[i] = x[i] <= 0 ? 0 : x[i];
  }
  protected grad(x: Data, _y: Data, dy: Data, dx: Data): void {
    if (fastGrad("reluBackward", x, dy, dx)) return;
    for (let i = 0; i < x.length; i++) dx[i] = x[i] <= 0 ? 0 : dy[i];
  }
}

/**
 * Leaky ReLU max(αz, z) with a small slope α = `negativeSlope` (default 0.01), same as `torch.nn.LeakyReLU`.
 * The lecture writes "where α > 1" — a slip: max(αz, z) is leaky only for 0 < α < 1 (α > 1 would flip the pieces).
 * @example new LeakyReLU(0.2)
 */
export class LeakyReLU extends Activation {
  constructor(readonly negativeSlope = 0.01) {
    super();
  }
  protected apply(x: Data, y: Data): void {
    const a = this.negativeSlope;
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : a * x[i];
  }
  protected grad(x: Data, _y: Data, dy: Data, dx: Data): void {
    const a = this.negativeSlope;
    for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : a * dy[i];
  }
  override describe(): string {
    return `LeakyReLU(negativeSlope=${this.negativeSlope})`;
  }
}

/**
 * ELU: z if z > 0 else α(e^z − 1), same as `torch.nn.ELU(alpha=1)` (the lecture's "exponential ReLU").
 * Its derivative for z ≤ 0 is α·e^z, computed as such (as torch does): the shortcut y + α cancels for z ≪ 0
 * (float32 gives 0 below z ≈ −17 instead of α·e^z).
 */
export class ELU extends Activation {
  constructor(readonly alpha = 1) {
    super();
  }
  protected apply(x: Data, y: Data): void {
    const a = this.alpha;
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : a * Math.expm1(x[i]);
  }
  protected grad(x: Data, _y: Data, dy: Data, dx: Data): void {
    const a = this.alpha;
    for (let i = 0; i < x.length; i++) dx[i] = x[i] <= 0 ? dy[i] * a * Math.exp(x[i]) : dy[i]; // as torch for NaN
  }
  override describe(): string {
    return `ELU(alpha=${this.alpha})`;
  }
}

/** Sigmoid 1/(1+e^−z), same as `torch.nn.Sigmoid`; σ' = σ(1−σ) ≤ 1/4, so deep sigmoid nets shrink gradients. */
export class Sigmoid extends Activation {
  // fastMap/fastGrad: float32 data in WebAssembly SIMD, within 3 float32 ulps (tensor/kernels), or false.
  protected apply(x: Data, y: Data): void {
    if (fastMap("sigmoid", x, y)) return;
    for (let i = 0; i < x.length; i++) y[i] = sigmoid(x[i]);
  }
  protected grad(_x: Data, y: Data, dy: Data, dx: Data): void {
    if (fastGrad("sigmoidBackward", y, dy, dx)) return;
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
  }
}

/**
 * Tanh (1−e^−2z)/(1+e^−2z), same as `torch.nn.Tanh`; tanh' = 1 − tanh².
 * The lecture writes (1−e^−z)/(1+e^−z): that is tanh(z/2) = 2·sigmoid(z) − 1, a rescaled tanh; we follow torch.
 */
export class Tanh extends Activation {
  // fastMap/fastGrad: float32 data in WebAssembly SIMD, within 3 float32 ulps (tensor/kernels), or false.
  protected apply(x: Data, y: Data): void {
    if (fastMap("tanh", x, y)) return;
    for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
  }
  protected grad(_x: Data, y: Data, dy: Data, dx: Data): void {
    if (fastGrad("tanhBackward", y, dy, dx)) return;
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
  }
}

/** A new activation layer by name; `param` is leaky_relu's slope or elu's α. @example makeActivation("relu") */
export function makeActivation(name: ActivationName, param?: number): Activation {
  switch (name) {
    case "relu":
      return new ReLU();
    case "leaky_relu":
      return new LeakyReLU(param);
    case "elu":
      return new ELU(param);
    case "tanh":
      return new Tanh();
    case "sigmoid":
      return new Sigmoid();
    default:
      throw new Error(`Unknown activation "${String(name)}": expected relu, leaky_relu, elu, tanh or sigmoid`);
  }
}
