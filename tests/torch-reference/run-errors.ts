/** Builds each invalid-hyperparameter case of the fixtures with nn-knobs and returns the message it throws. */
import { Tensor, optim, nn } from "../../lib/src";

export interface ErrorCase {
  target: string;
  options: Record<string, unknown>;
  /** torch 1.13's message. */
  torch: string;
  /** The message the library must give: torch 1.13's, or current torch's where it was reworded since. */
  expected: string;
}

/** The message nn-knobs throws for the case, or "(no error)". */
export function libraryMessage(c: ErrorCase): string {
  const { steps = 0, optimizer = "SGD", ...o } = c.options as { steps?: number; optimizer?: string };
  const params = [new nn.Parameter(Tensor.zeros(1, 1))];
  const opts = o as never;
  const optimizers: Record<string, () => unknown> = {
    SGD: () => new optim.SGD(params, opts),
    Adagrad: () => new optim.Adagrad(params, opts),
    RMSprop: () => new optim.RMSprop(params, opts),
    Adam: () => new optim.Adam(params, opts),
    AdamW: () => new optim.AdamW(params, opts),
    Adadelta: () => new optim.Adadelta(params, opts),
  };
  try {
    if (optimizers[c.target]) {
      optimizers[c.target]();
    } else {
      const opt: optim.SchedulableOptimizer =
        optimizer === "SGD"
          ? new optim.SGD(params, { lr: 0.1, momentum: 0.9 })
          : new optim.Adagrad(params, { lr: 0.1 });
      const make: Record<string, () => { step(metric: number): void }> = {
        ReduceLROnPlateau: () => new optim.ReduceLROnPlateau(opt, opts),
        OneCycleLR: () => new optim.OneCycleLR(opt, opts),
        LinearLR: () => new optim.LinearLR(opt, opts),
      };
      if (!make[c.target]) throw new Error(`unknown target ${c.target} in the fixtures`);
      const sched = make[c.target]();
      for (let i = 0; i < steps; i++) sched.step(0); // the metric is read by ReduceLROnPlateau only
    }
  } catch (e) {
    return (e as Error).message;
  }
  return "(no error)";
}
