import { describe, expect, it } from "vitest";
import { flatGradient, gradientNoise } from "./gradient-noise";
import { blobs } from "../data/synthetic";
import { mlp, CrossEntropyLoss } from "../nn";

const ds = blobs({ n: 300, seed: 0 });
const model = mlp({ sizes: [2, 8, 3], activation: "tanh" }, 0);
const loss = new CrossEntropyLoss();

describe("gradientNoise", () => {
  it("the full-batch gradient is the mean of the per-example gradients", () => {
    const all = Int32Array.from({ length: 300 }, (_, i) => i);
    const full = flatGradient(model, loss, ds, all);
    const mean = new Float64Array(full.length);
    for (let i = 0; i < 300; i++) flatGradient(model, loss, ds, [i]).forEach((g, j) => (mean[j] += g / 300));
    full.forEach((g, j) => expect(g).toBeCloseTo(mean[j], 5));
  });

  it("measures the 1/m law: slope ≈ −1 and σ²/m at every m", () => {
    const noise = gradientNoise(model, loss, ds, [1, 4, 16, 64], 200, 1);
    expect(noise.slope).toBeGreaterThan(-1.15);
    expect(noise.slope).toBeLessThan(-0.85);
    for (const p of noise.points) expect(p.mean * p.m).toBeGreaterThan(0.7 * noise.sigma2);
    expect(noise.noiseScale).toBeCloseTo(noise.sigma2 / noise.fullNormSq, 12);
  });

  it("asks for at least two draws", () => {
    expect(() => gradientNoise(model, loss, ds, [1], 1, 0)).toThrow(/draws must be at least 2/);
  });
});
