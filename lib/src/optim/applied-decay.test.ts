import { describe, expect, it } from "vitest";
import { appliedDecay } from "./applied-decay";
import { SGD } from "./sgd";
import { Adam, AdamW } from "./adam";
import { Parameter } from "../nn/module";
import { Tensor } from "../tensor";

function param(): Parameter {
  const p = new Parameter(new Tensor(1, 4, Float64Array.from([0.5, -1, 2, 0]), "float64"));
  p.grad.data.set([0.1, 0.05, -1, 0.3]);
  return p;
}

describe("appliedDecay", () => {
  it("is 1 for every weight of SGD and AdamW (NaN where W = 0)", () => {
    for (const make of [(p: Parameter) => new SGD([p], { lr: 0.1 }), (p: Parameter) => new AdamW([p], { lr: 0.1 })]) {
      const p = param();
      const r = appliedDecay(make(p), p, 0.01);
      for (let i = 0; i < 3; i++) expect(r[i]).toBeCloseTo(1, 9);
      expect(r[3]).toBeNaN();
    }
  });

  it("is ≈ 0 for Adam + L2 on a first step, where every weight moves by ±η whatever λ", () => {
    // First Adam step: m̂ = g', v̂ = g'², update = η·g'/(|g'| + ε) = ±η with g' = g + λW or g: the applied decay is
    // 0 (up to ε) whenever λW does not flip the sign of g — here for every weight. AdamW's is exactly 1.
    const p = param();
    const r = appliedDecay(new Adam([p], { lr: 0.1 }), p, 0.01);
    for (let i = 0; i < 3; i++) expect(Math.abs(r[i])).toBeLessThan(1e-4);
  });

  it("leaves weights, state and weightDecay as they were", () => {
    const p = param();
    const opt = new Adam([p], { lr: 0.1, weightDecay: 0.5 });
    opt.step();
    const before = { w: Array.from(p.value.data), state: JSON.stringify(opt.stateDict()) };
    appliedDecay(opt, p, 0.01);
    expect(Array.from(p.value.data)).toEqual(before.w);
    expect(JSON.stringify(opt.stateDict())).toBe(before.state);
    expect(opt.paramGroups[0].weightDecay).toBe(0.5);
  });

  it("rejects λ ≤ 0 and a parameter the optimizer does not hold", () => {
    const p = param();
    const opt = new SGD([p], { lr: 0.1 });
    expect(() => appliedDecay(opt, p, 0)).toThrow("lambda must be > 0");
    expect(() => appliedDecay(opt, param(), 0.1)).toThrow("not one the optimizer updates");
  });
});
