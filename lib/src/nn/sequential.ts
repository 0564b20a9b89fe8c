import type { Tensor } from "../tensor";
import { Module } from "./module";

/**
 * Layers applied in order, same as `torch.nn.Sequential`: forward runs them first to last, backward last to first
 * (the lecture's forward and backward passes). Children are named "0", "1", …, so state-dict keys read
 * "0.weight", "1.runningMean" as in torch.
 *
 * @example
 *   const model = new Sequential(new Linear(2, 16, { seed: 0 }), new ReLU(), new Linear(16, 2, { seed: 1 }));
 *   const logits = model.forward(x);
 *   model.backward(loss.backward());          // also returns dx, ∂loss/∂x
 *   model.backward(loss.backward(), false);   // x is data: the first layer skips dx (as `fit` does)
 */
export class Sequential extends Module {
  readonly layers: Module[] = [];

  constructor(...modules: Module[]) {
    super();
    for (const m of modules) this.add(m);
  }

  /** Appends a layer (named by its index) and returns this, for chaining. */
  add(m: Module): this {
    if (!(m instanceof Module)) throw new Error(`Sequential.add: expected a Module, got ${String(m)}`);
    this.registerModule(String(this.layers.length), m);
    this.layers.push(m);
    return this;
  }

  /** Puts `m` in place of layer `index` (keeping its name); negative indices count from the end. Returns the old layer. */
  replace(index: number, m: Module): Module {
    const i = index < 0 ? this.layers.length + index : index;
    if (!(m instanceof Module)) throw new Error(`Sequential.replace: expected a Module, got ${String(m)}`);
    if (i < 0 || i >= this.layers.length) {
      throw new Error(`Sequential.replace: index ${index} is out of range for ${this.layers.length} layers`);
    }
    const old = this.layers[i];
    this.registerModule(String(i), m);
    this.layers[i] = m;
    return old;
  }

  get length(): number {
    return this.layers.length;
  }

  forward(x: Tensor): Tensor {
    let h = x;
    for (const m of this.layers) h = m.forward(h);
    return h;
  }

  /** Last layer to first; `needInputGrad` false is passed to the first layer only (the others' dx is needed). */
  backward(dy: Tensor, needInputGrad = true): Tensor {
    let g = dy;
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g, i > 0 || needInputGrad);
    return g;
  }
}
