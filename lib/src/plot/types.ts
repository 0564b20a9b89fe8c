/** Row types the plot builders read (defined with the row format in lib/src/rows), and plot-only types. */
export type { BarRow, ConfusionCell, KnobValue, MetricRow, PlotEvent, SummaryRow } from "../rows/types";
