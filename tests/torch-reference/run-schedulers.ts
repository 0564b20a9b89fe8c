/** Runs the fixtures' lr-scheduler cases through nn-knobs: the scheduler classes and the plain step functions. */
import { Tensor, optim, nn } from "../../lib/src";
import { Comparison } from "./compare";
import type { PlateauCase, SchedulerCase } from "./fixture-types";

/** LambdaLR's functions by the name generate.py gives them (gen_sched.py's LAMBDAS). */
export const LAMBDAS: Record<string, (t: number) => number> = {
  inverse_time_10: (t) => 10 / (10 + t),
  "warmup_5_then_0.9": (t) => (t < 5 ? (t + 1) / 5 : 0.9 ** (t - 4)),
};

/** The scheduler class and the `scheduleValues` kind for each torch name. */
const SCHEDULERS: Record<
  string,
  [new (o: optim.SchedulableOptimizer, opts: never) => optim.LRScheduler, optim.ScheduleName]
> = {
  StepLR: [optim.StepLR, "step"],
  MultiStepLR: [optim.MultiStepLR, "multistep"],
  ExponentialLR: [optim.ExponentialLR, "exponential"],
  CosineAnnealingLR: [optim.CosineAnnealingLR, "cosine"],
  LambdaLR: [optim.LambdaLR, "lambda"],
  LinearLR: [optim.LinearLR, "linear"],
  OneCycleLR: [optim.OneCycleLR, "onecycle"],
};

function options(c: SchedulerCase): Record<string, unknown> {
  const o = { ...c.options };
  if (typeof o.lrLambda === "string") o.lrLambda = LAMBDAS[o.lrLambda];
  return o;
}

/** lr (and momentum or β₁) of every group after construction and after each step(), as torch recorded them. */
export function runSchedulerCase(c: SchedulerCase): Comparison {
  const cmp = new Comparison(c.name, "float64");
  const entry = SCHEDULERS[c.scheduler];
  if (!entry) throw new Error(`unknown scheduler ${c.scheduler} in the fixtures`);
  const [Scheduler, kind] = entry;
  const groups = c.groupLrs.map((lr) => ({ params: [new nn.Parameter(Tensor.zeros(1, 1, "float64"))], lr }));
  const opt =
    c.optimizer === "SGD" ? new optim.SGD(groups, { lr: c.groupLrs[0], momentum: 0.9 }) : new optim.Adam(groups);
  const sched = new Scheduler(opt, options(c) as never);
  const momenta = () => opt.paramGroups.map((g) => ("betas" in g ? g.betas[0] : g.momentum));
  const lrs = [opt.paramGroups.map((g) => g.lr)];
  const moms = [momenta()];
  for (let t = 1; t < c.lr.length; t++) {
    opt.step();
    sched.step();
    lrs.push(opt.paramGroups.map((g) => g.lr));
    moms.push(momenta());
  }
  cmp.check("lr", lrs, c.lr);
  cmp.check("momentum", moms, c.momentum);
  if (c.groupLrs.length === 1) {
    // The same schedule as a plain function of the step (for plots).
    const values = optim.scheduleValues(kind, c.groupLrs[0], options(c) as never, c.lr.length);
    cmp.check(
      "scheduleValues",
      values,
      c.lr.map((r) => r[0]),
    );
  }
  return cmp;
}

/** ReduceLROnPlateau on a metric sequence: the lr after each step(metric); also `plateauValues`. */
export function runPlateauCase(c: PlateauCase): Comparison {
  const cmp = new Comparison(c.name, "float64");
  const opt = new optim.SGD([new nn.Parameter(Tensor.zeros(1, 1, "float64"))], { lr: c.baseLr, momentum: 0.9 });
  const sched = new optim.ReduceLROnPlateau(opt, c.options);
  const lrs = c.metrics.map((m) => {
    opt.step();
    sched.step(m);
    return opt.paramGroups[0].lr;
  });
  cmp.check("lr", lrs, c.lr);
  cmp.check("plateauValues", optim.plateauValues(c.baseLr, c.metrics, c.options).lr, c.lr);
  return cmp;
}
