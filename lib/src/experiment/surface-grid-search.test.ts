import { describe, expect, it } from "vitest";
import { fastestOnSurface, stepsOnGrid } from "./surface-grid-search";
import { quadraticBowl } from "../data";

describe("stepsOnGrid / fastestOnSurface", () => {
  it("counts steps to tolerance per config and picks the fewest", () => {
    const bowl = quadraticBowl(); // curvatures 0.2 and 4: plain GD needs η < 0.5
    const grid = [0.05, 0.45, 0.6].map((lr) => ({ name: "sgd" as const, lr }));
    const steps = stepsOnGrid(bowl, grid, { tol: 1e-4, maxSteps: 2000 });
    // η = 0.45 shrinks x1 by 1 − 0.09 per step, η = 0.05 by 1 − 0.01; η = 0.6 diverges along x2.
    expect(steps[1].steps).toBeLessThan(steps[0].steps);
    expect(steps[2].steps).toBe(Infinity);
    expect(fastestOnSurface(bowl, grid, { tol: 1e-4 }).config.lr).toBe(0.45);
  });
  it("needs a config", () => {
    expect(() => stepsOnGrid(quadraticBowl(), [], { tol: 1 })).toThrow(/at least one/);
  });
});
