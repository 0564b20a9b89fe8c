/** The row format shared by experiment, plot and stats, and the mean ± band over seeds computed from it. */
export type { BarRow, ConfusionCell, KnobValue, MetricRow, PlotEvent, SummaryRow } from "./types";
export { aggregateSeeds, thinLines, type BandKind, type BandRow, type CurveKey, type CurveX } from "./aggregate-seeds";
export { knobName, knobLabel, humanRunName, isPercentMetric, withHumanNames } from "./labels";
