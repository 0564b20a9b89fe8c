import { describe, expect, it } from "vitest";
import { depthStds, initVariance, predictedFactor } from "./init-variance";
import { mlp } from "./mlp";
import { randn } from "../tensor";
import { Rng } from "../rng";

describe("initVariance and predictedFactor", () => {
  it("give the lecture's and torch's variances", () => {
    expect(initVariance("kaiming", 64, 10)).toBeCloseTo(2 / 64);
    expect(initVariance("xavier", 64, 10)).toBeCloseTo(2 / 74);
    expect(initVariance({ normalStd: 0.01 }, 5, 5)).toBeCloseTo(1e-4);
    expect(initVariance({ normalVariance: 0.01 }, 5, 5)).toBeCloseTo(0.01);
    expect(predictedFactor("kaiming", "relu", 64)).toBeCloseTo(1);
    expect(predictedFactor("xavier", "relu", 64)).toBeCloseTo(Math.SQRT1_2);
    expect(predictedFactor("xavier", "tanh", 64)).toBeCloseTo(1);
  });
});

describe("depthStds", () => {
  it("measures a shrinking signal for Xavier in a deep ReLU net and a steady one for Kaiming", () => {
    const x = randn(256, 64, new Rng(1));
    const y = Int32Array.from({ length: 256 }, (_, i) => i % 10);
    const sizes = [64, ...Array(10).fill(64), 10];
    const k = depthStds(mlp({ sizes, activation: "relu", init: "kaiming" }, 0), x, y);
    const xv = depthStds(mlp({ sizes, activation: "relu", init: "xavier" }, 0), x, y);
    expect(k.a).toHaveLength(11);
    expect(k.z).toHaveLength(11);
    const factor = (a: number[]) => (a[9] / a[1]) ** (1 / 8);
    expect(factor(k.a)).toBeGreaterThan(0.85);
    expect(factor(xv.a)).toBeCloseTo(Math.SQRT1_2, 1);
    const t = depthStds(mlp({ sizes, activation: "tanh", init: { normalVariance: 1 } }, 0), x, y);
    expect(t.saturated).toBeGreaterThan(0.3); // var(w) = 1 with n = 64: |a| ≈ 8, tanh saturates
  });
});
