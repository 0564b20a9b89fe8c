import { Tensor } from "../tensor";
import { mean, std } from "../tensor/ops";
import { Activation } from "./activations";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { Linear } from "./linear";
import type { Loss } from "./module";
import type { Sequential } from "./sequential";
import { traceBackward, traceForward, type LayerGrad, type LayerOutput } from "./trace";

/** The statistics `probeLayers` measures, by name (they are the `stat` of its rows). */
export const PROBE_STATS = {
  /** std of a Linear layer's output a[v] (the lecture's pre-activation). */
  activationStd: "std of a[v]",
  /** std of ∂ℓ/∂a[v], the lecture's z[v]: how much gradient reaches that layer. */
  gradientStd: "std of z[v] = ∂ℓ/∂a[v]",
  /** mean of σ'(a[v]) over the batch: the factor the activation multiplies z by on the way back. */
  meanSlope: "mean σ'(a[v])",
} as const;

/** One statistic of one Linear layer (numbered 1, 2, … from the input); the rows `plot.layerStats` draws. */
export interface ProbeRow {
  layer: number;
  stat: string;
  value: number;
  group?: string;
}

/** What `probeLayers` measured: per-layer rows, and every layer's output and output gradient (copies). */
export interface LayerProbe {
  rows: ProbeRow[];
  outputs: LayerOutput[];
  grads: LayerGrad[];
  /** The loss of the batch. */
  loss: number;
}

/**
 * One forward and one backward pass of `model` on a batch, measuring per Linear layer the std of its output a[v],
 * the std of the gradient z[v] = ∂ℓ/∂a[v] reaching it and, when an activation follows, the mean slope σ'(a[v]) —
 * the lecture's var(a[v]) = #parents·var(u)·var(w) by depth, and gradients vanishing or exploding on the way back.
 * Like forward and full-backward hooks in torch. The backward adds into the parameters' grads, as any backward.
 * @example
 *   const p = nn.probeLayers(nn.mlp({ sizes: [784, 256, 256, 10], activation: "tanh", init: "xavier" }, 0), x, y, { group: "xavier" });
 *   show(plot.layerStats(p.rows, { logY: true }));
 */
export function probeLayers(
  model: Sequential,
  x: Tensor,
  y: ArrayLike<number>,
  options: { loss?: Loss<any>; group?: string; hiddenOnly?: boolean } = {},
): LayerProbe {
  const loss = options.loss ?? new CrossEntropyLoss();
  const outputs = traceForward(model, x);
  const value = loss.forward(outputs[outputs.length - 1].output, y);
  const grads = traceBackward(model, loss.backward());
  let linears = outputs.filter((o) => model.layers[o.index] instanceof Linear);
  if (options.hiddenOnly) linears = linears.slice(0, -1);
  const g = options.group !== undefined ? { group: options.group } : {};
  const rows = linears.flatMap((o, l): ProbeRow[] => {
    const out: ProbeRow[] = [
      { layer: l + 1, stat: PROBE_STATS.activationStd, value: std(o.output), ...g },
      { layer: l + 1, stat: PROBE_STATS.gradientStd, value: std(grads[o.index].grad), ...g },
    ];
    const next = model.layers[o.index + 1];
    if (next instanceof Activation) {
      // The activation's backward of a gradient of ones is σ'(a) itself (its forward input is still cached).
      next.forward(o.output);
      const ones = Tensor.full(o.output.rows, o.output.cols, 1, o.output.dtype);
      out.push({ layer: l + 1, stat: PROBE_STATS.meanSlope, value: mean(next.backward(ones)), ...g });
    }
    return out;
  });
  return { rows, outputs, grads, loss: value };
}
