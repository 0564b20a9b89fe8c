/** Row types the plot builders read, defined with the row format in lib/src/rows. */
export type { KnobValue, MetricRow, SummaryRow, PlotEvent } from "../rows/types";
