import { describe, expect, it } from "vitest";
import { contourLevels, contourSegments } from "./contour-lines";
import { cellEdges, readGrid } from "./grid";

function gridOf(f: (x: number, y: number) => number, xs: number[], ys: number[]) {
  return readGrid(
    "test",
    xs.flatMap((x) => ys.map((y) => ({ x, y, z: f(x, y) }))),
    (r) => r.z,
  );
}
const range = (n: number, lo: number, hi: number) =>
  Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));

describe("readGrid and cellEdges", () => {
  it("reads rows in any order into values[j][i] at (xs[i], ys[j])", () => {
    const g = readGrid(
      "t",
      [
        { x: 1, y: 0, z: 2 },
        { x: 0, y: 1, z: 3 },
        { x: 0, y: 0, z: 1 },
        { x: 1, y: 1, z: 4 },
      ],
      (r) => r.z,
    );
    expect(g).toEqual({
      xs: [0, 1],
      ys: [0, 1],
      values: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it("names the builder when a grid point is missing or repeated", () => {
    const three = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
    ];
    expect(() => readGrid("trajectories", three, () => 0)).toThrow(
      "trajectories: not a full grid: 2 x values × 2 y values = 4 points, got 3",
    );
    expect(() => readGrid("t", [...three, { x: 0, y: 0 }], () => 0)).toThrow("t: grid point (x=0, y=0) appears twice");
    expect(() => readGrid("t", [{ x: 0, y: 0 }], () => 0)).toThrow("at least 2 distinct x and 2 distinct y");
  });

  it("puts cell edges at midpoints, the outer ones half a step out", () => {
    expect(cellEdges([0, 1, 3])).toEqual([-0.5, 0.5, 2, 4]); // (0+1)/2, (1+3)/2; 0 − 1/2; 3 + 2/2
  });
});

describe("contourSegments (marching squares)", () => {
  it("traces a plane's iso-line exactly: z = x + y at level 1 lies on x + y = 1", () => {
    // Linear interpolation is exact for a linear function, so every endpoint satisfies x + y = 1.
    const segs = contourSegments(
      gridOf((x, y) => x + y, range(5, 0, 1), range(5, 0, 1)),
      [1],
    );
    expect(segs.length).toBeGreaterThanOrEqual(4); // the diagonal crosses at least 4 of the 4 × 4 cells
    for (const s of segs) {
      expect(s.x + s.y).toBeCloseTo(1, 12);
      expect(s.x2 + s.y2).toBeCloseTo(1, 12);
      expect(s.level).toBe(1);
    }
  });

  it("draws a circle for z = x² + y²: endpoints at radius ≈ 1 for level 1", () => {
    const segs = contourSegments(
      gridOf((x, y) => x * x + y * y, range(41, -2, 2), range(41, -2, 2)),
      [1],
    );
    const radii = segs.flatMap((s) => [Math.hypot(s.x, s.y), Math.hypot(s.x2, s.y2)]);
    // Grid step 0.1: interpolating the quadratic along an edge errs by at most ~step²/4 in z, so r is within 0.01.
    for (const r of radii) expect(Math.abs(r - 1)).toBeLessThan(0.01);
    // Total length ≈ 2π (chords are slightly shorter than arcs).
    const length = segs.reduce((s, q) => s + Math.hypot(q.x2 - q.x, q.y2 - q.y), 0);
    expect(length).toBeGreaterThan(2 * Math.PI * 0.99);
    expect(length).toBeLessThan(2 * Math.PI * 1.001);
  });

  it("resolves a saddle cell by its mean into two segments", () => {
    // One cell, corners a(0,0)=1, b(1,0)=0, c(1,1)=1, d(0,1)=0: every edge is crossed at its midpoint at level 0.5.
    // Centre mean 0.5 ≥ 0.5 sides with a and c, so the lines cut off corners b and d.
    const g = {
      xs: [0, 1],
      ys: [0, 1],
      values: [
        [1, 0],
        [0, 1],
      ],
    };
    const segs = contourSegments(g, [0.5]).map((s) => [s.x, s.y, s.x2, s.y2]);
    expect(segs).toEqual([
      [0.5, 0, 1, 0.5], // around b: bottom edge midpoint to right edge midpoint
      [0.5, 1, 0, 0.5], // around d: top edge midpoint to left edge midpoint
    ]);
  });

  it("skips cells with a non-finite corner and gives nothing for a level outside the range", () => {
    const g = {
      xs: [0, 1],
      ys: [0, 1],
      values: [
        [0, NaN],
        [1, 1],
      ],
    };
    expect(contourSegments(g, [0.5])).toEqual([]);
    expect(
      contourSegments(
        gridOf((x) => x, [0, 1], [0, 1]),
        [2],
      ),
    ).toEqual([]);
  });
});

describe("contourLevels", () => {
  it("spaces levels evenly strictly inside (zMin, zMax), or geometrically above zMin", () => {
    expect(contourLevels(0, 4, 3, false)).toEqual([1, 2, 3]);
    // log, range 10: zMin + exp(ln(10⁻³·10) + k·(ln 10 − ln 10⁻²)/2) for k = 0, 1 → 10⁻², 10⁻²·√1000 ≈ 0.3162.
    const log = contourLevels(0, 10, 2, true);
    expect(log[0]).toBeCloseTo(0.01, 12);
    expect(log[1]).toBeCloseTo(0.01 * Math.sqrt(1000), 12);
    expect(contourLevels(3, 3, 5, true)).toEqual([]);
  });
});
