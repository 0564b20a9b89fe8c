import { describe, expect, it } from "vitest";
import { bestDelta, numericErrorVsDelta } from "./delta-sweep";

const DELTAS = [1e-1, 1e-2, 1e-3, 1e-5, 1e-8, 1e-11];
const rows = [0, 1].flatMap((seed) => numericErrorVsDelta(DELTAS, seed));
const err = (dtype: string, delta: number, seed = 0) =>
  rows.find((r) => r.dtype === dtype && r.delta === delta && r.seed === seed)!.error;

describe("numericErrorVsDelta", () => {
  it("shows truncation (∝ δ²) for large δ and rounding for small δ, in float64", () => {
    expect(err("float64", 1e-1) / err("float64", 1e-2)).toBeGreaterThan(50); // ≈ 100 for a δ² law
    expect(err("float64", 1e-5)).toBeLessThan(1e-8);
    expect(err("float64", 1e-11)).toBeGreaterThan(100 * err("float64", 1e-5));
  });
  it("float32's rounding error is far larger and wins at a much larger δ", () => {
    expect(err("float32", 1e-5)).toBeGreaterThan(1e3 * err("float64", 1e-5));
    expect(err("float32", 1e-3)).toBeLessThan(err("float32", 1e-5));
  });
  it("bestDelta finds ε^(1/3)-like optima per dtype", () => {
    const best = bestDelta(rows);
    expect(best.float64.delta).toBe(1e-5);
    expect([1e-2, 1e-3]).toContain(best.float32.delta);
    expect(best.float32.error).toBeGreaterThan(1e3 * best.float64.error);
  });
  it("refuses a non-positive δ", () => {
    expect(() => numericErrorVsDelta([1e-3, 0], 0)).toThrow(/positive/);
  });
});
