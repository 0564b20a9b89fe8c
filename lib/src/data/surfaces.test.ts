import { describe, expect, test } from "vitest";
import { type LossSurface, quadraticBowl, rosenbrock, rotatedQuadratic, surfaceGrid } from "./surfaces";

const surfaces: LossSurface[] = [
  quadraticBowl(),
  quadraticBowl({ a: 1, b: 5 }),
  rotatedQuadratic({ degrees: 30 }),
  rotatedQuadratic({ degrees: -70, a: 0.5, b: 3 }),
  rosenbrock(),
  rosenbrock({ a: 2, b: 10 }),
];

describe("2-D loss surfaces", () => {
  test.each(surfaces.map((s) => [s.name, s] as const))("%s: grad matches central differences", (_n, s) => {
    const h = 1e-5;
    for (let k = 0; k < 25; k++) {
      // A fixed 5 × 5 set of points spread over the plotting window.
      const x = s.xRange[0] + ((s.xRange[1] - s.xRange[0]) * ((k % 5) + 0.37)) / 5;
      const y = s.yRange[0] + ((s.yRange[1] - s.yRange[0]) * (Math.floor(k / 5) + 0.61)) / 5;
      const [gx, gy] = s.grad(x, y);
      const nx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h);
      const ny = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h);
      expect(Math.abs(gx - nx)).toBeLessThan(1e-6 * Math.max(1, Math.abs(nx)));
      expect(Math.abs(gy - ny)).toBeLessThan(1e-6 * Math.max(1, Math.abs(ny)));
    }
  });

  test.each(surfaces.map((s) => [s.name, s] as const))("%s: zero gradient and lowest value at the minimum", (_n, s) => {
    const [mx, my] = s.minimum;
    expect(s.grad(mx, my).map((g) => g + 0)).toEqual([0, 0]); // + 0 turns −0 (from −2·(a − a)) into 0
    expect(s.f(mx, my)).toBe(0);
    expect(s.f(...s.start)).toBeGreaterThan(0);
  });

  test("hand values: the d2l bowl and Rosenbrock", () => {
    const bowl = quadraticBowl();
    expect(bowl.f(-5, -2)).toBeCloseTo(0.1 * 25 + 2 * 4, 12); // 10.5
    expect(bowl.grad(-5, -2)).toEqual([-1, -8]); // [2·0.1·(−5), 2·2·(−2)]
    expect(rosenbrock().grad(0, 0)).toEqual([-2, 0]); // −2(1 − 0) − 0, 200·0
    expect(rosenbrock().f(-1.2, 1)).toBeCloseTo(24.2, 10); // 2.2² + 100·(1 − 1.44)² = 4.84 + 19.36
  });

  test("rotatedQuadratic by 0° is the bowl; by 90° swaps the axes", () => {
    const bowl = quadraticBowl();
    const r0 = rotatedQuadratic({ degrees: 0 });
    const r90 = rotatedQuadratic({ degrees: 90 });
    expect(r0.f(1.3, -0.4)).toBeCloseTo(bowl.f(1.3, -0.4), 12);
    expect(r90.f(1.3, -0.4)).toBeCloseTo(bowl.f(-0.4, 1.3), 12); // u = y, v = −x
    expect(rotatedQuadratic({ degrees: 45 }).f(1, 1)).toBeCloseTo(0.2, 12); // u = √2, v = 0: 0.1 · 2
  });

  test("surfaceGrid: n × n rows spanning the window, z = f(x, y)", () => {
    const g = surfaceGrid(quadraticBowl(), { n: 3 });
    expect(g.map((r) => [r.x, r.y])).toEqual([
      [-6, -3],
      [0, -3],
      [6, -3],
      [-6, 0],
      [0, 0],
      [6, 0],
      [-6, 3],
      [0, 3],
      [6, 3],
    ]);
    expect(g[0].z).toBeCloseTo(0.1 * 36 + 2 * 9, 12);
    expect(surfaceGrid(rosenbrock()).length).toBe(3600);
    expect(surfaceGrid(rosenbrock(), { n: 4, xRange: [0, 3] }).at(-1)?.x).toBe(3);
    expect(() => surfaceGrid(rosenbrock(), { n: 1 })).toThrow("surfaceGrid: n must be an integer >= 2, got 1");
  });
});
