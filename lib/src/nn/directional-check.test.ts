import { describe, expect, it } from "vitest";
import { directionalCheck } from "./directional-check";
import { mlp } from "./mlp";
import { BuggySigmoid } from "./buggy-sigmoid";
import { randn, scale } from "../tensor";
import { Rng } from "../rng";

const x = randn(16, 12, new Rng(1), 1, 0, "float64");
const y = Int32Array.from({ length: 16 }, (_, i) => i % 3);
const net = () => mlp({ sizes: [12, 8, 3], activation: "sigmoid", dtype: "float64" }, 0);

describe("directionalCheck", () => {
  it("passes a correct float64 net along the gradient and along random directions, and restores the weights", () => {
    const m = net();
    const before = m.parameters().map((p) => Array.from(p.value.data));
    const along = directionalCheck(m, x, y);
    expect(along.analytic).toBeCloseTo(along.gradNorm, 12); // d = g/‖g‖
    expect(along.error).toBeLessThan(1e-8);
    for (const seed of [0, 1, 2])
      expect(directionalCheck(m, x, y, { direction: "random", seed }).error).toBeLessThan(1e-8);
    expect(m.parameters().map((p) => Array.from(p.value.data))).toEqual(before);
  });
  it("catches a wrong backward along the gradient with an error of order 1", () => {
    const m = net();
    m.replace(1, new BuggySigmoid());
    expect(directionalCheck(m, x, y).error).toBeGreaterThan(1e-2);
  });
  it("refuses a zero gradient", () => {
    const zeroLoss = { forward: () => 0, backward: () => scale(randn(16, 3, new Rng(0), 1, 0, "float64"), 0) };
    expect(() => directionalCheck(net(), x, y, { loss: zeroLoss })).toThrow(/zero/);
  });
});
