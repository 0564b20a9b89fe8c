import { describe, expect, it } from "vitest";
import { Adagrad } from "./adagrad";
import { RMSprop } from "./rmsprop";
import { traceSteps as trace } from "./test-helpers";

describe("Adagrad", () => {
  it("s ← s + g², w ← w − lr·g/(√s + eps)", () => {
    // lr 0.1, g = 0.5: t=1: s = 0.25, w = 1 − 0.05/(0.5 + 1e-10) ≈ 0.9
    //                  t=2: s = 0.5,  w ≈ 0.9 − 0.05/0.70711 ≈ 0.829289
    const ws = trace((p) => new Adagrad(p, { lr: 0.1 }), [0.5, 0.5]);
    const w1 = 1 - 0.05 / (0.5 + 1e-10);
    expect(ws[0]).toBeCloseTo(w1, 14);
    expect(ws[1]).toBeCloseTo(w1 - 0.05 / (Math.sqrt(0.5) + 1e-10), 14);
    expect(ws[1]).toBeCloseTo(0.829289, 6);
  });

  it("lrDecay: clr = lr / (1 + (t − 1)·lrDecay); initialAccumulatorValue starts s", () => {
    // lrDecay 0.5: t=1 clr = 0.1, t=2 clr = 0.1/1.5. s₀ = 1: s₁ = 1.25, s₂ = 1.5
    const ws = trace((p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 1, eps: 0 }), [0.5, 0.5]);
    const w1 = 1 - (0.1 * 0.5) / Math.sqrt(1.25);
    expect(ws[0]).toBeCloseTo(w1, 14);
    expect(ws[1]).toBeCloseTo(w1 - ((0.1 / 1.5) * 0.5) / Math.sqrt(1.5), 14);
  });

  it("weightDecay and maximize", () => {
    // g = −0.5 + 0.1·1 = −0.4: s = 0.16, w = 1 + 0.1·0.4/0.4 = 1.1
    expect(trace((p) => new Adagrad(p, { lr: 0.1, weightDecay: 0.1, maximize: true, eps: 0 }), [0.5])[0]).toBeCloseTo(
      1.1,
      14,
    );
  });
});

describe("RMSprop", () => {
  it("s ← αs + (1 − α)g², w ← w − lr·g/(√s + eps)", () => {
    // lr 0.01, α 0.99, g = 0.5: t=1: s = 0.0025, √s = 0.05, w = 1 − 0.005/0.05 ≈ 0.9
    //                          t=2: s = 0.99·0.0025 + 0.0025 = 0.004975, w ≈ 0.9 − 0.005/0.070534 ≈ 0.829112
    const ws = trace((p) => new RMSprop(p, { lr: 0.01 }), [0.5, 0.5]);
    const w1 = 1 - 0.005 / (0.05 + 1e-8);
    expect(ws[0]).toBeCloseTo(w1, 14);
    expect(ws[1]).toBeCloseTo(w1 - 0.005 / (Math.sqrt(0.004975) + 1e-8), 14);
    expect(ws[1]).toBeCloseTo(0.829112, 6);
  });

  it("eps is added after the square root (not inside it as in the lecture)", () => {
    // g = 1e-6, eps = 1e-8, α = 0: s = 1e-12, √s + eps = 1.01e-6 → step = lr·1e-6/1.01e-6 ≈ 0.990099·lr.
    // Inside the root it would be √(1e-12 + 1e-8) ≈ 1e-4 → a step of 0.01·lr.
    const ws = trace((p) => new RMSprop(p, { lr: 0.1, alpha: 0 }), [1e-6]);
    expect(ws[0]).toBeCloseTo(1 - (0.1 * 1e-6) / (1e-6 + 1e-8), 14);
  });

  it("centered subtracts ḡ² from s", () => {
    // t=1: ḡ = 0.01·0.5 = 0.005, v = 0.0025 − 0.000025 = 0.002475, w = 1 − 0.005/√0.002475 ≈ 0.899496
    const ws = trace((p) => new RMSprop(p, { lr: 0.01, centered: true, eps: 0 }), [0.5, 0.5]);
    expect(ws[0]).toBeCloseTo(1 - 0.005 / Math.sqrt(0.002475), 14);
    expect(ws[0]).toBeCloseTo(0.899496, 6);
    // t=2: s = 0.004975, ḡ = 0.005 + 0.01·(0.5 − 0.005) = 0.00995, v = 0.004975 − 0.00995²
    expect(ws[1]).toBeCloseTo(ws[0] - 0.005 / Math.sqrt(0.004975 - 0.00995 ** 2), 14);
  });

  it("momentum: b ← μb + g/(√s + eps), w ← w − lr·b", () => {
    // t=1: b = 0.5/0.05 = 10, w = 1 − 0.1 = 0.9; t=2: b = 9 + 0.5/√0.004975 ≈ 16.08881, w ≈ 0.7391119
    const ws = trace((p) => new RMSprop(p, { lr: 0.01, momentum: 0.9, eps: 0 }), [0.5, 0.5]);
    expect(ws[0]).toBeCloseTo(0.9, 14);
    expect(ws[1]).toBeCloseTo(0.9 - 0.01 * (9 + 0.5 / Math.sqrt(0.004975)), 14);
    expect(ws[1]).toBeCloseTo(0.7391119, 6);
  });

  it("weightDecay and maximize: g = −grad + λw", () => {
    // g = −0.5 + 0.1 = −0.4, α = 0: s = 0.16, w = 1 + 0.01·0.4/0.4 = 1.01
    const ws = trace((p) => new RMSprop(p, { lr: 0.01, alpha: 0, eps: 0, weightDecay: 0.1, maximize: true }), [0.5]);
    expect(ws[0]).toBeCloseTo(1.01, 14);
  });
});
