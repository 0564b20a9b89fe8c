import type { Tensor } from "../tensor";
import type { Sequential } from "./sequential";

/** One layer's output from `traceForward` (a copy). */
export interface LayerOutput {
  index: number;
  /** The layer's description, e.g. "Linear(in=784, out=256)". */
  name: string;
  output: Tensor;
}

/** The gradient of the loss with respect to one layer's output, from `traceBackward` (a copy). */
export interface LayerGrad {
  index: number;
  name: string;
  grad: Tensor;
}

/**
 * Runs a forward pass and returns every layer's output (copies, safe to keep) — for per-layer activation
 * statistics, the lecture's var(a[v]) per depth. Like registering forward hooks in torch.
 * @example traceForward(model, x).map(({ index, output }) => ({ index, std: std(output) }))
 */
export function traceForward(model: Sequential, x: Tensor): LayerOutput[] {
  const out: LayerOutput[] = [];
  let h = x;
  model.layers.forEach((m, index) => {
    h = m.forward(h);
    out.push({ index, name: m.describe(), output: h.clone() });
  });
  return out;
}

/**
 * Runs a backward pass from `dy` (∂loss/∂model output, e.g. `loss.backward()`) after a forward, and returns the
 * gradient with respect to every layer's output (copies) — the lecture's z[v] per depth, to see gradients vanish
 * or explode. Like a normal backward it adds into the parameters' grads. Like torch's full backward hooks.
 * @example
 *   loss.forward(model.forward(x), y);
 *   traceBackward(model, loss.backward()).map(({ index, grad }) => ({ index, norm: norm(grad) }))
 */
export function traceBackward(model: Sequential, dy: Tensor): LayerGrad[] {
  const out: LayerGrad[] = [];
  let g = dy;
  for (let index = model.layers.length - 1; index >= 0; index--) {
    const m = model.layers[index];
    out.push({ index, name: m.describe(), grad: g.clone() });
    g = m.backward(g);
  }
  return out.reverse();
}
