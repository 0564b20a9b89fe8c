import { describe, expect, it } from "vitest";
import { Adagrad } from "./adagrad";
import { Adam } from "./adam";
import { effectiveLr } from "./effective-lr";
import { RMSprop } from "./rmsprop";
import { SGD } from "./sgd";
import { param64 } from "./test-helpers";

/** One step with gradient [2, 0] on a fresh 1 × 2 parameter. */
function afterOneStep<O>(make: (p: ReturnType<typeof param64>[]) => O & { step(): void }) {
  const p = param64([[1, 1]]);
  const opt = make([p]);
  p.grad.data.set([2, 0]);
  opt.step();
  return { p, opt };
}

describe("effectiveLr", () => {
  it("AdaGrad: η/(√s + ε) with s = Σg² (s = 4 after g = 2); NaN where no gradient was seen", () => {
    const { p, opt } = afterOneStep((ps) => new Adagrad(ps, { lr: 0.1 }));
    const r = effectiveLr(opt, p);
    expect(r[0]).toBeCloseTo(0.1 / (2 + 1e-10), 14);
    expect(r[1]).toBeNaN();
  });
  it("RMSprop: η/(√v + ε), v = (1 − α)g² = 0.04", () => {
    const { p, opt } = afterOneStep((ps) => new RMSprop(ps, { lr: 0.01 }));
    expect(effectiveLr(opt, p)[0]).toBeCloseTo(0.01 / (0.2 + 1e-8), 12);
  });
  it("Adam: η/(√ŝ + ε) with ŝ = v/(1 − β₂ᵗ) = g², or v itself without bias correction", () => {
    const on = afterOneStep((ps) => new Adam(ps, { lr: 1e-3 }));
    expect(effectiveLr(on.opt, on.p)[0]).toBeCloseTo(1e-3 / (2 + 1e-8), 14);
    const off = afterOneStep((ps) => new Adam(ps, { lr: 1e-3, biasCorrection: false }));
    expect(effectiveLr(off.opt, off.p)[0]).toBeCloseTo(1e-3 / (Math.sqrt(0.001 * 4) + 1e-8), 12);
  });
  it("explains what it cannot do", () => {
    const sgd = afterOneStep((ps) => new SGD(ps, { lr: 0.1 }));
    expect(() => effectiveLr(sgd.opt, sgd.p)).toThrow("effectiveLr: SGD has no per-weight rate");
    const p = param64([[1]]);
    expect(() => effectiveLr(new Adam([p]), p)).toThrow("Adam has no state for this parameter yet; take a step first");
    expect(() => effectiveLr(new Adam([p]), param64([[1]]))).toThrow("not in the optimizer's param groups");
  });
});
