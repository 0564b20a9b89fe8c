import { describe, expect, it } from "vitest";
import { Adam, AdamW } from "./adam";
import { param64, traceSteps as trace } from "./test-helpers";

describe("Adam", () => {
  it("bias-corrected steps of ≈ lr for a constant gradient", () => {
    // lr 0.1, β = (0.9, 0.999), g = 0.5:
    // t=1: m = 0.05, v = 0.00025; m̂ = 0.05/0.1 = 0.5, √v/√0.001 = 0.5 → w = 1 − 0.1·0.5/(0.5 + 1e-8) ≈ 0.9
    // t=2: m = 0.095, v = 0.00049975; m̂ = 0.095/0.19 = 0.5, √(v/0.001999) = 0.5 → w ≈ 0.8
    const ws = trace((p) => new Adam(p, { lr: 0.1 }), [0.5, 0.5]);
    const w1 = 1 - (0.1 * 0.5) / (0.5 + 1e-8);
    expect(ws[0]).toBeCloseTo(w1, 14);
    const m2 = 0.095 / (1 - 0.9 ** 2);
    const denom2 = Math.sqrt(0.00049975) / Math.sqrt(1 - 0.999 ** 2) + 1e-8;
    expect(ws[1]).toBeCloseTo(w1 - (0.1 * m2) / denom2, 13);
    expect(ws[1]).toBeCloseTo(0.8, 6);
  });

  it("adds eps after bias-correcting √v (torch), not inside the root (lecture)", () => {
    // g = 1e-8 = eps: m̂ = 1e-8, √v̂ = 1e-8, denom = 2e-8 → the step is lr/2 = 0.05.
    // eps before the bias correction would give (3.16e-10 + 1e-8)/0.0316 ≈ 3.26e-7 → a step of 0.0031;
    // the lecture's η m/√(s + ε) gives 0.1·1e-9/1e-4 = 1e-6.
    const ws = trace((p) => new Adam(p, { lr: 0.1 }), [1e-8]);
    expect(ws[0]).toBeCloseTo(0.95, 12);
  });

  it("biasCorrection: false takes the lecture's uncorrected step, (1 − β₁)/√(1 − β₂) ≈ 3.16× torch's at t = 1", () => {
    // lr 0.1, g = 0.5: m = 0.05, v = 0.00025 → step 0.1·0.05/(√0.00025 + 1e-8) = 0.316228 (torch: 0.1).
    const ws = trace((p) => new Adam(p, { lr: 0.1, biasCorrection: false }), [0.5, 0.5]);
    expect(ws[0]).toBeCloseTo(1 - (0.1 * 0.05) / (Math.sqrt(0.00025) + 1e-8), 14);
    // t = 2: m = 0.095, v = 0.00049975, no correction.
    expect(ws[1]).toBeCloseTo(ws[0] - (0.1 * 0.095) / (Math.sqrt(0.00049975) + 1e-8), 13);
    // On by default: the same steps as torch's Adam.
    expect(trace((p) => new Adam(p, { lr: 0.1, biasCorrection: true }), [0.5, 0.2])).toEqual(
      trace((p) => new Adam(p, { lr: 0.1 }), [0.5, 0.2]),
    );
  });

  it("amsgrad keeps the max of v (before bias correction)", () => {
    // g = 1 then 0, lr 0.1: t=1: m = 0.1, v = 0.001 = vmax → w = 1 − 0.1·1/(1 + 1e-8)
    // t=2: m = 0.09, v = 0.000999 < vmax = 0.001 → denom = √0.001/√0.001999 + 1e-8 (plain Adam uses √0.000999)
    const ams = trace((p) => new Adam(p, { lr: 0.1, amsgrad: true }), [1, 0]);
    const plain = trace((p) => new Adam(p, { lr: 0.1 }), [1, 0]);
    const w1 = 1 - 0.1 / (1 + 1e-8);
    expect(ams[0]).toBeCloseTo(w1, 14);
    expect(plain[0]).toBeCloseTo(w1, 14);
    const mHat = 0.09 / 0.19;
    expect(ams[1]).toBeCloseTo(w1 - (0.1 * mHat) / (Math.sqrt(0.001) / Math.sqrt(0.001999) + 1e-8), 13);
    expect(plain[1]).toBeCloseTo(w1 - (0.1 * mHat) / (Math.sqrt(0.000999) / Math.sqrt(0.001999) + 1e-8), 13);
    expect(ams[1]).not.toBeCloseTo(plain[1], 6);
  });

  it("maximize ascends", () => {
    expect(trace((p) => new Adam(p, { lr: 0.1 }), [-0.5])[0]).toBeCloseTo(1 + 0.05 / (0.5 + 1e-8), 14);
    expect(trace((p) => new Adam(p, { lr: 0.1, maximize: true }), [0.5])[0]).toBeCloseTo(1 + 0.05 / (0.5 + 1e-8), 14);
  });
});

describe("AdamW", () => {
  it("decays w by (1 − lr·λ) before the Adam step, default λ = 1e-2", () => {
    expect(new AdamW([param64([[1]])]).defaults.weightDecay).toBe(0.01);
    // lr 0.1, λ 0.1, g 0.5: w = 1·(1 − 0.01) = 0.99, then the Adam step ≈ 0.1 → ≈ 0.89
    const ws = trace((p) => new AdamW(p, { lr: 0.1, weightDecay: 0.1 }), [0.5]);
    expect(ws[0]).toBeCloseTo(0.99 - (0.1 * 0.5) / (0.5 + 1e-8), 14);
  });

  it("differs from Adam with L2 weightDecay", () => {
    // Adam + L2: g = 0.5 + 0.1·1 = 0.6; m̂ = 0.6, √v̂ = 0.6 → the step is still ≈ 0.1 → w ≈ 0.9:
    // the decay term is normalised away by √v. AdamW: ≈ 0.89, the decay survives.
    const adam = trace((p) => new Adam(p, { lr: 0.1, weightDecay: 0.1 }), [0.5, 0.5, 0.5]);
    const adamw = trace((p) => new AdamW(p, { lr: 0.1, weightDecay: 0.1 }), [0.5, 0.5, 0.5]);
    expect(adam[0]).toBeCloseTo(1 - (0.1 * 0.6) / (0.6 + 1e-8), 14);
    expect(adamw[0] - adam[0]).toBeCloseTo(-0.01, 7);
    for (let t = 0; t < 3; t++) expect(Math.abs(adamw[t] - adam[t])).toBeGreaterThan(0.005);
  });
});
