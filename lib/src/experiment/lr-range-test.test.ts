import { describe, expect, it } from "vitest";
import { lrRangeTest } from "./lr-range-test";
import { run } from "./run";
import type { RunConfig } from "./config";

// A small, fast problem: 2-class moons, an MLP 2-16-16-2, plain SGD.
const base: RunConfig = {
  data: { dataset: "moons", trainSize: 400, valSize: 200, batchSize: 32, noise: 0.1 },
  model: { sizes: [2, 16, 16, 2], activation: "relu", init: "kaiming" },
  optim: { name: "sgd", lr: 0.1 },
  epochs: 10,
};

describe("lrRangeTest", () => {
  it("grows the lr exponentially and smooths the loss with a bias-corrected moving average", async () => {
    // maxLr = 1e-2 is small for this problem: the loss never blows up, so all 30 steps run.
    const rt = await lrRangeTest(base, { minLr: 1e-5, maxLr: 1e-2, steps: 30, seed: 0 });
    expect(rt.stopped).toBe("completed");
    expect(rt.rows).toHaveLength(30); // 30 steps over 13-batch epochs: the loader's epochs are chained
    // η_i = 1e-5 · 1000^(i/29): first 1e-5, last 1e-2, a constant ratio 1000^(1/29) between steps.
    expect(rt.rows[0].lr).toBeCloseTo(1e-5, 15);
    expect(rt.rows[29].lr).toBeCloseTo(1e-2, 12);
    expect(rt.rows[10].lr / rt.rows[9].lr).toBeCloseTo(1000 ** (1 / 29), 12);
    // By hand: avg₁ = (1−β)ℓ₀, so smoothed₀ = avg₁/(1−β) = ℓ₀; smoothed₁ = (βℓ₀ + ℓ₁)/(1 + β) with β = 0.98.
    const [r0, r1] = rt.rows;
    expect(r0.smoothed).toBeCloseTo(r0.loss, 12);
    expect(r1.smoothed).toBeCloseTo((0.98 * r0.loss + r1.loss) / 1.98, 12);
  });

  it("stops once the smoothed loss exceeds 4× the best, and suggests a learning rate that trains", async () => {
    const rt = await lrRangeTest(base, { minLr: 1e-4, maxLr: 1e4, steps: 100, seed: 1 });
    expect(rt.stopped).not.toBe("completed");
    expect(rt.rows.length).toBeLessThan(100);
    const best = Math.min(...rt.rows.map((r) => r.smoothed));
    if (rt.stopped === "exceeded") expect(rt.rows[rt.rows.length - 1].smoothed).toBeGreaterThan(4 * best);
    // Every earlier step was within 4× the best so far (else it would have stopped there).
    let bestSoFar = Infinity;
    for (const r of rt.rows.slice(0, -1)) {
      bestSoFar = Math.min(bestSoFar, r.smoothed);
      expect(r.smoothed).toBeLessThanOrEqual(4 * bestSoFar);
    }
    // The suggestion is the lr of the lowest smoothed loss ÷ 10, leaving out the first 100/10 = 10 steps and the
    // last 5 (as fastai); the steepest point comes no later than that minimum.
    const kept = rt.rows.slice(10, -5);
    const keptBest = Math.min(...kept.map((r) => r.smoothed));
    expect(rt.minimumLr).toBe(kept.find((r) => r.smoothed === keptBest)!.lr);
    expect(rt.suggestion).toBeCloseTo(rt.minimumLr / 10, 15);
    expect(rt.steepestLr).toBeLessThanOrEqual(rt.minimumLr);
    // The point of the test: training with the suggestion learns the moons; with the range's first lr it does not.
    const good = await run({ ...base, optim: { name: "sgd", lr: rt.suggestion } }, { seed: 1, live: false });
    const tiny = await run({ ...base, optim: { name: "sgd", lr: 1e-4 } }, { seed: 1, live: false });
    expect(good.last("accuracy", "val")).toBeGreaterThan(0.85);
    expect(good.last("loss", "val")).toBeLessThan(tiny.last("loss", "val") - 0.2);
  });

  it("is deterministic for a seed and rejects invalid ranges", async () => {
    const a = await lrRangeTest(base, { minLr: 1e-3, maxLr: 1, steps: 20, seed: 2 });
    const b = await lrRangeTest(base, { minLr: 1e-3, maxLr: 1, steps: 20, seed: 2 });
    expect(a).toEqual(b);
    await expect(lrRangeTest(base, { minLr: 1, maxLr: 0.1 })).rejects.toThrow("need 0 < minLr < maxLr");
    await expect(lrRangeTest(base, { steps: 1 })).rejects.toThrow("steps must be an integer ≥ 2");
  });
});
