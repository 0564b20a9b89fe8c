/** Runs the fixtures' layer and loss cases through nn-knobs. */
import { Tensor, nn } from "../../lib/src";
import { Comparison, type DTypeName } from "./compare";
import type { LayerCase, LossCase, Rows } from "./fixture-types";

/** A fixture tensor (rows) as a library tensor of the case's dtype. */
export function tensor(rows: Rows, dtype: DTypeName): Tensor {
  return Tensor.fromRows(rows, dtype);
}

function makeLayer(c: LayerCase): nn.Module {
  const o = c.options;
  switch (c.layer) {
    case "Linear":
      return new nn.Linear(o.inFeatures as number, o.outFeatures as number, {
        bias: o.bias as boolean,
        seed: 0, // overwritten below by the fixture's weights
        dtype: c.dtype,
      });
    case "ReLU":
      return new nn.ReLU();
    case "LeakyReLU":
      return new nn.LeakyReLU(o.negativeSlope as number);
    case "ELU":
      return new nn.ELU(o.alpha as number);
    case "Sigmoid":
      return new nn.Sigmoid();
    case "Tanh":
      return new nn.Tanh();
    case "Softmax":
      return new nn.Softmax(o.dim as number);
    case "LogSoftmax":
      return new nn.LogSoftmax(o.dim as number);
    case "BatchNorm1d":
      return new nn.BatchNorm1d(o.numFeatures as number, {
        momentum: o.momentum as number | null,
        eps: o.eps as number,
        affine: o.affine as boolean,
        dtype: c.dtype,
      });
    default:
      throw new Error(`unknown layer ${c.layer} in the fixtures`);
  }
}

/** Forward and backward of every step; compares output, input gradient, parameter gradients and buffers. */
export function runLayerCase(c: LayerCase): Comparison {
  const cmp = new Comparison(c.name, c.dtype);
  const layer = makeLayer(c);
  const params = new Map(layer.namedParameters());
  if (params.size !== Object.keys(c.params).length) {
    throw new Error(`${c.name}: nn-knobs has parameters [${[...params.keys()]}], torch [${Object.keys(c.params)}]`);
  }
  for (const [name, value] of Object.entries(c.params)) {
    const p = params.get(name);
    if (!p) throw new Error(`${c.name}: nn-knobs has no parameter "${name}"`);
    p.assign(tensor(value, c.dtype));
  }
  const buffers = new Map(layer.namedBuffers());
  c.steps.forEach((s, i) => {
    layer.train(s.mode === "train");
    layer.zeroGrad();
    const y = layer.forward(tensor(s.x, c.dtype));
    cmp.check(`step ${i} (${s.mode}) output`, y.data, s.y);
    const dx = layer.backward(tensor(s.dy, c.dtype));
    cmp.check(`step ${i} (${s.mode}) input grad`, dx.data, s.dx);
    for (const [name, g] of Object.entries(s.grads)) {
      cmp.check(`step ${i} (${s.mode}) ${name}.grad`, params.get(name)!.grad.data, g);
    }
    for (const [name, b] of Object.entries(s.buffers ?? {})) {
      const ours = buffers.get(name);
      if (!ours) throw new Error(`${c.name}: nn-knobs has no buffer "${name}"`);
      cmp.check(`step ${i} (${s.mode}) ${name}`, ours.data, b);
    }
  });
  return cmp;
}

/** The loss value (or per-element values) and its gradient with respect to the input. */
export function runLossCase(c: LossCase): Comparison {
  const cmp = new Comparison(c.name, c.dtype);
  const x = tensor(c.x, c.dtype);
  const reduction = c.reduction ?? "mean";
  const target =
    c.loss === "CrossEntropyLoss" ? Int32Array.from(c.target as number[]) : tensor(c.target as Rows, c.dtype);
  const loss =
    c.loss === "CrossEntropyLoss"
      ? new nn.CrossEntropyLoss({ reduction })
      : c.loss === "MSELoss"
        ? new nn.MSELoss({ reduction })
        : new nn.BCEWithLogitsLoss({ reduction });
  const value = (loss.forward as (x: Tensor, t: unknown) => number | Tensor)(x, target);
  const grad = loss.backward(c.dl ? tensor(c.dl, c.dtype) : undefined);
  if (typeof value === "number") cmp.check("value", value, c.value as number);
  else cmp.check("values", value.data, c.value as Rows);
  cmp.check("grad", grad.data, c.grad);
  return cmp;
}
