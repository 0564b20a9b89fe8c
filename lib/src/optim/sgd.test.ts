import { describe, expect, it } from "vitest";
import { SGD } from "./sgd";
import { param64, setGrad } from "./test-helpers";

/** Steps SGD with a constant gradient g and returns w after each step. */
function trace(options: ConstructorParameters<typeof SGD>[1], g: number, steps: number, w0 = 1): number[] {
  const p = param64([[w0]]);
  const opt = new SGD([p], options);
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    setGrad(p, g);
    opt.step();
    out.push(p.value.data[0]);
  }
  return out;
}

describe("SGD", () => {
  it("plain step: w ← w − lr·g", () => {
    // w = 1, g = 0.5, lr = 0.1: 1 − 0.05 = 0.95, then 0.9, 0.85.
    const ws = trace({ lr: 0.1 }, 0.5, 3);
    ws.forEach((w, i) => expect(w).toBeCloseTo([0.95, 0.9, 0.85][i], 12));
  });

  it("momentum with dampening: no dampening on the first step", () => {
    // μ = 0.9, dampening 0.5, lr 0.1, g = 0.5:
    // t=1: b = g = 0.5 (NOT 0.5·0.5), w = 1 − 0.05 = 0.95
    // t=2: b = 0.9·0.5 + 0.5·0.5 = 0.7, w = 0.95 − 0.07 = 0.88
    // t=3: b = 0.9·0.7 + 0.25 = 0.88, w = 0.88 − 0.088 = 0.792
    const ws = trace({ lr: 0.1, momentum: 0.9, dampening: 0.5 }, 0.5, 3);
    ws.forEach((w, i) => expect(w).toBeCloseTo([0.95, 0.88, 0.792][i], 12));
  });

  it("nesterov: g ← g + μ b", () => {
    // t=1: b = 0.5, g' = 0.5 + 0.45 = 0.95, w = 1 − 0.095 = 0.905
    // t=2: b = 0.45 + 0.5 = 0.95, g' = 0.5 + 0.855 = 1.355, w = 0.905 − 0.1355 = 0.7695
    const ws = trace({ lr: 0.1, momentum: 0.9, nesterov: true }, 0.5, 2);
    expect(ws[0]).toBeCloseTo(0.905, 12);
    expect(ws[1]).toBeCloseTo(0.7695, 12);
  });

  it("weightDecay adds λw to the gradient", () => {
    // λ = 0.1: t=1: g = 0.5 + 0.1 = 0.6, w = 0.94; t=2: g = 0.5 + 0.094 = 0.594, w = 0.94 − 0.0594 = 0.8806
    const ws = trace({ lr: 0.1, weightDecay: 0.1 }, 0.5, 2);
    expect(ws[0]).toBeCloseTo(0.94, 12);
    expect(ws[1]).toBeCloseTo(0.8806, 12);
  });

  it("maximize negates the gradient before weight decay (torch 2.x)", () => {
    // g = −0.5 + 0.1·1 = −0.4, w = 1 + 0.04 = 1.04 (weight decay still shrinks w)
    expect(trace({ lr: 0.1, weightDecay: 0.1, maximize: true }, 0.5, 1)[0]).toBeCloseTo(1.04, 12);
    // without decay: w = 1 + 0.05
    expect(trace({ lr: 0.1, maximize: true }, 0.5, 1)[0]).toBeCloseTo(1.05, 12);
  });

  it("per-group options override the defaults", () => {
    const a = param64([[1]]);
    const b = param64([[1]]);
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 1 }], { lr: 0.1 });
    setGrad(a, 0.5);
    setGrad(b, 0.5);
    opt.step();
    expect(a.value.data[0]).toBeCloseTo(0.95, 12); // 1 − 0.1·0.5
    expect(b.value.data[0]).toBeCloseTo(0.5, 12); // 1 − 1·0.5
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.1, 1]);
  });

  it("allocates the momentum buffer once and updates it in place", () => {
    const p = param64([[1, 2]]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
    setGrad(p, 1);
    opt.step();
    const buf = opt.state.get(p)!.momentumBuffer;
    opt.step();
    expect(opt.state.get(p)!.momentumBuffer).toBe(buf);
    expect(Array.from(buf!.data)).toEqual([1.9, 1.9]); // 0.9·1 + 1
  });
});
