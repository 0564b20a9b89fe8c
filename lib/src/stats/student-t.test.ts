import { describe, expect, it } from "vitest";
import { incompleteBeta, lnGamma, tCdf, tPdf, tQuantile } from "./student-t";

describe("lnGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12); // Γ(1/4), tabulated
  });
  it("rejects x ≤ 0", () => expect(() => lnGamma(0)).toThrow("lnGamma: x must be > 0, got 0"));
});

describe("incompleteBeta", () => {
  it("matches the closed forms I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b and I_½(a, a) = ½", () => {
    for (const x of [0.01, 0.3, 0.7, 0.99]) {
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(incompleteBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 13);
    }
    expect(incompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 13);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
  it("rejects bad arguments", () => {
    expect(() => incompleteBeta(1.5, 1, 1)).toThrow("x must be in [0, 1], got 1.5");
    expect(() => incompleteBeta(0.5, 0, 1)).toThrow("a and b must be > 0");
  });
});

describe("tCdf and tPdf", () => {
  it("ν = 1 is the Cauchy distribution: ½ + atan(t)/π", () => {
    for (const t of [-30, -2, -0.5, 0, 0.5, 2, 30]) expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
    expect(tPdf(1, 1)).toBeCloseTo(1 / (2 * Math.PI), 13);
  });
  it("ν = 2 has the closed form ½ + t / (2√(2 + t²))", () => {
    for (const t of [-5, -1, 0.3, 4.3027]) expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
  });
  it("approaches the normal for large ν and handles ±∞", () => {
    expect(tCdf(1.959963985, 1e7)).toBeCloseTo(0.975, 6);
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tCdf(-Infinity, 3)).toBe(0);
  });
  it("rejects df ≤ 0", () => expect(() => tCdf(1, 0)).toThrow("tCdf: degrees of freedom must be > 0, got 0"));
});

describe("tQuantile", () => {
  it("matches tabulated two-sided 95% and 99% values", () => {
    // From t tables (and the closed forms for ν = 1, 2: tan(π(p − ½)) and (2p − 1)√(2 / (4p(1 − p)))).
    expect(tQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 8); // 12.7062
    expect(tQuantile(0.975, 2)).toBeCloseTo(0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025)), 9); // 4.3027
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.3027, 4);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(tQuantile(0.995, 10)).toBeCloseTo(3.1693, 4);
    expect(tQuantile(0.95, 5)).toBeCloseTo(2.015, 3);
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.96, 3);
  });
  it("is the inverse of tCdf, also for fractional df (Welch) and lower tails", () => {
    for (const df of [1, 2.94, 4, 17.5, 100]) {
      for (const p of [0.001, 0.05, 0.3, 0.5, 0.9, 0.975, 0.9995]) {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
    }
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.7764, 4);
    expect(tQuantile(0.975, 2.5)).toBeGreaterThan(tQuantile(0.975, 3));
    expect(tQuantile(0.975, 2.5)).toBeLessThan(tQuantile(0.975, 2));
  });
  it("rejects p outside (0, 1)", () => {
    expect(() => tQuantile(1, 3)).toThrow("tQuantile: p must be in (0, 1), got 1");
    expect(() => tQuantile(0.5, -1)).toThrow("degrees of freedom must be > 0");
  });
});
