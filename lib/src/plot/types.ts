/** Row types the plot builders read (defined with the row format in lib/src/rows), and plot-only types. */
export type { KnobValue, MetricRow, SummaryRow } from "../rows/types";

/** A vertical marker on a curve plot, e.g. `{ x: 1200, label: "lr ÷ 10" }` where a plateau schedule fired. */
export interface PlotEvent {
  x: number;
  label: string;
}
