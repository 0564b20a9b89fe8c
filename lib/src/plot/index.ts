/**
 * nn-knobs plots: pure functions from plain rows to Vega-Lite specs (one call per figure), plus the
 * browser-free renderer. Show a spec in a notebook with the kernel's `show(spec)`.
 */
export * from "./render";
export { checkSpec, MARKS } from "./spec-check";
export type { ConfusionCell, KnobValue, MetricRow, PlotEvent, SummaryRow } from "./types";
export { OKABE_ITO, PLOT_SIZE } from "./theme";
export { aggregateSeeds, type BandKind, type BandRow, type CurveKey, type CurveX } from "../rows/aggregate-seeds";
export { curves, type CurvesOptions } from "./curves";
export { contourLevels, contourSegments, type ContourSegment } from "./contour-lines";
export { trajectories, type SurfacePoint, type TrajectoriesOptions, type TrajectoryPath } from "./trajectories";
export { histogramBins, histograms, type HistogramBin, type HistogramRow, type HistogramsOptions } from "./histograms";
export { layerStats, type LayerStatRow, type LayerStatsOptions } from "./layer-stats";
export {
  decisionBoundary,
  type BoundaryGridPoint,
  type DecisionBoundaryOptions,
  type LabeledPoint,
} from "./decision-boundary";
export { imageGrid, type ImageGridOptions, type ImageItem } from "./image-grid";
export { schedulePlot, type ScheduleRow, type SchedulePlotOptions } from "./schedule-plot";
export { barsFromSummary, type BarChartOptions, type BarRow } from "./bar-rows";
export { barChart, pointsWithErrorBars } from "./bar-chart";
export { formatCell, table } from "./table";
export { seedPoints, type SeedPointsOptions } from "./seed-points";
export { applyChartOptions, type ChartOptions, type Rule } from "./chart-options";
export { knobName, knobLabel, humanRunName, withHumanNames } from "../rows/labels";
export { dotPlot, type ComparisonLike, type DotPlotOptions } from "./dot-plot";
export { heatmap, type HeatmapCell, type HeatmapOptions } from "./heatmap";
export { confusionMatrix, type ConfusionMatrixOptions } from "./confusion-matrix";
export { logBars, type LogBarsOptions } from "./log-bars";
export { explorer, type ExplorerOptions, type ExplorerValue } from "./explorer";
