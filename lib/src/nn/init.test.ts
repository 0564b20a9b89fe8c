import { describe, expect, it } from "vitest";
import { Tensor, maxAbs, mean, std } from "../tensor";
import { Rng } from "../rng";
import {
  calculateGain,
  constant_,
  kaimingNormal_,
  kaimingUniform_,
  normal_,
  uniform_,
  xavierNormal_,
  xavierUniform_,
  zeros_,
} from "./init";

// A 400 × 600 weight (fan_out 400, fan_in 600): 240 000 draws. The sample std of n draws has a relative sd of
// √((kurtosis − 1)/4n): 0.14% for a normal (kurtosis 3), 0.09% for a uniform (1.8). toBeCloseTo(·, 2) on
// std/expected allows 0.5%, i.e. ≥ 3.5 sd.
const W = () => Tensor.zeros(400, 600, "float64");
const ratio = (t: Tensor, expected: number) => std(t) / expected;

describe("init", () => {
  it("torch's gains", () => {
    expect(calculateGain("linear")).toBe(1);
    expect(calculateGain("sigmoid")).toBe(1);
    expect(calculateGain("tanh")).toBe(5 / 3);
    expect(calculateGain("relu")).toBe(Math.SQRT2);
    expect(calculateGain("leaky_relu")).toBeCloseTo(Math.sqrt(2 / (1 + 0.01 ** 2)), 15); // torch's default 0.01
    expect(calculateGain("leaky_relu", 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 15);
    expect(calculateGain("leaky_relu", 0)).toBe(Math.SQRT2);
    expect(calculateGain("selu")).toBe(0.75);
    expect(() => calculateGain("gelu" as never)).toThrow("Unsupported nonlinearity gelu");
  });

  it("normal_ takes the std or the variance, spelled out", () => {
    const rng = new Rng(1);
    expect(ratio(normal_(W(), rng, { std: 0.01 }), 0.01)).toBeCloseTo(1, 2);
    expect(ratio(normal_(W(), rng, { variance: 0.01 }), 0.1)).toBeCloseTo(1, 2); // N(0, 0.01) as a variance: std 0.1
    const t = normal_(W(), rng, { mean: 3, std: 2 });
    expect(mean(t)).toBeCloseTo(3, 1); // sd of the sample mean: 2/√240 000 ≈ 0.004
    expect(() => normal_(W(), rng, { std: 0.1, variance: 0.01 })).toThrow(
      "pass exactly one of { std } or { variance }",
    );
    expect(() => normal_(W(), rng, {})).toThrow("the lecture's N(0, 0.01) may mean std 0.01 or variance 0.01");
    expect(() => normal_(W(), rng, { std: -1 })).toThrow("normal expects std >= 0.0, but found std -1");
  });

  it("uniform_, zeros_ and constant_", () => {
    const rng = new Rng(2);
    const u = uniform_(W(), rng, -1, 3);
    const values = Array.from(u.data);
    expect(values.reduce((a, v) => Math.min(a, v))).toBeGreaterThanOrEqual(-1);
    expect(values.reduce((a, v) => Math.max(a, v))).toBeLessThan(3);
    expect(ratio(u, 4 / Math.sqrt(12)), "U(a, b) has std (b − a)/√12").toBeCloseTo(1, 2);
    expect(() => uniform_(W(), rng, 1, 0)).toThrow(
      "uniform_ expects to return a [from, to) range, but found from=1 > to=0",
    );
    expect(Array.from(zeros_(Tensor.full(2, 2, 5)).data)).toEqual([0, 0, 0, 0]);
    expect(Array.from(constant_(Tensor.zeros(1, 3), 0.25).data)).toEqual([0.25, 0.25, 0.25]);
  });

  it("Xavier: std = gain·√(2/(fan_in + fan_out)), uniform bound √3 × that", () => {
    const rng = new Rng(3);
    const s = Math.sqrt(2 / 1000); // ≈ 0.0447
    const u = xavierUniform_(W(), rng);
    expect(maxAbs(u)).toBeLessThanOrEqual(Math.sqrt(6 / 1000));
    expect(ratio(u, s)).toBeCloseTo(1, 2);
    expect(ratio(xavierNormal_(W(), rng), s)).toBeCloseTo(1, 2);
    expect(ratio(xavierNormal_(W(), rng, 5 / 3), (5 / 3) * s)).toBeCloseTo(1, 2);
  });

  it("Kaiming: std = gain/√fan, fan_in by default, leaky_relu with a = 0 (gain √2) by default", () => {
    const rng = new Rng(4);
    expect(ratio(kaimingNormal_(W(), rng), Math.sqrt(2 / 600))).toBeCloseTo(1, 2);
    expect(ratio(kaimingNormal_(W(), rng, { mode: "fan_out" }), Math.sqrt(2 / 400))).toBeCloseTo(1, 2);
    expect(ratio(kaimingNormal_(W(), rng, { nonlinearity: "tanh" }), 5 / 3 / Math.sqrt(600))).toBeCloseTo(1, 2);
    const u = kaimingUniform_(W(), rng, { a: Math.sqrt(5) }); // torch's Linear default: bound 1/√fan_in
    expect(maxAbs(u)).toBeLessThanOrEqual(1 / Math.sqrt(600));
    expect(ratio(u, 1 / Math.sqrt(600) / Math.sqrt(3))).toBeCloseTo(1, 2);
    expect(() => kaimingNormal_(W(), rng, { mode: "fan_avg" as never })).toThrow(
      "Mode fan_avg not supported, please use one of fan_in, fan_out",
    );
  });

  it("is reproducible: same seed, same weights", () => {
    const a = kaimingNormal_(Tensor.zeros(3, 4), new Rng(9));
    const b = kaimingNormal_(Tensor.zeros(3, 4), new Rng(9));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });
});
