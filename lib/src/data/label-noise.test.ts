import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor/tensor";
import { makeDataset } from "./dataset";
import { withLabelNoise } from "./label-noise";

const ds = makeDataset({
  x: Tensor.zeros(1000, 2),
  y: Int32Array.from({ length: 1000 }, (_, i) => i % 10),
  numClasses: 10,
  name: "toy",
});

describe("withLabelNoise", () => {
  it("relabels exactly round(fraction·n) rows, each to a different class, and keeps the rest", () => {
    const noisy = withLabelNoise(ds, 0.4, 3);
    expect(noisy.noisyRows.length).toBe(400);
    const changed = [...noisy.y].flatMap((v, i) => (v !== ds.y[i] ? [i] : []));
    expect(changed).toEqual([...noisy.noisyRows]);
    expect(ds.y[0]).toBe(0); // the input is not changed
    // Wrong labels spread over the 9 other classes: each gets roughly 400/9 ≈ 44.
    const counts = new Array(10).fill(0);
    for (const i of noisy.noisyRows) counts[(noisy.y[i] - ds.y[i] + 10) % 10]++;
    expect(counts[0]).toBe(0);
    expect(Math.min(...counts.slice(1))).toBeGreaterThan(20);
  });

  it("is reproducible from its seed and rejects bad fractions", () => {
    expect([...withLabelNoise(ds, 0.1, 5).y]).toEqual([...withLabelNoise(ds, 0.1, 5).y]);
    expect([...withLabelNoise(ds, 0.1, 5).y]).not.toEqual([...withLabelNoise(ds, 0.1, 6).y]);
    expect(withLabelNoise(ds, 0, 1).noisyRows.length).toBe(0);
    expect(() => withLabelNoise(ds, 1.5, 1)).toThrow(/fraction must be in \[0, 1\]/);
  });
});
