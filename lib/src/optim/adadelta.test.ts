import { describe, expect, it } from "vitest";
import { Adadelta } from "./adadelta";
import { Parameter } from "../nn/module";
import { Tensor } from "../tensor";
import { traceSteps as trace } from "./test-helpers";

describe("Adadelta", () => {
  it("u ← ρu + (1 − ρ)g², Δ = √(v + ε)/√(u + ε)·g, v ← ρv + (1 − ρ)Δ², w ← w − lr·Δ", () => {
    // lr 1, ρ 0.9, ε 1e-6, g = 0.5 twice, w₀ = 1:
    // t=1: u = 0.025, Δ = √1e-6/√0.025001·0.5 ≈ 0.0031622, v = 0.1·Δ² ≈ 1.0e-6, w ≈ 0.9968377
    // t=2: u = 0.0475, Δ = √(v + 1e-6)/√0.047501·0.5 ≈ 0.0032444, w ≈ 0.9935933
    const ws = trace((p) => new Adadelta(p), [0.5, 0.5]);
    const eps = 1e-6;
    const u1 = 0.025;
    const d1 = (Math.sqrt(eps) / Math.sqrt(u1 + eps)) * 0.5;
    const v1 = 0.1 * d1 * d1;
    const u2 = 0.9 * u1 + 0.025;
    const d2 = (Math.sqrt(v1 + eps) / Math.sqrt(u2 + eps)) * 0.5;
    expect(ws[0]).toBeCloseTo(1 - d1, 14);
    expect(ws[1]).toBeCloseTo(1 - d1 - d2, 14);
    expect(ws[0]).toBeCloseTo(0.9968377, 6);
  });

  it("weightDecay, maximize and lr scale the step", () => {
    // g = −0.5 + 0.5·1 = 0 with weightDecay 0.5 and maximize: no step at all
    expect(trace((p) => new Adadelta(p, { weightDecay: 0.5, maximize: true }), [0.5])[0]).toBe(1);
    const one = trace((p) => new Adadelta(p), [0.5])[0];
    expect(trace((p) => new Adadelta(p, { lr: 2 }), [0.5])[0]).toBeCloseTo(1 - 2 * (1 - one), 14);
  });

  it("rejects invalid hyperparameters with torch's messages", () => {
    const p = [new Parameter(Tensor.zeros(1, 1))];
    expect(() => new Adadelta(p, { rho: 1.5 })).toThrow("Invalid rho value: 1.5");
    expect(() => new Adadelta(p, { lr: -1 })).toThrow("Invalid learning rate: -1");
    expect(() => new Adadelta(p, { eps: -1 })).toThrow("Invalid epsilon value: -1");
  });
});
