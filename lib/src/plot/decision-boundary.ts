import type { TopLevelSpec } from "vega-lite";
import { applyChartOptions, type ChartOptions } from "./chart-options";
import { distinctInOrder, droppedNote, requireField, requireNumberField, requireRows } from "./check";
import { contourSegments } from "./contour-lines";
import { cellEdges, gridCells, readGrid } from "./grid";
import { OKABE_ITO, PLOT_SIZE, plotConfig, titleWithNotes } from "./theme";

/** A hex colour mixed with white: share 0 keeps it, 1 gives white. */
function tint(hex: string, share: number): string {
  const mix = (k: number) => Math.round(parseInt(hex.slice(k, k + 2), 16) * (1 - share) + 255 * share);
  return "#" + [1, 3, 5].map((k) => mix(k).toString(16).padStart(2, "0")).join("");
}

/** A classifier's output at one grid point: the probability p of the positive class, or the predicted class. */
export interface BoundaryGridPoint {
  x: number;
  y: number;
  p?: number;
  class?: string | number;
}

/** A data point with its true label. */
export interface LabeledPoint {
  x: number;
  y: number;
  label: string | number;
}

/** Options of `decisionBoundary`. */
export interface DecisionBoundaryOptions extends ChartOptions {
  title?: string;
  /** Axis titles (default "x₁", "x₂"). */
  xTitle?: string;
  yTitle?: string;
}

/**
 * A classifier on a 2-D dataset (TensorFlow-Playground style): the grid shaded by p = P(class 1 | x) on a
 * blue–orange scale with the p = 0.5 boundary drawn as a line, or by the predicted class; the data points on
 * top, coloured and shaped by their true label. Grid points with a non-finite p are left blank and counted.
 *
 * @example
 * decisionBoundary(gridOf((x, y) => ({ p: model.predictProba([x, y]) })), data.map(([x, y], i) => ({ x, y, label: labels[i] })))
 */
export function decisionBoundary(
  grid: readonly BoundaryGridPoint[],
  points: readonly LabeledPoint[],
  opts: DecisionBoundaryOptions = {},
): TopLevelSpec {
  requireRows("decisionBoundary", grid, "grid points");
  for (const f of ["x", "y"]) requireNumberField("decisionBoundary", grid, f, "grid");
  const byP = grid[0].p !== undefined;
  if (byP) requireNumberField("decisionBoundary", grid, "p", "grid");
  else requireField("decisionBoundary", grid, "class", "grid");
  for (const f of ["x", "y"]) requireNumberField("decisionBoundary", points, f, "points");
  requireField("decisionBoundary", points, "label", "points");
  const g = readGrid("decisionBoundary", grid, (r) => (byP ? r.p! : 0));
  const at = new Map(grid.map((r) => [`${r.x},${r.y}`, r]));
  const cells = gridCells(g).map((c) => {
    const r = at.get(`${g.xs[c.i]},${g.ys[c.j]}`)!;
    return { x: c.x, x2: c.x2, y: c.y, y2: c.y2, p: r.p, class: r.class };
  });
  const shown = byP ? cells.filter((c) => Number.isFinite(c.p)) : cells;
  const boundary = byP ? contourSegments(g, [0.5]) : [];
  const labels = distinctInOrder([...points.map((p) => p.label), ...(byP ? [] : cells.map((c) => c.class!))]);

  const ex = cellEdges(g.xs);
  const ey = cellEdges(g.ys);
  const x = {
    type: "quantitative",
    title: opts.xTitle ?? "x₁",
    scale: { domain: [ex[0], ex[ex.length - 1]], nice: false },
  };
  const y = {
    type: "quantitative",
    title: opts.yTitle ?? "x₂",
    scale: { domain: [ey[0], ey[ey.length - 1]], nice: false },
  };
  // Heat cells overlap slightly (no seams), so they must be opaque: light colours instead of opacity.
  const heatColor = byP
    ? {
        field: "p",
        type: "quantitative",
        title: "P(class 1)",
        scale: { scheme: { name: "blueorange", extent: [0.1, 0.9] }, domain: [0, 1] },
      }
    : {
        field: "class",
        type: "nominal",
        legend: null,
        sort: labels,
        scale: { domain: labels, range: OKABE_ITO.map((c) => tint(c, 0.7)) },
      };
  const layer = [
    {
      data: { values: shown },
      mark: { type: "rect" },
      encoding: {
        x: { ...x, field: "x" },
        x2: { field: "x2" },
        y: { ...y, field: "y" },
        y2: { field: "y2" },
        color: heatColor,
        tooltip: [{ field: byP ? "p" : "class", format: byP ? ".3f" : "" }],
      },
    },
    ...(boundary.length > 0
      ? [
          {
            data: { values: boundary },
            mark: { type: "rule", color: "black", strokeWidth: 1.5 },
            encoding: { x: { ...x, field: "x" }, y: { ...y, field: "y" }, x2: { field: "x2" }, y2: { field: "y2" } },
          },
        ]
      : []),
    {
      data: { values: points },
      mark: { type: "point", filled: true, size: 40, stroke: "black", strokeWidth: 0.8, opacity: 1, clip: true },
      encoding: {
        x: { ...x, field: "x" },
        y: { ...y, field: "y" },
        color: {
          field: "label",
          type: "nominal",
          title: "label",
          sort: labels,
          scale: { domain: labels, range: [...OKABE_ITO] },
        },
        shape: { field: "label", type: "nominal", title: "label", sort: labels, scale: { domain: labels } },
        tooltip: [{ field: "label" }, { field: "x", format: ".3~g" }, { field: "y", format: ".3~g" }],
      },
    },
  ];
  return applyChartOptions(
    "decisionBoundary",
    {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: { ...plotConfig(), axis: { ...plotConfig().axis, grid: false } },
      title: titleWithNotes(opts.title ?? "decision boundary", droppedNote(cells.length - shown.length, "grid values")),
      width: PLOT_SIZE.square,
      height: PLOT_SIZE.square,
      layer,
      // The points' colours (full Okabe–Ito) are a scale of their own, apart from the heatmap's.
      resolve: { scale: { color: "independent", shape: "independent" } },
    } as TopLevelSpec,
    opts,
  );
}
