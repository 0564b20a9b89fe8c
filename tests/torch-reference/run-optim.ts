/** Runs the fixtures' optimizer, clipping and scheduler cases through nn-knobs. */
import { optim, nn } from "../../lib/src";
import { Comparison } from "./compare";
import type { ClipCase, OptimizerCase, OptimizerInputs } from "./fixture-types";
import { tensor } from "./run-layers";

type AnyOptimizer = optim.Optimizer<{ lr: number }>;

function makeOptimizer(c: OptimizerCase, p: nn.Parameter): AnyOptimizer {
  const o = c.options as never;
  const make: Record<OptimizerCase["optimizer"], () => unknown> = {
    SGD: () => new optim.SGD([p], o),
    Adagrad: () => new optim.Adagrad([p], o),
    RMSprop: () => new optim.RMSprop([p], o),
    Adam: () => new optim.Adam([p], o),
    AdamW: () => new optim.AdamW([p], o),
    Adadelta: () => new optim.Adadelta([p], o),
  };
  return make[c.optimizer]() as AnyOptimizer;
}

/** Sets p.grad to the fixture's gradient and steps, ten times; compares the parameter after every step. */
export function runOptimizerCase(c: OptimizerCase, inputs: OptimizerInputs, optimizer = makeOptimizer): Comparison {
  const cmp = new Comparison(c.name, c.dtype);
  const p = new nn.Parameter(tensor(inputs.start, c.dtype));
  const opt = optimizer(c, p);
  const trajectory: number[][] = [];
  for (const g of inputs.grads) {
    p.grad.data.set(tensor(g, c.dtype).data);
    opt.step();
    trajectory.push(Array.from(p.value.data));
  }
  cmp.check(
    "params",
    trajectory,
    c.params.map((rows) => rows.flat()),
  );
  return cmp;
}

/** The lecture's heavy-ball form on an SGD-momentum case (dampening 0, constant lr): it must give torch's weights. */
export function runHeavyBallCase(c: OptimizerCase, inputs: OptimizerInputs): Comparison {
  const { lr, momentum } = c.options as { lr: number; momentum: number };
  return runOptimizerCase(
    { ...c, name: `HeavyBall(lr=${lr}, momentum=${momentum}) vs torch ${c.name}` },
    inputs,
    (_, p) => new optim.HeavyBall([p], { lr, momentum }) as unknown as AnyOptimizer,
  );
}

/** clip_grad_norm_ (returned total norm and clipped gradients) or clip_grad_value_ over several parameters. */
export function runClipCase(c: ClipCase): Comparison {
  const cmp = new Comparison(c.name, c.dtype);
  const params = c.grads.map((g) => {
    const p = new nn.Parameter(tensor(g, c.dtype));
    p.grad.data.set(tensor(g, c.dtype).data);
    return p;
  });
  if (c.kind === "norm") {
    const normType = c.normType === "inf" ? Infinity : (c.normType as number);
    cmp.check("total norm", optim.clipGradNorm(params, c.maxNorm as number, { normType }), c.totalNorm as number);
  } else {
    optim.clipGradValue(params, c.clipValue as number);
  }
  params.forEach((p, i) => cmp.check(`grads[${i}]`, p.grad.data, c.clipped[i]));
  return cmp;
}
