import { describe, expect, it } from "vitest";
import { orderFloors, softmaxRegressionOptimum } from "./order-floors";
import { blobs } from "../data";

describe("orderFloors", () => {
  const data = blobs({
    n: 60,
    centers: [
      [-1, 0],
      [1, 0],
      [0, 1.5],
    ],
    std: 1,
    seed: 7,
  });
  it("finds L* below the loss of any SGD iterate, and floors of order η with replacement, η² for a permutation", () => {
    const lStar = softmaxRegressionOptimum(data);
    expect(lStar).toBeGreaterThan(0);
    const r = orderFloors({
      data,
      samplers: ["replacement", "reshuffle"],
      etas: [0.05, 0.1, 0.2],
      seeds: [0, 1],
      epochs: 60,
    });
    expect(r.lStar).toBe(lStar);
    expect(r.rows.every((x) => x.value > -1e-12)).toBe(true);
    expect(r.floors).toHaveLength(2 * 2 * 3);
    const slope = (s: string) => r.slopes.filter((x) => x.run === s).map((x) => x.value);
    for (const v of slope("replacement")) {
      expect(v).toBeGreaterThan(0.6);
      expect(v).toBeLessThan(1.5);
    }
    for (const v of slope("reshuffle")) expect(v).toBeGreaterThan(1.4);
  });
  it("says so when gradient descent has not converged", () => {
    expect(() => softmaxRegressionOptimum(data, 1, 3)).toThrow(/no convergence/);
  });
});
