import type { Grid } from "./grid";

/** A piece of an iso-line, drawn as a `rule` mark from (x, y) to (x2, y2). */
export interface ContourSegment {
  x: number;
  y: number;
  x2: number;
  y2: number;
  level: number;
}

/**
 * Iso-lines of a gridded function by marching squares: in each grid cell, an edge whose two corners lie on
 * opposite sides of the level c is crossed at the linear interpolation t = (c − z₀)/(z₁ − z₀); the crossings are
 * joined in pairs. A saddle cell (4 crossings) is resolved by the cell's mean. Vega-Lite has no contour mark,
 * so the lines are returned as segments. Same idea as matplotlib's `contour` (no smoothing).
 *
 * @example
 * contourSegments(readGrid("demo", rows, (r) => r.z), [0.5, 1, 2]) // → [{ x, y, x2, y2, level: 0.5 }, …]
 */
export function contourSegments(grid: Grid, levels: readonly number[]): ContourSegment[] {
  const { xs, ys, values: z } = grid;
  const out: ContourSegment[] = [];
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < xs.length; i++) {
      // Corners counter-clockwise from bottom-left: a=(i,j), b=(i+1,j), c=(i+1,j+1), d=(i,j+1).
      const corners: [number, number, number][] = [
        [xs[i], ys[j], z[j][i]],
        [xs[i + 1], ys[j], z[j][i + 1]],
        [xs[i + 1], ys[j + 1], z[j + 1][i + 1]],
        [xs[i], ys[j + 1], z[j + 1][i]],
      ];
      if (corners.some((p) => !Number.isFinite(p[2]))) continue;
      for (const level of levels) {
        // Edge k joins corner k and corner k+1: bottom, right, top, left.
        const cross: ([number, number] | null)[] = [0, 1, 2, 3].map((k) => {
          const [x0, y0, z0] = corners[k];
          const [x1, y1, z1] = corners[(k + 1) % 4];
          if (z0 >= level === z1 >= level) return null;
          const t = (level - z0) / (z1 - z0);
          return [x0 + t * (x1 - x0), y0 + t * (y1 - y0)];
        });
        const hits = cross.filter((p): p is [number, number] => p !== null);
        const seg = (p: [number, number], q: [number, number]) =>
          out.push({ x: p[0], y: p[1], x2: q[0], y2: q[1], level });
        if (hits.length === 2) seg(hits[0], hits[1]);
        else if (hits.length === 4) {
          const centre = corners.reduce((s, p) => s + p[2], 0) / 4;
          // Cut off corners a and c when a's side differs from the centre's; else cut off b and d.
          const cutAC = corners[0][2] >= level !== centre >= level;
          const [e0, e1, e2, e3] = cross as [number, number][];
          if (cutAC) {
            seg(e0, e3);
            seg(e1, e2);
          } else {
            seg(e0, e1);
            seg(e2, e3);
          }
        }
      }
    }
  }
  return out;
}

/**
 * `count` contour levels strictly between zMin and zMax: evenly spaced, or (log) evenly spaced in
 * log(z − zMin) from 10⁻³·(zMax − zMin) up, which puts most lines near the minimum where a path ends.
 */
export function contourLevels(zMin: number, zMax: number, count: number, log: boolean): number[] {
  const range = zMax - zMin;
  if (!(range > 0)) return [];
  if (!log) return Array.from({ length: count }, (_, k) => zMin + (range * (k + 1)) / (count + 1));
  const lo = Math.log(range * 1e-3);
  const hi = Math.log(range);
  return Array.from({ length: count }, (_, k) => zMin + Math.exp(lo + ((hi - lo) * k) / count));
}
