import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { droppedNote, requireNumberField, requireRows } from "./check";
import { contourLevels, contourSegments } from "./contour-lines";
import { cellEdges, gridCells, readGrid } from "./grid";
import { PLOT_SIZE, plotConfig, titleWithNotes } from "./theme";

const GREYS = { name: "greys", extent: [0, 0.45] }; // light, so coloured paths stand out

/** One point of a 2-D loss surface z = f(x₁, x₂) sampled on a regular grid. */
export interface SurfacePoint {
  x: number;
  y: number;
  z: number;
}

/** An optimizer's path: the iterates (x₁, x₂) after 0, 1, 2, … steps. */
export interface TrajectoryPath {
  name: string;
  points: readonly (readonly [number, number])[];
}

/** Options of `trajectories`. */
export interface TrajectoriesOptions extends ChartOptions {
  /** Shade and contour on a log scale of z − min z (default true: shows the valley floor). */
  logContours?: boolean;
  /** Number of iso-lines (default 12). */
  levels?: number;
  title?: string;
}

/**
 * Optimizer paths on a 2-D loss surface (d2l's `show_trace_2d`): a grey heatmap of z (log-shaded by default),
 * iso-lines traced from the grid by marching squares, each path as a line with a dot per iterate, a circle at
 * the start and a square at the end. Axes x₁, x₂. Paths that leave the grid are clipped at its border (noted in
 * the subtitle); non-finite iterates (divergence) are dropped and counted.
 *
 * @example
 * trajectories(surfaceGrid(rosenbrock, [-2, 2], [-1, 3], 60), [
 *   { name: "SGD", points: sgdPath }, { name: "momentum 0.9", points: momentumPath }])
 */
export function trajectories(
  surfaceGrid: readonly SurfacePoint[],
  paths: readonly TrajectoryPath[],
  opts: TrajectoriesOptions = {},
): TopLevelSpec {
  requireRows("trajectories", surfaceGrid, "surface grid points");
  for (const f of ["x", "y", "z"]) requireNumberField("trajectories", surfaceGrid, f, "surfaceGrid");
  const grid = readGrid("trajectories", surfaceGrid, (r) => r.z);
  const log = opts.logContours ?? true;
  const finiteZ = surfaceGrid.map((r) => r.z).filter(Number.isFinite);
  if (finiteZ.length === 0) throw new Error("trajectories: every z of the surface grid is NaN or ±Infinity");
  const zMin = Math.min(...finiteZ);
  const zMax = Math.max(...finiteZ);
  const tiny = (zMax - zMin) * 1e-6 || 1e-12; // keeps the minimum itself on the log colour scale
  const heat = gridCells(grid)
    .map((c) => ({ ...c, z: grid.values[c.j][c.i] }))
    .filter((c) => Number.isFinite(c.z))
    .map((c) => ({ x: c.x, x2: c.x2, y: c.y, y2: c.y2, z: c.z, shade: log ? c.z - zMin + tiny : c.z }));
  const lines = contourSegments(grid, contourLevels(zMin, zMax, opts.levels ?? 12, log));

  const ex = cellEdges(grid.xs);
  const ey = cellEdges(grid.ys);
  const [x0, x1, y0, y1] = [ex[0], ex[ex.length - 1], ey[0], ey[ey.length - 1]];
  const notes = droppedNote(surfaceGrid.length - finiteZ.length, "surface values");
  let droppedPoints = 0;
  const pathRows = paths.flatMap((p) => {
    if (typeof p.name !== "string") throw new Error(`trajectories: a path has no name (got ${JSON.stringify(p.name)})`);
    const pts = p.points
      .map(([x, y], i) => ({ name: p.name, i, x, y }))
      .filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y));
    droppedPoints += p.points.length - pts.length;
    if (pts.some((q) => q.x < x0 || q.x > x1 || q.y < y0 || q.y > y1)) notes.push(`${p.name} leaves the plotted area`);
    return pts;
  });
  notes.push(...droppedNote(droppedPoints, "path points"));
  const names = paths.map((p) => p.name);
  const ends = paths.flatMap((p) => {
    const pts = pathRows.filter((q) => q.name === p.name);
    return pts.length === 0
      ? []
      : [
          { ...pts[0], where: "start" },
          { ...pts[pts.length - 1], where: "end" },
        ];
  });

  const x = { type: "quantitative" as const, title: "x₁", scale: { domain: [x0, x1], nice: false, zero: false } };
  const y = { type: "quantitative" as const, title: "x₂", scale: { domain: [y0, y1], nice: false, zero: false } };
  const pathColor = { field: "name", type: "nominal" as const, title: "optimizer", sort: names };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: titleWithNotes(opts.title ?? "optimizer paths on the loss surface", notes),
    width: PLOT_SIZE.square,
    height: PLOT_SIZE.square,
    layer: [
      {
        data: { values: heat },
        mark: { type: "rect" },
        encoding: {
          x: { ...x, field: "x" },
          x2: { field: "x2" },
          y: { ...y, field: "y" },
          y2: { field: "y2" },
          color: {
            field: "shade",
            type: "quantitative",
            title: log ? "z − min z" : "z",
            // On the log scale, shades saturate below 10⁻³ of the range, where the lowest iso-line sits.
            scale: log
              ? { type: "log", domain: [(zMax - zMin) * 1e-3, zMax - zMin + tiny], clamp: true, scheme: GREYS }
              : { type: "linear", scheme: GREYS },
          },
          tooltip: [{ field: "z", type: "quantitative", format: ".4~g" }],
        },
      },
      {
        data: { values: lines },
        mark: { type: "rule", color: "#555", strokeWidth: 0.7, opacity: 0.8 },
        encoding: { x: { ...x, field: "x" }, y: { ...y, field: "y" }, x2: { field: "x2" }, y2: { field: "y2" } },
      },
      {
        data: { values: pathRows },
        mark: { type: "line", point: { size: 14 }, strokeWidth: 1.8, clip: true },
        encoding: {
          x: { ...x, field: "x" },
          y: { ...y, field: "y" },
          color: pathColor,
          order: { field: "i" },
          tooltip: [
            { field: "name" },
            { field: "i", title: "step" },
            { field: "x", format: ".4~g" },
            { field: "y", format: ".4~g" },
          ],
        },
      },
      {
        data: { values: ends },
        mark: { type: "point", filled: true, size: 110, stroke: "black", strokeWidth: 1, opacity: 1, clip: true },
        encoding: {
          x: { ...x, field: "x" },
          y: { ...y, field: "y" },
          color: { ...pathColor, legend: null },
          shape: {
            field: "where",
            type: "nominal",
            title: "marker",
            sort: ["start", "end"],
            scale: { range: ["circle", "square"] },
          },
        },
      },
    ],
    resolve: { scale: { color: "independent" } },
    config: { ...plotConfig(), axis: { ...plotConfig().axis, grid: false } },
  };
  return applyChartOptions("trajectories", spec as TopLevelSpec, opts);
}
