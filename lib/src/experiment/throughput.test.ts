import { describe, expect, it } from "vitest";
import { throughput } from "./throughput";
import { blobs } from "../data/synthetic";

describe("throughput", () => {
  it("times each batch size: positive rates, best ≥ worst", () => {
    const points = throughput(blobs({ n: 100, seed: 0 }), { sizes: [2, 8, 3] }, [1, 16], 64, 2, 0);
    expect(points.map((p) => p.m)).toEqual([1, 16]);
    for (const p of points) {
      expect(p.worst).toBeGreaterThan(0);
      expect(p.best).toBeGreaterThanOrEqual(p.worst);
    }
  });
});
