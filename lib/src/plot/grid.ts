/** A regular 2-D grid read from long rows {x, y, …}: its sorted axes and each row's place in it. */
export interface Grid {
  /** Distinct x values, ascending. */
  xs: number[];
  /** Distinct y values, ascending. */
  ys: number[];
  /** values[j][i] is the value at (xs[i], ys[j]). */
  values: number[][];
}

/**
 * Reads a full regular grid from rows (any order): every (x, y) pair of the distinct xs × ys must appear once.
 * Throws a message that names the builder when a point is missing or repeated (a blank patch otherwise).
 *
 * @example
 * readGrid("trajectories", [{x:0,y:0,z:1},{x:1,y:0,z:2},{x:0,y:1,z:3},{x:1,y:1,z:4}], (r) => r.z)
 * // → { xs: [0, 1], ys: [0, 1], values: [[1, 2], [3, 4]] }
 */
export function readGrid<T extends { x: number; y: number }>(
  builder: string,
  rows: readonly T[],
  value: (row: T) => number,
): Grid {
  const xs = [...new Set(rows.map((r) => r.x))].sort((a, b) => a - b);
  const ys = [...new Set(rows.map((r) => r.y))].sort((a, b) => a - b);
  if (xs.length < 2 || ys.length < 2) {
    throw new Error(
      `${builder}: the grid needs at least 2 distinct x and 2 distinct y values (got ${xs.length} × ${ys.length})`,
    );
  }
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, j) => [y, j]));
  const values = ys.map(() => xs.map(() => NaN));
  const seen = ys.map(() => xs.map(() => false));
  for (const r of rows) {
    const i = xi.get(r.x)!;
    const j = yi.get(r.y)!;
    if (seen[j][i]) throw new Error(`${builder}: grid point (x=${r.x}, y=${r.y}) appears twice`);
    seen[j][i] = true;
    values[j][i] = value(r);
  }
  if (rows.length !== xs.length * ys.length) {
    throw new Error(
      `${builder}: not a full grid: ${xs.length} x values × ${ys.length} y values = ${xs.length * ys.length} points, got ${rows.length}`,
    );
  }
  return { xs, ys, values };
}

/** Edges of the cells around sorted centres: midpoints between neighbours, the ends half a step out. */
export function cellEdges(centres: readonly number[]): number[] {
  const n = centres.length;
  const edges = [centres[0] - (centres[1] - centres[0]) / 2];
  for (let i = 0; i + 1 < n; i++) edges.push((centres[i] + centres[i + 1]) / 2);
  edges.push(centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2);
  return edges;
}

/**
 * One heatmap rectangle per grid point, for a `rect` mark with x, x2, y, y2. Inner cells reach 3% into their
 * right and upper neighbours so that anti-aliasing leaves no white seams between them.
 */
export function gridCells(grid: Grid): { x: number; x2: number; y: number; y2: number; i: number; j: number }[] {
  const ex = cellEdges(grid.xs);
  const ey = cellEdges(grid.ys);
  const over = (e: number[], k: number) => (k + 2 < e.length ? e[k + 1] + 0.03 * (e[k + 2] - e[k + 1]) : e[k + 1]);
  return grid.ys.flatMap((_, j) =>
    grid.xs.map((_, i) => ({ x: ex[i], x2: over(ex, i), y: ey[j], y2: over(ey, j), i, j })),
  );
}
