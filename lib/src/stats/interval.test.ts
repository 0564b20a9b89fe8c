import { describe, expect, it } from "vitest";
import { mean, meanInterval, median, sampleStd } from "./interval";
import { pairedDifference, welchDifference } from "./difference";

describe("meanInterval", () => {
  it("gives mean ± t·s/√n, derived by hand for [1, 2, 3]", () => {
    // mean 2, s = 1, se = 1/√3, t_{0.975,2} = 4.302653 → half-width 2.484138.
    const ci = meanInterval([1, 2, 3]);
    expect(ci).toMatchObject({ n: 3, mean: 2, std: 1, df: 2, confidence: 0.95 });
    expect(ci.halfWidth).toBeCloseTo(2.484138, 5);
    expect(ci.lo).toBeCloseTo(-0.484138, 5);
    expect(ci.hi).toBeCloseTo(4.484138, 5);
  });
  it("uses the confidence level: 90% with 5 values uses t_{0.95,4} = 2.1318", () => {
    // [10, 12, 14, 16, 18]: mean 14, s = √10, se = √2 → half-width 2.131847·1.414214 = 3.014887.
    const ci = meanInterval([10, 12, 14, 16, 18], 0.9);
    expect(ci.halfWidth).toBeCloseTo(3.014887, 5);
  });
  it("has zero width when every value is equal", () => {
    expect(meanInterval([0.5, 0.5, 0.5])).toMatchObject({ lo: 0.5, hi: 0.5, halfWidth: 0 });
  });
  it("refuses fewer than 2 values and bad confidence levels", () => {
    expect(() => meanInterval([1])).toThrow("at least 2 values (seeds), got 1");
    expect(() => meanInterval([1, 2], 95)).toThrow("confidence must be in (0, 1), e.g. 0.95; got 95");
  });
  it("mean and sampleStd follow torch.mean / torch.std (n − 1)", () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(sampleStd([1, 2, 3, 6])).toBeCloseTo(Math.sqrt(14 / 3), 14);
    expect(sampleStd([1])).toBeNaN();
  });
});

describe("pairedDifference and welchDifference", () => {
  it("pairing by seed: the t interval of the per-seed differences", () => {
    // d = [1, 2, 3] → the same interval as meanInterval([1, 2, 3]).
    const d = pairedDifference([11, 22, 33], [10, 20, 30]);
    expect(d.mean).toBeCloseTo(2, 14);
    expect(d.df).toBe(2);
    expect(d.halfWidth).toBeCloseTo(2.484138, 5);
  });
  it("Welch: se and Welch–Satterthwaite df derived by hand", () => {
    // a = [1, 2, 3] (s² = 1), b = [2, 4, 6] (s² = 4): se² = 1/3 + 4/3 = 5/3,
    // df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = (25/9) / (17/18) = 50/17 ≈ 2.941.
    const w = welchDifference([1, 2, 3], [2, 4, 6]);
    expect(w.mean).toBe(-2);
    expect(w.se).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(w.df).toBeCloseTo(50 / 17, 12);
    // df between 2 and 3: the multiplier lies between t_{0.975,3} = 3.1824 and t_{0.975,2} = 4.3027.
    expect(w.halfWidth).toBeLessThan(4.3027 * w.se);
    expect(w.halfWidth).toBeGreaterThan(3.1824 * w.se);
  });
  it("only pairing detects a small effect hidden in a large seed-to-seed spread", () => {
    // Each seed's baseline differs a lot (seed luck), the setting adds 0.009..0.013 to every seed.
    const base = [0.8, 0.85, 0.9, 0.95, 0.7];
    const gain = [0.01, 0.012, 0.011, 0.009, 0.013];
    const setting = base.map((b, i) => b + gain[i]);
    // Paired: d mean 0.011, s_d = √(1e-5/4) = 0.0015811, se = 0.00070711, t_{0.975,4} = 2.776445 → ± 0.0019632.
    const p = pairedDifference(setting, base);
    expect(p.mean).toBeCloseTo(0.011, 12);
    expect(p.lo).toBeCloseTo(0.0090368, 6);
    expect(p.hi).toBeCloseTo(0.0129632, 6);
    expect(p.lo).toBeGreaterThan(0); // the effect is detected
    const w = welchDifference(setting, base);
    expect(w.mean).toBeCloseTo(0.011, 12);
    expect(w.lo).toBeLessThan(0); // unpaired, the same runs show nothing
    expect(w.hi).toBeGreaterThan(0);
  });
  it("refuses unequal lengths for pairing and tiny groups for Welch", () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow("as many values in a as in b, got 3 and 2");
    expect(() => welchDifference([1], [1, 2])).toThrow("at least 2 values, got 1 and 2");
  });
});

describe("median", () => {
  it("skips NaN and averages the middle pair of an even count", () => {
    expect(median([3, NaN, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN])).toBeNaN();
  });
});
