import { describe, expect, it } from "vitest";
import { Tensor, mean, randn } from "../tensor";
import { Rng } from "../rng";
import { Dropout } from "./dropout";
import { gradCheckModule } from "./gradcheck-module";

const ones = (r: number, c: number) => Tensor.full(r, c, 1, "float64");
const fractionZero = (t: Tensor) => t.data.filter((v) => v === 0).length / t.size;

describe("Dropout", () => {
  it("keeps the mean (inverted scaling 1/(1 − p)) and drops a fraction p", () => {
    for (const p of [0.2, 0.5, 0.8]) {
      const y = new Dropout(p, { seed: 11 }).forward(ones(200, 500));
      // each output is 1/(1−p) with prob 1−p, else 0: mean 1, variance p/(1−p). With n = 100 000 the sample mean
      // has sd √(p/(1−p)/n) ≤ 0.0064 (p = 0.8) and the zero fraction sd √(p(1−p)/n) ≤ 0.0016; we allow 4 sd.
      expect(Math.abs(mean(y) - 1)).toBeLessThan(4 * Math.sqrt(p / (1 - p) / 1e5));
      expect(Math.abs(fractionZero(y) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 1e5));
      expect(new Set(y.data)).toEqual(new Set([0, 1 / (1 - p)]));
    }
  });

  it("is the exact identity in eval mode (the same tensor, as torch), forward and backward", () => {
    const x = randn(3, 4, new Rng(0));
    const d = new Dropout(0.5, { seed: 1 }).eval();
    expect(d.forward(x)).toBe(x);
    expect(d.backward(x)).toBe(x);
    expect(new Dropout(0, { seed: 1 }).forward(x)).toBe(x); // p = 0 keeps everything in training too
  });

  it("draws the same mask for the same seed, another for another seed", () => {
    const x = ones(10, 10);
    const a = Array.from(new Dropout(0.5, { seed: 3 }).forward(x).data);
    expect(Array.from(new Dropout(0.5, { rng: new Rng(3) }).forward(x).data)).toEqual(a);
    expect(Array.from(new Dropout(0.5, { seed: 4 }).forward(x).data)).not.toEqual(a);
  });

  it("backward applies the forward's mask: dx = dy ⊙ mask", () => {
    const d = new Dropout(0.75, { seed: 9 });
    const y = Array.from(d.forward(ones(4, 6)).data); // y = the mask itself (0 or 4)
    const dx = d.backward(Tensor.full(4, 6, 0.5, "float64"));
    expect(Array.from(dx.data)).toEqual(y.map((m) => 0.5 * m));
  });

  it("p = 1 gives zeros", () => {
    const d = new Dropout(1, { seed: 0 });
    expect(Array.from(d.forward(ones(2, 3)).data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(d.backward(ones(2, 3)).data)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("rejects p outside [0, 1] with torch's message, and a missing seed", () => {
    expect(() => new Dropout(1.5, { seed: 0 })).toThrow("dropout probability has to be between 0 and 1, but got 1.5");
    expect(() => new Dropout(-0.1, { seed: 0 })).toThrow("but got -0.1");
    expect(() => new Dropout(NaN, { seed: 0 })).toThrow("but got NaN");
    expect(() => new Dropout(0.5)).toThrow("Dropout(p=0.5): pass { seed: <number> } or { rng: <Rng> }");
  });

  it("passes a float64 gradient check with a fixed mask, and the check does not advance its rng", () => {
    const d = new Dropout(0.4, { seed: 2 });
    const before = d.rng.getState();
    const r = gradCheckModule(d, randn(5, 6, new Rng(1), 1, 0, "float64"));
    expect(r.pass, String(r)).toBe(true);
    expect(d.rng.getState()).toEqual(before);
  });
});
