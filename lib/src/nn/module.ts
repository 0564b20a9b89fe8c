import { Tensor } from "../tensor";

/**
 * A trainable tensor and its gradient, like `torch.nn.Parameter`.
 * `backward` *adds* into `grad` (as torch accumulates), so call `optimizer.zeroGrad()` before each step.
 */
export class Parameter {
  value: Tensor;
  grad: Tensor;
  /** false = frozen: layers skip its gradient and optimizers skip its update (see `freeze`). */
  requiresGrad = true;

  constructor(value: Tensor) {
    this.value = value;
    this.grad = Tensor.zeros(value.rows, value.cols, value.dtype);
  }

  get shape(): [number, number] {
    return this.value.shape;
  }

  /** Replaces the value (same shape), e.g. from an initializer or a checkpoint. */
  assign(value: Tensor): void {
    if (value.rows !== this.value.rows || value.cols !== this.value.cols) {
      throw new Error(`Parameter.assign: expected ${this.value.shapeString}, got ${value.shapeString}`);
    }
    this.value.data.set(value.data);
  }
}

/**
 * What `backward(dy, false)` may return instead of ∂loss/∂x: an empty 0 × 0 tensor, never a gradient.
 * @example if (layer.backward(dy, false) === NO_INPUT_GRAD) { … the layer skipped dx … }
 */
export const NO_INPUT_GRAD: Tensor = Tensor.zeros(0, 0);

/** A saved tensor in a state dict: plain JSON. */
export interface SavedTensor {
  shape: [number, number];
  data: number[];
}
export type StateDict = Record<string, SavedTensor>;

/**
 * The base of every layer, like `torch.nn.Module`.
 *
 * A layer's `forward(x)` caches what `backward` needs; `backward(dy)` adds ∂loss/∂param into each `param.grad`
 * and returns ∂loss/∂x — the lecture's z[u] = σ'(a[u]) Σ W[u→v] z[v], one layer at a time.
 * Subclasses register parameters, buffers (saved state that is not trained, e.g. BatchNorm's running mean)
 * and child modules in their constructor.
 *
 * Buffer rule: for speed a layer may reuse its output and dx buffers while the batch shape stays the same, so a
 * tensor returned by `forward`/`backward` is owned by the layer and valid until that layer's next forward/backward.
 * Clone it to keep it (traceForward, traceBackward and gradCheckModule do).
 *
 * `backward(dy, false)` says the caller will not use ∂loss/∂x (the input is data, as for the first layer in `fit`):
 * a layer may then skip computing it and return `NO_INPUT_GRAD` (Linear skips dy·W, a quarter of an MNIST MLP's
 * flops) — what torch does for inputs with requires_grad=False. Parameter gradients are computed either way.
 */
export abstract class Module {
  training = true;
  private readonly params = new Map<string, Parameter>();
  private readonly bufs = new Map<string, Tensor>();
  private readonly kids = new Map<string, Module>();

  abstract forward(x: Tensor): Tensor;
  /** Adds into each param.grad and returns ∂loss/∂x; with `needInputGrad` false it may return `NO_INPUT_GRAD`. */
  abstract backward(dy: Tensor, needInputGrad?: boolean): Tensor;

  protected registerParameter(name: string, p: Parameter): Parameter {
    this.params.set(name, p);
    return p;
  }

  protected registerBuffer(name: string, t: Tensor): Tensor {
    this.bufs.set(name, t);
    return t;
  }

  protected registerModule<M extends Module>(name: string, m: M): M {
    this.kids.set(name, m);
    return m;
  }

  /** Child modules with their names, in registration order. */
  namedChildren(): [string, Module][] {
    return [...this.kids.entries()];
  }

  /** All parameters with dotted names ("0.weight", "0.bias", …) in a stable order. */
  namedParameters(prefix = ""): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    for (const [n, p] of this.params) out.push([prefix + n, p]);
    for (const [n, m] of this.kids) out.push(...m.namedParameters(`${prefix}${n}.`));
    return out;
  }

  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  namedBuffers(prefix = ""): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [n, b] of this.bufs) out.push([prefix + n, b]);
    for (const [n, m] of this.kids) out.push(...m.namedBuffers(`${prefix}${n}.`));
    return out;
  }

  /** Training mode (Dropout drops, BatchNorm uses batch statistics). Applies to all children. */
  train(mode = true): this {
    this.training = mode;
    for (const m of this.kids.values()) m.train(mode);
    return this;
  }

  /** Evaluation mode, the same as `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.grad.data.fill(0);
  }

  /** Parameters and buffers by name, as plain JSON (like torch's `state_dict()`). */
  stateDict(): StateDict {
    const sd: StateDict = {};
    const save = (t: Tensor): SavedTensor => ({ shape: [t.rows, t.cols], data: Array.from(t.data) });
    for (const [n, p] of this.namedParameters()) sd[n] = save(p.value);
    for (const [n, b] of this.namedBuffers()) sd[n] = save(b);
    return sd;
  }

  /** Loads a state dict; with `strict` (default) the keys must match exactly. Shapes must always match. */
  loadStateDict(sd: StateDict, strict = true): void {
    const targets = new Map<string, Tensor>([
      ...this.namedParameters().map(([n, p]) => [n, p.value] as [string, Tensor]),
      ...this.namedBuffers(),
    ]);
    const missing = [...targets.keys()].filter((k) => !(k in sd));
    const unexpected = Object.keys(sd).filter((k) => !targets.has(k));
    if (strict && (missing.length || unexpected.length)) {
      throw new Error(
        `loadStateDict: keys do not match. Missing: [${missing.join(", ")}]; unexpected: [${unexpected.join(", ")}]`,
      );
    }
    for (const [name, t] of targets) {
      const s = sd[name];
      if (!s) continue;
      if (s.shape[0] !== t.rows || s.shape[1] !== t.cols) {
        throw new Error(
          `loadStateDict: size mismatch for ${name}: the checkpoint has [${s.shape.join(", ")}], ` +
            `the model has [${t.rows}, ${t.cols}]`,
        );
      }
      if (s.data.length !== t.size) {
        throw new Error(
          `loadStateDict: ${name} has ${s.data.length} values in the checkpoint, but its shape ` +
            `[${s.shape.join(", ")}] needs ${t.size} (truncated data?)`,
        );
      }
    }
    for (const [name, t] of targets) if (sd[name]) t.data.set(sd[name].data);
  }

  /** One line per layer, like torch's repr. */
  toString(): string {
    const kids = this.namedChildren();
    if (!kids.length) return this.describe();
    const inner = kids.map(([n, m]) => `  (${n}): ${m.toString().replace(/\n/g, "\n  ")}`).join("\n");
    return `${this.describe()}(\n${inner}\n)`;
  }

  /** The layer's name and settings, e.g. "Linear(in=784, out=10)". */
  describe(): string {
    return this.constructor.name;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * A loss: `forward(output, target)` returns the scalar loss (mean over the batch, as torch's default
 * reduction="mean"); `backward()` returns ∂loss/∂output for the last forward — the lecture's z[v_out] = ℓ'(a[v_out], y).
 */
export interface Loss<T = Tensor | ArrayLike<number>> {
  forward(output: Tensor, target: T): number;
  backward(): Tensor;
}
