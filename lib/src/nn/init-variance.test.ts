import { describe, expect, it } from "vitest";
import { initVariance, predictedFactor } from "./init-variance";

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
