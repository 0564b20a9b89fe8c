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

/** The loss value and its gradient with respect to the input. */
export function runLossCase(c: LossCase): Comparison {
  const cmp = new Comparison(c.name, c.dtype);
  const x = tensor(c.x, c.dtype);
  let value: number;
  let grad: Tensor;
  if (c.loss === "CrossEntropyLoss") {
    const loss = new nn.CrossEntropyLoss();
    value = loss.forward(x, Int32Array.from(c.target as number[]));
    grad = loss.backward();
  } else {
    const loss = c.loss === "MSELoss" ? new nn.MSELoss() : new nn.BCEWithLogitsLoss();
    value = loss.forward(x, tensor(c.target as Rows, c.dtype));
    grad = loss.backward();
  }
  cmp.check("value", value, c.value);
  cmp.check("grad", grad.data, c.grad);
  return cmp;
}
