import { describe, expect, it } from "vitest";
import { quadraticBowl } from "../data";
import { optimizeSurface } from "./surface";

const round = {
  f: (x: number, y: number) => x * x + y * y,
  grad: (x: number, y: number): [number, number] => [2 * x, 2 * y],
};

describe("optimizeSurface with a schedule", () => {
  it("steps the schedule after every optimizer step (hand-derived: η = 0.1, then 0.05, then 0.025)", () => {
    // f = x² + y², ∇ = 2W, plain SGD: W ← (1 − 2η)W → factors 0.8, 0.9, 0.95.
    const t = optimizeSurface(round, { name: "sgd", lr: 0.1 }, [1, 2], 3, "halving", {
      schedule: { name: "step", stepSize: 1, gamma: 0.5 },
    });
    const x = [1, 0.8, 0.8 * 0.9, 0.8 * 0.9 * 0.95];
    t.points.forEach(([px, py], i) => {
      expect(px).toBeCloseTo(x[i], 14);
      expect(py).toBeCloseTo(2 * x[i], 14);
    });
    expect(t.name).toBe("halving");
  });

  it("heavy ball and torch's momentum agree at constant η and part when η drops (the lecture's two forms)", () => {
    const bowl = quadraticBowl();
    const drop = { schedule: { name: "step" as const, stepSize: 10, gamma: 0.1 } };
    const hb = optimizeSurface(bowl, { name: "heavy-ball", lr: 0.3, momentum: 0.9 }, bowl.start, 30, "hb", drop);
    const torch = optimizeSurface(bowl, { name: "sgd", lr: 0.3, momentum: 0.9 }, bowl.start, 30, "torch", drop);
    const gap = (i: number) => Math.hypot(hb.points[i][0] - torch.points[i][0], hb.points[i][1] - torch.points[i][1]);
    expect(Math.max(...[...Array(11).keys()].map(gap))).toBeLessThan(1e-12);
    expect(gap(20)).toBeGreaterThan(1e-3);
    // Without a schedule the default call is unchanged.
    const plain = optimizeSurface(bowl, { name: "sgd", lr: 0.3, momentum: 0.9 }, bowl.start, 10);
    expect(plain.points).toEqual(torch.points.slice(0, 11));
  });
});
